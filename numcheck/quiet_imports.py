"""Importing scikit-learn without the pandas import it makes in passing.

scikit-learn's ``utils.fixes`` imports pandas at import time, when it is installed,
for a module-level name nothing numcheck reaches uses (its pandas helpers import
pandas themselves). pandas costs about a second to import and numcheck keeps it for
frames only (the ``frames`` extra), so while scikit-learn is first imported pandas is
hidden, exactly as if it were not installed, which scikit-learn supports.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType


def import_without_pandas(name: str) -> ModuleType:
    if "pandas" in sys.modules or "sklearn.utils.fixes" in sys.modules:
        return importlib.import_module(name)
    sys.modules["pandas"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        return importlib.import_module(name)
    finally:
        del sys.modules["pandas"]

"""Libraries numcheck uses only for some outputs, imported when asked for.

pandas and pyarrow weigh ~100 MB and a second of start-up, and only the claims frame
(``numcheck.claims_frame``), Parquet output and Parquet corpus files need them, so
they are the ``frames`` extra rather than dependencies: ``pip install
'numcheck[frames]'``. Asking for one of those without the extra is a ``NumcheckError``
naming the extra, not a traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from numcheck.errors import NumcheckError

EXTRAS = {"pandas": "frames", "pyarrow": "frames", "pyarrow.parquet": "frames"}


def require(module: str, purpose: str) -> ModuleType:
    """``module``, imported; or why ``purpose`` cannot be done and what to install."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = EXTRAS.get(module, module)
        raise NumcheckError(
            purpose, f"needs {module.split('.')[0]}, which is not installed "
            f"(pip install 'numcheck[{extra}]')"
        ) from None

"""quantulum3, always without its unit classifier.

quantulum3 switches to a scikit-learn classifier whenever scikit-learn is importable,
and numcheck installs scikit-learn (for stories). The classifier model quantulum3 ships
was pickled by an older scikit-learn and does not load with current releases, so
parsing would fail; without it quantulum3 disambiguates units by its own rules, which
is what numcheck was built and scored against.
"""

from __future__ import annotations

import warnings
from types import ModuleType

from numcheck.quiet_imports import import_without_pandas


def quantulum_parser() -> ModuleType:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        classifier = import_without_pandas("quantulum3.classifier")
        from quantulum3 import parser
    classifier.USE_CLF = False  # type: ignore[attr-defined]
    module: ModuleType = parser
    return module

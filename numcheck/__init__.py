"""numcheck: cross-check the numeric claims of news articles.

Library first: nothing here prints or exits. The pipeline is
ingest → extract → stories → group → compare → render, each stage taking and returning the
plain records of ``numcheck.model``.

The public names are imported on first use, so ``import numcheck`` (and ``numcheck
--help``) does not load every stage and its libraries. Three of them, ``extract``,
``group`` and ``compare``, are also subpackage names: they are properties of the package's module
class, so importing the subpackage never replaces the function of the same name.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name → the module that defines it.
_WHERE = {
    "compare": "numcheck.compare",
    "ConfigError": "numcheck.errors",
    "NumcheckError": "numcheck.errors",
    "RulesError": "numcheck.errors",
    "extract": "numcheck.extract",
    "extract_document": "numcheck.extract",
    "group": "numcheck.group",
    "read_paths": "numcheck.ingest",
    **{name: "numcheck.model" for name in (
        "Claim", "Comparison", "Document", "Extraction", "Flag", "Grouping", "Hedge", "Kind",
        "OtherMention", "Problem", "Reason", "Report", "Story", "Subject", "Verdict",
    )},
    "run": "numcheck.pipeline",
    "claims_frame": "numcheck.project",
    "open_project": "numcheck.project",
    "Rulebook": "numcheck.rulebook",
    "load_rules": "numcheck.rulebook",
    "find_stories": "numcheck.stories",
}
__all__ = [  # the same names as _WHERE (tests/test_public_api.py)
    "Claim", "Comparison", "ConfigError", "Document", "Extraction", "Flag", "Grouping",
    "Hedge", "Kind", "NumcheckError", "OtherMention", "Problem", "Reason", "Report", "Rulebook",
    "RulesError", "Story", "Subject", "Verdict", "claims_frame", "compare", "extract",
    "extract_document", "find_stories", "group", "load_rules", "open_project", "read_paths",
    "run",
]


def _public(name: str) -> Any:
    return getattr(importlib.import_module(_WHERE[name]), name)


def _function_of_subpackage(name: str) -> property:
    def get(_: ModuleType) -> Any:
        return _public(name)

    def keep(_: ModuleType, value: object) -> None:
        """The import system binds the subpackage here; the public function keeps the name."""

    return property(get, keep)


class _Package(ModuleType):
    extract = _function_of_subpackage("extract")
    compare = _function_of_subpackage("compare")
    group = _function_of_subpackage("group")

    def __getattr__(self, name: str) -> Any:
        if name not in _WHERE:
            raise AttributeError(f"module 'numcheck' has no attribute '{name}'")
        value = _public(name)
        setattr(self, name, value)
        return value

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *_WHERE})


sys.modules[__name__].__class__ = _Package

if TYPE_CHECKING:
    from numcheck.compare import compare
    from numcheck.errors import ConfigError, NumcheckError, RulesError
    from numcheck.extract import extract, extract_document
    from numcheck.group import group
    from numcheck.ingest import read_paths
    from numcheck.model import (
        Claim,
        Comparison,
        Document,
        Extraction,
        Flag,
        Grouping,
        Hedge,
        Kind,
        OtherMention,
        Problem,
        Reason,
        Report,
        Story,
        Subject,
        Verdict,
    )
    from numcheck.pipeline import run
    from numcheck.project import claims_frame, open_project
    from numcheck.rulebook import Rulebook, load_rules
    from numcheck.stories import find_stories

"""The gate's failing levels: the one table ``--fail-on``, the configuration's ``fail_on``
and the library's ``check`` read, so a level accepted in one is accepted in all.

It lives with the file schemas (the configuration validates against it) and imports
no pydantic, so the gate reads it without loading the validation layer.
"""

from __future__ import annotations

from collections.abc import Iterable

from numcheck.model import Verdict

LEVELS: dict[str, frozenset[Verdict]] = {
    "conflict": frozenset({Verdict.CONFLICT, Verdict.SELF_CONTRADICTION}),
    "divergent": frozenset({Verdict.CONFLICT, Verdict.SELF_CONTRADICTION, Verdict.DIVERGENT}),
    "disputed": frozenset({Verdict.DISPUTED}),
    "garbled": frozenset({Verdict.UNVERIFIABLE}),
    "any": frozenset(Verdict) - {Verdict.CONSISTENT},
}


def level_names(names: Iterable[str]) -> list[str]:
    """The level names of ``names`` (comma lists allowed)."""
    return [n for raw in names for n in (part.strip() for part in raw.split(",")) if n]


def unknown_level(names: Iterable[str]) -> str | None:
    """The message for the first unknown level in ``names``, else None; callers name
    their own source (the flag or the file's key)."""
    for name in level_names(names):
        if name not in LEVELS:
            return f"unknown level '{name}' (choose from: {', '.join(LEVELS)})"
    return None

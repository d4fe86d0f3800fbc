"""What fails ``numcheck check``: the one place the gate's verdict levels are decided.

``--fail-on``, the configuration's ``fail_on`` and the library's ``check`` all read
these levels, so a level accepted in one is accepted in all, and a flag fails the
gate by one rule: it is new (neither reviewed nor in the baseline) and its verdict is
at a failing level.
"""

from __future__ import annotations

from collections.abc import Iterable

from numcheck.errors import ConfigError
from numcheck.model import Verdict

LEVELS: dict[str, frozenset[Verdict]] = {
    "conflict": frozenset({Verdict.CONFLICT, Verdict.SELF_CONTRADICTION}),
    "divergent": frozenset({Verdict.CONFLICT, Verdict.SELF_CONTRADICTION, Verdict.DIVERGENT}),
    "disputed": frozenset({Verdict.DISPUTED}),
    "garbled": frozenset({Verdict.UNVERIFIABLE}),
    "any": frozenset(Verdict) - {Verdict.CONSISTENT},
}
DEFAULT_FAIL_ON = ("conflict", "garbled")
DEFAULT_VERDICTS = frozenset(v for name in DEFAULT_FAIL_ON for v in LEVELS[name])
NEW = "new"  # the status of a flag neither reviewed nor in the baseline


def level_names(names: Iterable[str]) -> list[str]:
    """The level names of ``names`` (comma lists allowed); an unknown one is the problem
    ``ConfigError`` reports, so callers name their own source (flag or file key)."""
    return [n for raw in names for n in (part.strip() for part in raw.split(",")) if n]


def unknown_level(names: Iterable[str]) -> str | None:
    """The message for the first unknown level in ``names``, else None."""
    for name in level_names(names):
        if name not in LEVELS:
            return f"unknown level '{name}' (choose from: {', '.join(LEVELS)})"
    return None


def fail_levels(names: Iterable[str], *, where: str = "--fail-on") -> frozenset[Verdict]:
    """``conflict``/``divergent``/``disputed``/``garbled``/``any`` → failing verdicts."""
    names = list(names)
    problem = unknown_level(names)
    if problem is not None:
        raise ConfigError(where, problem)
    return frozenset(v for name in level_names(names) for v in LEVELS[name])


def fails(verdict: Verdict, status: str, fail_on: frozenset[Verdict]) -> bool:
    """A flag fails the gate when it is new and its verdict is at a failing level."""
    return status == NEW and verdict in fail_on

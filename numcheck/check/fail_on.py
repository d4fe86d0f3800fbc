"""What fails ``numcheck check``: a flag that is new (neither reviewed nor in the
baseline) and whose verdict is at a failing level.

The levels themselves are listed once, in ``numcheck.schemas.levels``, which the
configuration's schema validates against too.
"""

from __future__ import annotations

from collections.abc import Iterable

from numcheck.errors import ConfigError
from numcheck.model import Verdict
from numcheck.schemas.levels import LEVELS, level_names, unknown_level

DEFAULT_FAIL_ON = ("conflict", "garbled")
DEFAULT_VERDICTS = frozenset(v for name in DEFAULT_FAIL_ON for v in LEVELS[name])
NEW = "new"  # the status of a flag neither reviewed nor in the baseline


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

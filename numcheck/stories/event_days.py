"""The days an article's figures are about: what tells two events of one place apart.

Two protest days of one movement in one city, a fortnight apart, are written alike
(same city, same unions, same kind of figures) and no similarity threshold separates
them from two reports of one day. What separates them is the day each report's
figures are dated by: "25 000 manifestants jeudi" in a paper of Thursday 19 January
and "25 000 ont défilé mardi" in one of Tuesday 31 January are figures of two days.
Extraction already resolves each figure's time expression against the article's
publication date (a weekday is the latest one on or before it, "hier" the day before,
"19 janvier" that day), so an article's event days are the day-precise periods of
its claims. Figures dated by a year or a month, or not at all, say nothing here: an
article naming no day joins stories as before, and so does every article of a story
whose figures name none (a troop build-up reported over weeks).

``cluster.choose`` turns an article away from a story when both name days and none
of the article's days lies within ``story_day_gap_days`` of one of the story's.
"""

from __future__ import annotations

from collections.abc import Iterable

from numcheck.model import Claim, Granularity


def event_days(claims: Iterable[Claim]) -> tuple[int, ...]:
    """The ordinals of the days the claims' periods name, ascending, once each."""
    return tuple(sorted({c.period.start.toordinal() for c in claims
                         if c.period is not None and c.period.granularity is Granularity.DAY}))


def apart(days: Iterable[int], others: Iterable[float], gap: int) -> bool:
    """Both name days and no day of one lies within ``gap`` days of one of the other's."""
    mine = list(days)
    theirs = list(others)
    if not mine or not theirs:
        return False
    return all(abs(a - b) > gap for a in mine for b in theirs)

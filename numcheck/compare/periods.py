"""When a claim holds: the period its time scope names (a year, a month), else its date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from numcheck.model import Claim
from numcheck.rulebook import Settings


def period_of(claim: Claim) -> tuple[date, date] | None:
    """The span a claim is about: its resolved period (a year or a month), else its date."""
    if claim.period:
        return claim.period.start, claim.period.end
    if claim.published is not None:
        return claim.published, claim.published
    return None


def split_periods(claims: Sequence[Claim], settings: Settings) -> list[list[Claim]]:
    """Periods of at most the window, anchored at their first date; years by overlap.

    A period of publication dates ends once a date lies more than the window after
    its *first* date: chaining (each article within 45 days of the previous one) would
    otherwise fold a months-long build-up, 90 000 in November and 190 000 in
    February, into one period and call the growth a conflict. A named year links only
    to what overlaps it, so 2020 and 2021 stay apart however close their ends are.
    Claims with no date at all join the largest period of dates (the latest on a tie),
    since with no metadata the only sensible assumption is "the same story"; never a
    period a claim's own words name ("En 2018, … 8 morts" beside an undated "10 morts"
    is a past event beside the news, not one figure told twice): with only those, the
    undated claims are a period of their own, the latest.
    """
    window = timedelta(days=settings.period_window_days)
    dated = sorted(
        ((p, c) for c in claims if (p := period_of(c))), key=lambda pc: (pc[0], pc[1].id)
    )
    undated = [c for c in claims if period_of(c) is None]
    periods: list[list[Claim]] = []
    named: list[bool] = []  # whether a period holds only claims whose words name it
    anchor = end = date.min
    points = True  # whether the current period is made of publication dates only
    for (start, stop), claim in dated:
        point = start == stop
        apart = start - anchor > window if (points and point) else start > end
        if not periods or apart:
            periods.append([])
            named.append(True)
            anchor, end, points = start, stop, point
        periods[-1].append(claim)
        named[-1] = named[-1] and claim.period is not None
        end = max(end, stop)
        points = points and point
    if undated:
        joinable = [i for i in range(len(periods)) if not named[i]]
        if joinable:
            largest = max(joinable, key=lambda i: (len(periods[i]), i))
            periods[largest].extend(undated)
        else:
            periods.append(list(undated))
    return periods

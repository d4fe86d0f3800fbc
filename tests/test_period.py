"""A claim's period: dates to compare, and the ISO text every output has always shown."""

from __future__ import annotations

from datetime import date

import pytest

from numcheck.model import Granularity, Period

CASES = [
    (Period.year(2021), "2021", date(2021, 1, 1), date(2021, 12, 31), Granularity.YEAR),
    (Period.month(2022, 2), "2022-02", date(2022, 2, 1), date(2022, 2, 28), Granularity.MONTH),
    (Period.month(2021, 12), "2021-12", date(2021, 12, 1), date(2021, 12, 31), Granularity.MONTH),
    (Period.day(date(2022, 3, 8)), "2022-03-08", date(2022, 3, 8), date(2022, 3, 8),
     Granularity.DAY),
]


@pytest.mark.parametrize(("period", "text", "start", "end", "granularity"), CASES,
                         ids=[c[1] for c in CASES])
def test_period_spans_and_iso_text(
    period: Period, text: str, start: date, end: date, granularity: Granularity
) -> None:
    assert (period.start, period.end, period.granularity) == (start, end, granularity)
    assert str(period) == text
    assert Period.parse(text) == period


@pytest.mark.parametrize("text", ["20211", "2021-13", "2021-02-30", "last year"])
def test_parse_refuses_what_no_output_writes(text: str) -> None:
    with pytest.raises(ValueError):
        Period.parse(text)

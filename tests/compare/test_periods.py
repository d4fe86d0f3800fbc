"""When claims hold, and how they are split into periods before being compared."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from numcheck import load_rules
from numcheck.compare.periods import period_of, split_periods
from numcheck.model import Claim, Period

Make = Callable[..., Claim]
SETTINGS = load_rules().settings


def _shape(periods: list[list[Claim]]) -> list[list[str]]:
    return [sorted(c.id for c in p) for p in periods]


def test_named_year_wins_over_publication_date(make_claim: Make) -> None:
    c = make_claim(time_scope="en 2020", published=date(2021, 4, 14))
    assert period_of(c) == (date(2020, 1, 1), date(2020, 12, 31))


def test_publication_date_when_no_year(make_claim: Make) -> None:
    c = make_claim(time_scope="la semaine dernière", published=date(2021, 4, 14))
    assert period_of(c) == (date(2021, 4, 14), date(2021, 4, 14))


def test_no_date_at_all(make_claim: Make) -> None:
    assert period_of(make_claim(published=None)) is None


def test_dates_within_the_window_share_a_period(make_claim: Make) -> None:
    a = make_claim(published=date(2022, 1, 1))
    b = make_claim(published=date(2022, 2, 14))  # 44 days later
    assert len(split_periods([a, b], SETTINGS)) == 1


def test_dates_beyond_the_window_split(make_claim: Make) -> None:
    a = make_claim(published=date(2022, 1, 1))
    b = make_claim(published=date(2022, 2, 16))  # 46 days later
    assert _shape(split_periods([b, a], SETTINGS)) == [[a.id], [b.id]]


def test_no_chaining_across_a_long_build_up(make_claim: Make) -> None:
    """Monthly articles over four months are not one period."""
    dates = [date(2021, 11, 1), date(2021, 12, 1), date(2022, 1, 1), date(2022, 2, 1)]
    claims = [make_claim(published=d) for d in dates]
    periods = split_periods(claims, SETTINGS)
    assert len(periods) == 2
    assert _shape(periods)[0] == sorted([claims[0].id, claims[1].id])


def test_adjacent_years_stay_apart(make_claim: Make) -> None:
    a = make_claim(time_scope="2020")
    b = make_claim(time_scope="2021")
    assert len(split_periods([a, b], SETTINGS)) == 2


def test_publication_date_inside_a_named_year_joins_it(make_claim: Make) -> None:
    a = make_claim(time_scope="2021", published=date(2022, 3, 1))
    b = make_claim(published=date(2021, 6, 1))
    assert len(split_periods([a, b], SETTINGS)) == 1


def test_undated_claims_join_the_largest_period(make_claim: Make) -> None:
    old = make_claim(published=date(2020, 1, 1))
    new = [make_claim(published=date(2022, 1, d)) for d in (1, 2)]
    loose = make_claim(published=None)
    periods = split_periods([old, *new, loose], SETTINGS)
    assert loose in periods[1] and loose not in periods[0]


def test_window_is_a_setting(make_claim: Make) -> None:
    a = make_claim(published=date(2022, 1, 1))
    b = make_claim(published=date(2022, 1, 11))
    narrow = load_rules().with_settings(period_window_days=7).settings
    assert len(split_periods([a, b], narrow)) == 2
    assert len(split_periods([a, b], SETTINGS)) == 1


def test_a_named_month_is_its_own_period(make_claim: Callable[..., Claim]) -> None:
    january = make_claim(period=Period.month(2022, 1), published=date(2022, 2, 10))
    assert period_of(january) == (date(2022, 1, 1), date(2022, 1, 31))
    december = make_claim(period=Period.month(2021, 12), published=date(2022, 2, 10))
    assert period_of(december) == (date(2021, 12, 1), date(2021, 12, 31))

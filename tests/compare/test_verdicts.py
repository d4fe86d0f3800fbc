"""The interval logic: which pairs conflict, diverge, contradict themselves or are a trend."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from numcheck import load_rules
from numcheck.compare.periods import split_periods
from numcheck.compare.verdicts import disjoint, judge
from numcheck.model import Claim, Flag, Hedge, Kind, Subject, Verdict

Make = Callable[..., Claim]
RULES = load_rules()


def _judge(claims: list[Claim], **settings: float) -> list[Flag]:
    rules = RULES.with_settings(**settings) if settings else RULES
    facets = (("counted", "troops"), ("actor", "russia"), ("event", "deployed"),
              ("places", "border"))
    subject = Subject("troops|russia|deployed|border", "Russian troops", (), ("test",),
                      facets=facets, kind=Kind.COUNT)
    ok = [c for c in claims if not c.garbled]
    return judge(subject, claims, split_periods(ok, rules.settings), rules)


def _verdicts(flags: list[Flag]) -> set[Verdict]:
    return {f.verdict for f in flags}


def test_exact_figures_apart_are_disjoint(make_claim: Make) -> None:
    assert disjoint(make_claim(200), make_claim(100), 0.0)
    assert not disjoint(make_claim(100), make_claim(200), 0.0)


def test_open_upper_bound_never_disjoint(make_claim: Make) -> None:
    more = make_claim(None, low=100_000, high=None, hedge=Hedge.MORE_THAN, low_open=True)
    assert not disjoint(make_claim(175_000), more, 0.0)


def test_touching_open_bound_is_disjoint(make_claim: Make) -> None:
    under = make_claim(None, low=0, high=100, hedge=Hedge.LESS_THAN, high_open=True)
    assert disjoint(make_claim(100), under, 0.0)


def test_slack_absorbs_small_gaps(make_claim: Make) -> None:
    assert not disjoint(make_claim(105), make_claim(100), 0.10)
    assert disjoint(make_claim(115), make_claim(100), 0.10)


def test_conflict_between_documents(make_claim: Make) -> None:
    flags = _judge([make_claim(175_000, doc="a"), make_claim(90_000, doc="b")])
    assert _verdicts(flags) == {Verdict.CONFLICT}
    assert flags[0].ratio == pytest.approx(175_000 / 90_000, rel=1e-3)


def test_conflict_needs_two_documents(make_claim: Make) -> None:
    flags = _judge([make_claim(175_000, doc="a"), make_claim(90_000, doc="a")])
    assert _verdicts(flags) == {Verdict.SELF_CONTRADICTION}


def test_conflict_found_when_extremes_share_a_document(make_claim: Make) -> None:
    """The top and bottom figures come from one article; the pair across articles still shows."""
    claims = [make_claim(300, doc="a"), make_claim(10, doc="a"), make_claim(200, doc="b")]
    flags = _judge(claims)
    conflict = [f for f in flags if f.verdict is Verdict.CONFLICT]
    assert conflict and {c.doc for c in claims if c.id in conflict[0].claims} == {"a", "b"}


def test_divergent_through_open_bound(make_claim: Make) -> None:
    approx = make_claim(175_000, low=157_500, high=192_500, hedge=Hedge.APPROX, doc="a")
    more = make_claim(None, low=100_000, high=None, hedge=Hedge.MORE_THAN, low_open=True, doc="b")
    flags = _judge([approx, more])
    assert _verdicts(flags) == {Verdict.DIVERGENT}
    assert flags[0].ratio == pytest.approx(1.75)


def test_divergence_ratio_is_the_threshold(make_claim: Make) -> None:
    approx = make_claim(140, low=126, high=154, hedge=Hedge.APPROX, doc="a")
    more = make_claim(None, low=100, high=None, hedge=Hedge.MORE_THAN, low_open=True, doc="b")
    assert _judge([approx, more]) == []  # 1.4× is within the default 1.5
    assert _verdicts(_judge([approx, more], divergence_ratio=1.3)) == {Verdict.DIVERGENT}


def test_overlapping_hedges_are_consistent(make_claim: Make) -> None:
    a = make_claim(175_000, low=157_500, high=192_500, hedge=Hedge.APPROX, doc="a")
    b = make_claim(160_000, doc="b")
    assert _judge([a, b]) == []


def test_garbled_is_unverifiable_and_compared_with_nothing(make_claim: Make) -> None:
    g = make_claim(None, garbled=True, doc="a", low=None, high=None)
    flags = _judge([g, make_claim(40_000, doc="b")])
    assert _verdicts(flags) == {Verdict.UNVERIFIABLE}
    assert flags[0].claims == (g.id,)


def test_different_years_are_a_trend(make_claim: Make) -> None:
    a = make_claim(29, time_scope="2021")
    b = make_claim(50, low=45, high=55, hedge=Hedge.APPROX, time_scope="2020", doc="b")
    flags = _judge([a, b])
    assert _verdicts(flags) == {Verdict.DIFFERENT_PERIOD}
    assert flags[0].claims == (b.id, a.id)  # earlier period first


def test_different_periods_that_agree_raise_nothing(make_claim: Make) -> None:
    a = make_claim(100, published=date(2021, 1, 1))
    b = make_claim(101, low=91, high=111, hedge=Hedge.APPROX, published=date(2022, 1, 1), doc="b")
    assert _judge([a, b]) == []
    c = make_claim(300, published=date(2022, 1, 1), doc="c")
    assert _verdicts(_judge([a, c])) == {Verdict.DIFFERENT_PERIOD}


def test_flag_names_both_sides_as_data(make_claim: Make) -> None:
    high = make_claim(175_000, doc="a.txt", outlet="Le Monde")
    low = make_claim(90_000, doc="b.txt", attribution="Kyiv")
    flag = _judge([high, low])[0]
    assert flag.pair == (high.id, low.id) and flag.ratio == round(175_000 / 90_000, 4)
    assert flag.high is not None and flag.high.source == "Le Monde"
    assert flag.low is not None and flag.low.source == "Kyiv"
    assert not hasattr(flag, "explanation")  # prose is render/'s, per language


def test_disputed_flag_keeps_each_kind_of_source_as_a_side(make_claim: Make) -> None:
    police = make_claim(30_000, doc="a", attribution="la police", lang="fr")
    unions = make_claim(140_000, doc="b", attribution="les syndicats", lang="fr")
    flag = next(f for f in _judge([police, unions]) if f.verdict is Verdict.DISPUTED)
    assert [s.claims[0] for s in flag.estimates] == [unions.id, police.id]
    assert [s.source_kind for s in flag.estimates] == ["organisers", "authorities"]


def test_fingerprint_ignores_claim_order(make_claim: Make) -> None:
    a, b = make_claim(175_000, doc="a"), make_claim(90_000, doc="b")
    assert _judge([a, b])[0].fingerprint == _judge([b, a])[0].fingerprint


def test_undated_claim_against_another_period_is_ordered_without_error(make_claim: Make) -> None:
    """An undated figure joins the largest period and is set, in time order, against another."""
    recent = [make_claim(10, low=9, high=11, hedge=Hedge.APPROX, doc=d) for d in ("a", "b")]
    undated = make_claim(9.5, published=None, doc="c")
    old = make_claim(500, published=None, time_scope="1990", doc="d")
    flags = _judge([*recent, undated, old])
    assert _verdicts(flags) == {Verdict.DIFFERENT_PERIOD}
    assert flags[0].claims == (old.id, undated.id)  # 1990 comes before the 2022 period

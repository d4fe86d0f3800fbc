"""Each metric on hand-made gold and predictions where the right answer is known."""

from __future__ import annotations

from typing import Any

import pytest

from numcheck.evaluate import parse_gold, score
from numcheck.model import Flag, Verdict


def _flag(ids: tuple[str, ...], verdict: Verdict) -> Flag:
    return Flag(subject="s", label="s", claims=ids, verdict=verdict, ratio=None)


@pytest.fixture
def perfect(make_pred: Any) -> list[Any]:
    return [
        make_pred("500", value=500, low=500, high=500, subject="t", pid="p500"),
        make_pred("800", value=800, hedge="approx", low=720, high=880, subject="t", pid="p800"),
        make_pred("XNUMX", garbled=True, subject="x", pid="px"),
    ]


def test_perfect_prediction_scores_one(raw_gold: Any, texts: Any, perfect: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    flags = [_flag(("p500", "p800"), Verdict.DIVERGENT)]
    s = score("t", gold, texts, perfect, flags)
    assert (s.claim_precision, s.claim_recall, s.claim_f1) == (1.0, 1.0, 1.0)
    assert (s.garbled_recall, s.value_accuracy, s.bound_accuracy) == (1.0, 1.0, 1.0)
    assert (s.group_precision, s.group_recall) == (1.0, 1.0)
    assert (s.expected_flags_found, s.forbidden_flags, s.non_claims_as_claims) == (1, 0, 0)
    assert s.issues == ()


def test_precision_recall_f1(raw_gold: Any, texts: Any, make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    preds = [make_pred("500", value=500, low=500, high=500),
             make_pred("Officials"), make_pred("arrived")]  # two false claims
    s = score("t", gold, texts, preds)
    assert s.claim_precision == pytest.approx(1 / 3)
    assert s.claim_recall == pytest.approx(1 / 3)
    assert s.claim_f1 == pytest.approx(1 / 3)
    assert s.false_claims == 2 and s.missed_claims == 2
    kinds = sorted(i.kind for i in s.issues)
    assert kinds.count("missed_claim") == 2 and kinds.count("false_claim") == 2


def test_date_taken_for_claim_is_counted(raw_gold: Any, texts: Any, make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    s = score("t", gold, texts, [make_pred("3 ", value=3)])
    assert s.non_claims_as_claims == 1 and s.false_claims == 1
    assert [i.kind for i in s.issues if i.kind == "non_claim_as_claim"] == ["non_claim_as_claim"]


def test_garbled_recall_needs_the_garble(raw_gold: Any, texts: Any, perfect: Any,
                                         make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    clean = [*perfect[:2], make_pred("XNUMX", value=1)]
    assert score("t", gold, texts, clean).garbled_recall == 0.0
    assert score("t", gold, texts, perfect[:2]).garbled_recall == 0.0
    assert score("t", gold, texts, perfect).garbled_recall == 1.0


def test_value_and_bound_accuracy(raw_gold: Any, texts: Any, make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    preds = [make_pred("500", value=500, low=500, high=500),  # right
             make_pred("800", value=800, hedge="exact", low=800, high=800)]  # hedge wrong
    s = score("t", gold, texts, preds)
    assert s.values_scored == 2
    assert s.value_accuracy == 1.0 and s.bound_accuracy == 0.5
    wrong = [make_pred("500", value=50, low=500, high=500), preds[1]]
    assert score("t", gold, texts, wrong).value_accuracy == 0.5


def test_pairwise_grouping(raw_gold: Any, texts: Any, make_pred: Any) -> None:
    raw_gold["claims"][2]["optional"] = False
    gold = parse_gold(raw_gold, "g.yaml")
    # gold: {500, 800} together, XNUMX alone → one gold pair among three
    split = [make_pred("500", subject="a"), make_pred("800", subject="b"),
             make_pred("XNUMX", garbled=True, subject="c")]
    s = score("t", gold, texts, split)
    assert (s.gold_pairs, s.predicted_pairs) == (1, 0)
    assert s.group_precision is None and s.group_recall == 0.0
    merged = [make_pred("500", subject="a"), make_pred("800", subject="a"),
              make_pred("XNUMX", garbled=True, subject="a")]
    s = score("t", gold, texts, merged)
    assert s.predicted_pairs == 3 and s.group_recall == 1.0
    assert s.group_precision == pytest.approx(1 / 3)
    raw_gold["may_group"] = [{"claims": ["c500", "cx"]}, {"claims": ["c800", "cx"]}]
    s = score("t", parse_gold(raw_gold, "g.yaml"), texts, merged)
    assert s.group_precision == 1.0 and s.predicted_pairs == 1


def test_a_pair_across_stories_is_never_a_predicted_pair(
    raw_gold: Any, texts: Any, make_pred: Any
) -> None:
    """compare() sets nothing of two stories against each other: a pair across stories
    is scored by neither group metric (a merge across stories is no predicted pair, a
    gold pair split by the stories no grouping miss) and counted apart."""
    raw_gold["claims"][2]["optional"] = False
    gold = parse_gold(raw_gold, "g.yaml")
    one_story = [make_pred("500", subject="a", story="s1"),
                 make_pred("800", subject="a", story="s1"),
                 make_pred("XNUMX", garbled=True, subject="a", story="s2")]
    s = score("t", gold, texts, one_story)
    assert (s.predicted_pairs, s.group_precision, s.group_recall) == (1, 1.0, 1.0)
    apart = [make_pred("500", subject="a", story="s1"), make_pred("800", subject="a", story="s2"),
             make_pred("XNUMX", garbled=True, subject="b", story="s1")]
    s = score("t", gold, texts, apart)
    assert (s.gold_pairs, s.predicted_pairs, s.gold_pairs_across_stories) == (0, 0, 1)
    assert s.group_recall is None
    assert [i.kind for i in s.issues if "story" in i.kind] == ["split_story"]


def test_expected_flag_must_be_raised_and_cover_both(
    raw_gold: Any, texts: Any, perfect: Any
) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    for flags, found in [
        ([_flag(("p500", "p800"), Verdict.DIVERGENT)], 1),
        ([_flag(("p500", "p800"), Verdict.CONFLICT)], 1),
        ([_flag(("p500", "p800"), Verdict.DIFFERENT_PERIOD)], 0),
        ([_flag(("p500",), Verdict.CONFLICT)], 0),
        ([], 0),
    ]:
        s = score("t", gold, texts, perfect, flags)
        assert s.expected_flags_found == found, flags
        assert s.expected_flag_recall == found


def test_forbidden_flag_counted_only_when_raised(raw_gold: Any, texts: Any, perfect: Any) -> None:
    raw_gold["claims"][2]["optional"] = False
    gold = parse_gold(raw_gold, "g.yaml")
    raised = [_flag(("p500", "px"), Verdict.CONFLICT)]
    quiet = [_flag(("p500", "px"), Verdict.UNVERIFIABLE)]
    assert score("t", gold, texts, perfect, raised).forbidden_flags == 1
    assert score("t", gold, texts, perfect, quiet).forbidden_flags == 0
    issue = [i for i in score("t", gold, texts, perfect, raised).issues
             if i.kind == "forbidden_flag"]
    assert issue and "different things" in issue[0].detail


def test_empty_denominators_are_none(raw_gold: Any, texts: Any) -> None:
    raw_gold["claims"][2]["optional"] = True
    gold = parse_gold(raw_gold, "g.yaml")
    s = score("t", gold, texts, [])
    assert s.claim_precision is None and s.garbled_recall is None
    assert s.claim_recall == 0.0 and s.value_accuracy is None


def test_same_side_claims_in_one_raised_flag_are_not_forbidden(make_pred: Any) -> None:
    """A flag lists every figure of a disagreement; two equal figures on one side of it
    are not set against each other, but two figures far apart are."""
    from numcheck.evaluate.scores import _some_at_odds

    same = [make_pred("500", value=500, low=500, high=500, pid="a"),
            make_pred("500", value=500, low=500, high=500, pid="b")]
    apart = [make_pred("500", value=500, low=500, high=500, pid="a"),
             make_pred("800", value=900, low=900, high=900, pid="c")]
    assert not _some_at_odds(same, 1.5)
    assert _some_at_odds(apart, 1.5)
    near = [make_pred("500", value=500, low=None, high=None, pid="a"),
            make_pred("800", value=700, low=None, high=None, pid="d")]
    assert _some_at_odds(near, 1.2) and not _some_at_odds(near, 1.5)  # the run's ratio

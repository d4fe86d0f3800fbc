"""The multi-story corpus: stories found as written, no flag across stories, plants raised.

The corpus (tests/stories/corpus, every word written for these tests) pairs events
of one kind with the same figures: two shootings on the same day, two fires, two
floods, two protests in Lyon a week apart, two plant closures, two coach crashes, two
wildfires. expectations.yaml says which articles form each story and what was planted.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from numcheck import Report
from tests.stories.conftest import EXPECTATIONS, TRUTH, figure

KNOWN_MERGED = [frozenset(k["stories"]) for k in EXPECTATIONS["known_wrong"]]


def _known(a: str, b: str) -> bool:
    """Two articles of stories numcheck is known to merge (expectations: known_wrong)."""
    return any({TRUTH[a], TRUTH[b]} <= merged for merged in KNOWN_MERGED)


def _pairs(report: Report) -> tuple[int, int, int, list[tuple[str, str]]]:
    found = {d: s for s in report.stories for d in s.documents}
    tp = fp = fn = 0
    wrong = []
    for a, b in itertools.combinations(sorted(TRUTH), 2):
        same, joined = TRUTH[a] == TRUTH[b], found[a] == found[b]
        tp += same and joined
        fp += joined and not same
        fn += same and not joined
        if same != joined:
            wrong.append((a, b))
    return tp, fp, fn, wrong


def test_every_article_is_in_exactly_one_story(corpus_report: Report) -> None:
    placed = [d for s in corpus_report.stories for d in s.documents]
    assert sorted(placed) == sorted(TRUTH)
    assert len(set(placed)) == len(placed)


def test_pairwise_precision_and_recall_reach_the_floors(corpus_report: Report) -> None:
    tp, fp, fn, _ = _pairs(corpus_report)
    floors = EXPECTATIONS["floors"]
    assert tp / (tp + fp) >= floors["precision"]
    assert tp / (tp + fn) >= floors["recall"]


def test_stories_are_exact_but_for_the_known_merges(corpus_report: Report) -> None:
    *_, wrong = _pairs(corpus_report)
    assert [(a, b) for a, b in wrong if not _known(a, b)] == []


def test_the_two_toulouse_protest_days_are_two_stories(corpus_report: Report) -> None:
    found = {d: s.id for s in corpus_report.stories for d in s.documents}
    assert found["fr_toulouse_retraites_0119.txt"] != found["fr_toulouse_retraites_0131.txt"]


def test_no_raised_flag_sets_two_stories_against_each_other(corpus_report: Report) -> None:
    across = []
    for flag in corpus_report.comparison.flags:
        docs = {corpus_report.claim(i).doc for i in flag.claims}
        for a, b in itertools.combinations(sorted(docs), 2):
            if TRUTH[a] != TRUTH[b] and not _known(a, b):
                across.append((flag.verdict.value, flag.label, a, b))
    assert across == []


def test_a_claim_carries_its_story_and_its_subject_is_of_that_story(
    corpus_report: Report,
) -> None:
    story_of = {d: s.id for s in corpus_report.stories for d in s.documents}
    for claim in corpus_report.claims:
        assert claim.story == story_of[claim.doc]
        assert corpus_report.comparison.subject_of[claim.id].endswith(f"@{claim.story}")


def _cases(key: str) -> list[Any]:
    return [
        pytest.param(case, id=f"{case['story']}-{case.get('role', '')}".rstrip("-"), marks=(
            [pytest.mark.xfail(strict=True, reason=f"known wrong: {case['wrong']}")]
            if "wrong" in case else []))
        for case in EXPECTATIONS[key]
    ]


@pytest.mark.parametrize("case", _cases("planted"))
def test_planted_disagreement_is_raised(corpus_report: Report, case: dict[str, Any]) -> None:
    a, b = (figure(corpus_report, doc, written).id for doc, written in case["figures"])
    raised = [f for f in corpus_report.comparison.flags
              if f.verdict.raised and {a, b} <= set(f.claims)]
    assert raised, case["why"]


@pytest.mark.parametrize("case", _cases("updates"))
def test_a_toll_its_source_raised_is_no_disagreement(
    corpus_report: Report, case: dict[str, Any]
) -> None:
    a, b = (figure(corpus_report, doc, written).id for doc, written in case["figures"])
    subject = corpus_report.comparison.subject_of
    assert subject[a] == subject[b], case["why"]  # one toll, so the test means something
    raised = [f for f in corpus_report.comparison.flags
              if f.verdict.raised and {a, b} <= set(f.claims)]
    assert raised == [], case["why"]


@pytest.mark.parametrize("case", _cases("casualties"))
def test_casualty_figures_of_one_story_share_one_subject(
    corpus_report: Report, case: dict[str, Any]
) -> None:
    subject_of = corpus_report.comparison.subject_of
    keys = {subject_of[figure(corpus_report, doc, written).id]
            for doc, written in case["figures"]}
    assert len(keys) == 1, keys

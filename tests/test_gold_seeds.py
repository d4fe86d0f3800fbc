"""The seeds scored against their careful gold annotation (tests/gold/seeds.yaml)."""

from __future__ import annotations

from typing import Any

import pytest

from numcheck import Claim, Report, Verdict
from numcheck.group.by_story import unqualified


def _match(report: Report, g: dict[str, Any]) -> Claim | None:
    found = [
        c for c in report.claims if c.doc == g["doc"] and c.start < g["end"] and g["start"] < c.end
    ]
    return found[0] if found else None


def _required(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return [g for g in gold["claims"] if not g.get("optional")]


def test_gold_has_fourteen_required_claims(gold: dict[str, Any]) -> None:
    assert len(_required(gold)) == 14


def test_every_required_claim_found_with_value_interval_and_garble(
    seeds_report: Report, gold: dict[str, Any]
) -> None:
    wrong = []
    for g in _required(gold):
        c = _match(seeds_report, g)
        if c is None:
            wrong.append(f"{g['id']}: not found")
            continue
        if c.garbled != bool(g.get("garbled")):
            wrong.append(f"{g['id']}: garbled {c.garbled}")
        if c.hedge.value != g["hedge"]:
            wrong.append(f"{g['id']}: hedge {c.hedge.value} != {g['hedge']}")
        if g.get("garbled"):
            if c.value is not None:
                wrong.append(f"{g['id']}: garbled claim has a value")
            if c.candidate != g.get("candidate"):
                wrong.append(f"{g['id']}: candidate {c.candidate} != {g.get('candidate')}")
            continue
        for key in ("value", "low", "high"):
            if getattr(c, key) != g[key]:
                wrong.append(f"{g['id']}: {key} {getattr(c, key)} != {g[key]}")
    assert wrong == []


def test_spans_are_the_figures_own_text(seeds_report: Report, gold: dict[str, Any]) -> None:
    for g in _required(gold):
        c = _match(seeds_report, g)
        assert c is not None and (c.start, c.end) == (g["start"], g["end"]), g["id"]
        assert c.surface == g["number"]


def test_no_date_year_or_chrome_reported_as_claim(
    seeds_report: Report, gold: dict[str, Any]
) -> None:
    for n in gold["non_claims"]:
        assert _match(seeds_report, n) is None, n
        others = [
            o
            for o in seeds_report.others
            if o.doc == n["doc"] and o.start == n["start"] and o.end == n["end"]
        ]
        assert others, f"{n} is neither a claim nor a listed non-claim"


def test_chrome_numbers_are_listed_with_their_reason(seeds_report: Report) -> None:
    reasons = {(o.doc[:3], o.surface): o.reason for o in seeds_report.others}
    assert reasons[("003", "100")] == "chrome"  # inside "Lire aussi"
    assert reasons[("003", "240")] == "chrome"  # inside "Article précédent"


@pytest.fixture(scope="module")
def subject_of(seeds_report: Report, gold: dict[str, Any]) -> dict[str, str]:
    """Gold id → subject key without its story: what is measured (stories are tested below)."""
    out = {}
    for g in gold["claims"]:
        c = _match(seeds_report, g)
        if c is not None:
            out[g["id"]] = unqualified(seeds_report.comparison.subject_of[c.id])
    return out


def test_seed_stories_are_the_april_article_december_talks_and_february_call(
    seeds_report: Report,
) -> None:
    assert [s.documents for s in seeds_report.stories] == [
        ("002_081f9dfd5872f2c8.txt",),
        ("000_4b7bdf15ca536424.txt", "004_22d7323e5145f7ab.txt", "001_18b11265a9675fe6.txt"),
        ("003_064f9d1e2049ba99.txt",),
    ]


def test_russian_troops_near_the_border_share_one_subject_alone(
    subject_of: dict[str, str], gold: dict[str, Any]
) -> None:
    members = ["s000-175k", "s001-100k", "s002-100xnumx", "s002-100kxnumx"]
    keys = {subject_of[m] for m in members}
    assert len(keys) == 1
    others = {k for g, k in subject_of.items() if g not in members}
    assert keys.isdisjoint(others)


def test_returned_to_base_stands_apart(subject_of: dict[str, str]) -> None:
    assert subject_of["s001-10k"] != subject_of["s000-175k"]


def _flags_with(report: Report, gold_ids: list[str], gold: dict[str, Any]) -> list[Any]:
    ids = set()
    for gid in gold_ids:
        g = next(x for x in gold["claims"] if x["id"] == gid)
        c = _match(report, g)
        assert c is not None
        ids.add(c.id)
    return [f for f in report.comparison.flags if ids <= set(f.claims)]


def test_deaths_2021_vs_2020_is_a_different_period(
    seeds_report: Report, subject_of: dict[str, str], gold: dict[str, Any]
) -> None:
    assert subject_of["s002-29"] == subject_of["s002-50"]
    verdicts = {f.verdict for f in _flags_with(seeds_report, ["s002-29", "s002-50"], gold)}
    assert verdicts == {Verdict.DIFFERENT_PERIOD}


def test_expected_flag_is_divergent(seeds_report: Report, gold: dict[str, Any]) -> None:
    for expected in gold["expected_flags"]:
        verdicts = {f.verdict for f in _flags_with(seeds_report, expected["claims"], gold)}
        assert verdicts == {Verdict.DIVERGENT}


def test_must_not_flag_pairs_raise_nothing(seeds_report: Report, gold: dict[str, Any]) -> None:
    for pair in gold["must_not_flag"]:
        raised = [f for f in _flags_with(seeds_report, pair["claims"], gold) if f.verdict.raised]
        assert raised == [], pair["why"]


def test_garbled_figures_are_unverifiable(seeds_report: Report, gold: dict[str, Any]) -> None:
    for g in gold["claims"]:
        if g.get("garbled"):
            verdicts = {f.verdict for f in _flags_with(seeds_report, [g["id"]], gold)}
            assert Verdict.UNVERIFIABLE in verdicts, g["id"]

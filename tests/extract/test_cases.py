"""The extractor's case tables (tests/extract/cases/*.yaml), one test per case.

Each case gives a text, its language (``auto`` to have it detected) and what must be
read from it. ``claims`` are matched in order against the claims found, and their
number must match unless ``more_claims: true``; a claim expectation may give any
subset of fields. ``others`` must each be listed as non-claims with their reason;
``published`` dates the article; ``no_claims: true`` is a near miss: nothing may be
read as a claim. Every run of digits in every case must be covered by a claim or a
listed non-claim.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck import Extraction, extract_document, load_rules
from numcheck.ingest import detect_language
from numcheck.model import Document, Period

CASES = Path(__file__).parent / "cases"
CLAIM_FIELDS = {
    "surface", "value", "low", "high", "hedge", "kind", "unit", "garbled", "candidate",
    "counted", "attribution", "time_scope", "period", "low_open", "high_open", "garble_reason",
    "direction", "precision",
}
CASE_KEYS = {
    "id", "text", "lang", "published", "claims", "others", "no_claims", "more_claims", "why",
}


def _load() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            out.append((f"{path.stem}:{case['id']}", case))
    return out


ALL = _load()


def test_case_tables_are_well_formed() -> None:
    ids = [i for i, _ in ALL]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert len(ALL) >= 60
    for case_id, case in ALL:
        assert set(case) <= CASE_KEYS, case_id
        assert case["lang"] in ("fr", "en", "auto"), case_id
        for claim in case.get("claims", []):
            assert set(claim) <= CLAIM_FIELDS, case_id
        assert case.get("claims") or case.get("others") or case.get("no_claims"), case_id


def _run(case: dict[str, Any]) -> Extraction:
    rules = load_rules()
    text = case["text"]
    lang = detect_language(text, rules) if case["lang"] == "auto" else case["lang"]
    published = case.get("published")  # YAML reads an ISO date as a date
    return extract_document(Document("case", "case", text, lang, published=published), rules)


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        return got is not None and got == pytest.approx(expected)
    if isinstance(got, Period):  # compared in the ISO form every output shows
        got = str(got)
    if hasattr(got, "value"):  # enums
        got = got.value
    return bool(expected == got)


@pytest.mark.parametrize("case", [c for _, c in ALL], ids=[i for i, _ in ALL])
def test_case(case: dict[str, Any]) -> None:
    found = _run(case)
    claims = found.claims
    shown = [(c.surface, c.value, c.low, c.high, c.hedge.value, c.kind.value, c.counted)
             for c in claims]
    if case.get("no_claims"):
        assert claims == (), f"near miss read as claims: {shown}"
    expected = case.get("claims", [])
    if case.get("more_claims"):
        assert len(claims) >= len(expected), shown
    elif not case.get("no_claims"):
        assert len(claims) == len(expected), f"claims found: {shown}"
    for i, (want, got) in enumerate(zip(expected, claims, strict=False)):
        for key, value in want.items():
            actual = getattr(got, key)
            where = f"claim {i} ({got.surface!r}) {key}"
            assert _same(value, actual), f"{where}: {actual!r} != {value!r}"
    others = {(o.surface, o.reason) for o in found.others}
    for other in case.get("others", []):
        assert (other["surface"], other["reason"]) in others, f"others: {sorted(others)}"
    spans = [(c.start, c.end) for c in claims] + [(o.start, o.end) for o in found.others]
    for m in re.finditer(r"\d+", case["text"]):
        assert any(s <= m.start() and m.end() <= e for s, e in spans), (
            f"{m.group(0)!r} at {m.start()} is neither a claim nor a listed non-claim"
        )

"""The comparison case tables (``cases/*.yaml``), run by one parametrized test.

Each case is a few short articles and what a careful reviewer expects of them:
which figures share a subject, which must not, which flags are raised. Claims are
named by their surface (``doc:surface`` when a surface repeats). A reference to a
figure the extractor did not find fails the case, so a case cannot pass by accident.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import numcheck
from numcheck import Claim, Comparison, Flag, Rulebook

CASES = Path(__file__).parent / "cases"
EXPECTATIONS = {
    "same_subject", "different_subject", "flags", "not_flagged", "no_raised_flag",
    "label", "labels", "subject_key", "found_by", "part_of",
}


def _cases() -> Iterator[Any]:
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}:{case['id']}")


def _rules(case: dict[str, Any], tmp_path: Path) -> Rulebook:
    """A user's own rules folder, written from the case, merged onto the shipped rules."""
    if "rules" not in case:
        return numcheck.load_rules()
    for name, content in case["rules"].items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return numcheck.load_rules([tmp_path])


def _claims(case: dict[str, Any], rules: Rulebook) -> list[Claim]:
    claims: list[Claim] = []
    for i, article in enumerate(case["articles"]):
        published = article.get("published")
        claims += numcheck.extract(
            article["text"],
            lang=article["lang"],
            doc=article.get("doc", f"doc{i}"),
            published=published if isinstance(published, date) else None,
            outlet=article.get("outlet"),
            rules=rules,
        )
    return claims


class Named:
    """Claims by surface, ``doc:surface`` when a surface appears more than once."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims

    def __call__(self, ref: str) -> Claim:
        doc, _, surface = ref.rpartition(":") if ":" in ref else ("", "", ref)
        found = [c for c in self.claims if c.surface == surface and (not doc or c.doc == doc)]
        seen = [(c.doc, c.surface) for c in self.claims]
        assert found, f"no claim with surface {ref!r}; extracted: {seen}"
        assert len(found) == 1, f"surface {ref!r} is ambiguous; name it doc:surface ({seen})"
        return found[0]


def _flags_between(result: Comparison, ids: set[str]) -> list[Flag]:
    return [f for f in result.flags if ids <= set(f.claims)]


@pytest.mark.parametrize("case", list(_cases()))
def test_case(case: dict[str, Any], tmp_path: Path) -> None:
    assert EXPECTATIONS & case.keys(), "a case must expect something"
    assert not (case.keys() - EXPECTATIONS - {"id", "why", "articles", "rules"}), case.keys()
    rules = _rules(case, tmp_path)
    claims = _claims(case, rules)
    result = numcheck.compare(claims, numcheck.group(claims, rules), rules)
    named = Named(claims)
    key = lambda ref: result.subject_of[named(ref).id]  # noqa: E731
    why = case.get("why", "")

    for refs in case.get("same_subject", []):
        keys = {ref: key(ref) for ref in refs}
        assert len(set(keys.values())) == 1, f"{why}: should share a subject: {keys}"
    for refs in case.get("different_subject", []):
        keys = {ref: key(ref) for ref in refs}
        assert len(set(keys.values())) == len(refs), f"{why}: should not share: {keys}"
    for expected in case.get("flags", []):
        ids = {named(r).id for r in expected["claims"]}
        verdicts = {f.verdict.value for f in _flags_between(result, ids)}
        assert expected["verdict"] in verdicts, f"{why}: got {verdicts} {result.flags}"
        if "only" in expected:
            assert verdicts == {expected["verdict"]}, f"{why}: got {verdicts}"
    for refs in case.get("not_flagged", []):
        ids = {named(r).id for r in refs}
        raised = [f for f in _flags_between(result, ids) if f.verdict.raised]
        assert raised == [], f"{why}: {raised}"
    if case.get("no_raised_flag"):
        raised = [f for f in result.flags if f.verdict.raised]
        assert raised == [], f"{why}: {raised}"
    for ref, label in case.get("label", {}).items():
        subject = next(s for s in result.subjects if s.key == key(ref))
        assert subject.label == label, why
    for ref, by_lang in case.get("labels", {}).items():
        subject = next(s for s in result.subjects if s.key == key(ref))
        assert {lang: subject.label_in(lang) for lang in by_lang} == by_lang, why
    for ref, subject_key in case.get("subject_key", {}).items():
        assert key(ref) == subject_key, why
    for ref, whole in case.get("part_of", {}).items():
        part = next(s for s in result.subjects if s.key == key(ref))
        assert key(whole) in part.part_of, f"{why}: {part.key} is part of {part.part_of}"
    for ref, how in case.get("found_by", {}).items():
        subject = next(s for s in result.subjects if s.key == key(ref))
        assert how in subject.found_by, f"{why}: {subject.found_by}"

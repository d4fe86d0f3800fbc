"""Flag sentences are written by render/ from the flag's data and its claims, per language."""

from __future__ import annotations

import json

import pytest

from numcheck.model import Verdict
from numcheck.pipeline import Report
from numcheck.render import render
from numcheck.render.explain import explain
from numcheck.render.markdown import escape
from numcheck.render.words import words_for


@pytest.mark.parametrize(("lang", "divergent", "ratio"), [
    ("en", "compatible only through the hedge or open bound", "1.75"),
    ("fr", "compatibles seulement par l'approximation ou la borne ouverte", "1,75"),
])
def test_each_seed_flag_is_explained_from_its_pair(
    seeds_report: Report, lang: str, divergent: str, ratio: str
) -> None:
    words = words_for(seeds_report.rules, lang)
    seen = set()
    for flag in seeds_report.comparison.flags:
        text = explain(flag, seeds_report.claim, words)
        pair = [seeds_report.claim(cid) for cid in flag.pair]
        seen.add(flag.verdict)
        assert text.endswith("."), text
        if flag.verdict is Verdict.UNVERIFIABLE:
            assert pair[0].surface in text
        else:
            assert all(c.counted and c.counted in text for c in pair), text
        if flag.verdict is Verdict.DIVERGENT:
            assert divergent in text and ratio in text
    assert {Verdict.DIVERGENT, Verdict.UNVERIFIABLE, Verdict.DIFFERENT_PERIOD} <= seen


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_format_says_the_same_sentence(seeds_report: Report, lang: str) -> None:
    words = words_for(seeds_report.rules, lang)
    data = json.loads(str(render("report", "json", seeds_report, lang=lang)))
    markdown = str(render("report", "markdown", seeds_report, lang=lang))
    for record, flag in zip(data["flags"], seeds_report.comparison.flags, strict=True):
        assert record["explanation"] == explain(flag, seeds_report.claim, words)
        if flag.verdict is not Verdict.UNVERIFIABLE:  # markdown lists garbles apart
            assert escape(record["explanation"]) in markdown


def test_garble_reasons_from_the_rules_are_said_in_the_report_language(
    seeds_report: Report,
) -> None:
    """Extraction records the rules' reason; the French report says it in French."""
    fr = words_for(seeds_report.rules, "fr")
    garbled = [c for c in seeds_report.claims if c.garbled]
    assert garbled and all(fr.garble_reason(c) != c.garble_reason for c in garbled)
    assert "espace réservé" in " ".join(fr.garble_reason(c) for c in garbled)

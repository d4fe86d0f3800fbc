"""Flag sentences are written by render/ from the flag's data and its claims."""

from __future__ import annotations

import json

from numcheck.model import Verdict
from numcheck.pipeline import Report
from numcheck.render import render
from numcheck.render.explain import explain
from numcheck.render.markdown import escape


def test_each_seed_flag_is_explained_from_its_pair(seeds_report: Report) -> None:
    seen = set()
    for flag in seeds_report.comparison.flags:
        text = explain(flag, seeds_report.claim)
        pair = [seeds_report.claim(cid) for cid in flag.pair]
        seen.add(flag.verdict)
        assert text.endswith("."), text
        if flag.verdict is Verdict.UNVERIFIABLE:
            assert f"'{pair[0].surface}'" in text
        else:
            assert all(c.counted and c.counted in text for c in pair), text
    assert {Verdict.DIVERGENT, Verdict.UNVERIFIABLE, Verdict.DIFFERENT_PERIOD} <= seen


def test_every_format_says_the_same_sentence(seeds_report: Report) -> None:
    data = json.loads(str(render("report", "json", seeds_report)))
    markdown = str(render("report", "markdown", seeds_report))
    for record, flag in zip(data["flags"], seeds_report.comparison.flags, strict=True):
        assert record["explanation"] == explain(flag, seeds_report.claim)
        if flag.verdict is not Verdict.UNVERIFIABLE:  # markdown lists garbles apart
            assert escape(record["explanation"]) in markdown

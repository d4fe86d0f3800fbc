"""The markdown discrepancy report: sections, escaping, number style, stable order."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from numcheck import Claim, Hedge, Kind, Report, extract, run
from numcheck.model import Document
from numcheck.pipeline import build_report
from numcheck.render import render
from numcheck.render.markdown import escape, quote
from numcheck.render.words import words_for
from numcheck.rulebook import load_rules

ROOT = Path(__file__).resolve().parents[2]


def test_summary_counts_articles_claims_and_flags_most_serious_first(seeds_report: Report) -> None:
    md = str(render("report", "markdown", seeds_report, lang="en"))
    head = md.split("## Flagged subjects")[0]
    assert "**5 articles · 3 stories · 19 claims ·" in head
    assert "1 divergent" in head and "5 unverifiable" in head and "1 different period" in head
    # the verdict list follows Verdict order: divergent is named before unverifiable
    assert head.index("divergent") < head.index("unverifiable")


def test_flagged_subject_has_a_table_row_per_claim_then_the_verdict(seeds_report: Report) -> None:
    md = str(render("report", "markdown", seeds_report, lang="en"))
    section = md.split("### 1. ")[1].split("### 2. ")[0]
    assert section.startswith("Russian troops")
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + 2  # header + its two claims in the December story (not April)
    assert "**175 000**" in section and "**100 000**" in section  # quoted as written
    assert "(100,000, ∞)" in section and "\\[157,500, 192,500\\]" in section
    assert "**Verdict: divergent** `NC003` (×1.75)" in section


def test_garbled_section_marks_candidates_as_guesses(seeds_report: Report) -> None:
    md = str(render("report", "markdown", seeds_report, lang="en"))
    garbled = md.split("## Garbled figures")[1].split("## Appendix")[0]
    items = [line for line in garbled.splitlines() if line.startswith("- ")]
    assert len(items) == 5
    assert all("a guess" in i or "No reading can be defended" in i for i in items)
    assert "Candidate reading: 400,000 — *a guess*" in garbled


def test_appendix_lists_every_claim(seeds_report: Report) -> None:
    md = str(render("report", "markdown", seeds_report, lang="en"))
    appendix = md.split("## Appendix: every claim by subject")[1].split("## Numbers that are")[0]
    rows = [line for line in appendix.splitlines()
            if line.startswith("| ") and "---" not in line and not line.startswith("| source")]
    assert len(rows) == len(seeds_report.claims)


def test_no_nan_or_na_in_cells(seeds_report: Report) -> None:
    md = str(render("report", "markdown", seeds_report))
    assert not re.search(r"\b(nan|NaN|<NA>|None)\b", md)


@pytest.mark.parametrize(
    ("lang", "text", "report_lang", "reading"),
    [("fr", "Environ 175 000 soldats ont été déployés.", "fr", "environ 175 000"),
     ("fr", "Environ 175 000 soldats ont été déployés.", "en", "about 175,000"),
     ("en", "About 175,000 soldiers were deployed.", "en", "about 175,000"),
     ("en", "About 175,000 soldiers were deployed.", "fr", "environ 175 000")],
)
def test_numbers_are_written_the_readers_way(
    lang: str, text: str, report_lang: str, reading: str
) -> None:
    """The report's reader, not the article, decides: 175 000 and 1,5 in French."""
    rules = load_rules()
    doc = Document(name=f"a-{lang}.txt", path=f"a-{lang}.txt", text=text, lang=lang)
    from numcheck.extract import extract_document

    report = build_report([extract_document(doc, rules)], [], rules)
    md = str(render("report", "markdown", report, lang=report_lang))
    appendix = md.split(f"## {words_for(rules, report_lang)('markdown.appendix')}")[1]
    interval = "157 500 ; 192 500" if report_lang == "fr" else "157,500, 192,500"
    assert interval in appendix and reading in appendix


def _claim(sentence: str, surface: str) -> Claim:
    start = sentence.index(surface)
    return Claim(id="c1", doc="a|b.txt", start=start, end=start + len(surface), surface=surface,
                 value=10.0, low=10.0, high=10.0, hedge=Hedge.EXACT, kind=Kind.COUNT, unit=None,
                 garbled=False, garble_reason=None, candidate=None, counted=None,
                 attribution=None, time_scope=None, sentence=sentence, sentence_start=0,
                 lang="en", published=None, line=1, col=1, found_by=("test",))


def test_pipes_newlines_and_markup_in_quotes_are_escaped() -> None:
    c = _claim("A | b\nsaid *10* <b>x</b> _y_", "10")
    q = quote(c)
    assert "\n" not in q and "\\|" in q and "\\<b\\>" in q and "\\_y\\_" in q
    assert "\\***10**\\*" in q
    assert escape("a|b") == "a\\|b"


def test_hostile_text_cannot_break_the_table(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(
        "Selon | l'armée, environ 500 soldats | <script>alert(1)</script> ont été déployés.\n"
        "Selon la police, environ 900 soldats ont été déployés.\n", encoding="utf-8")
    md = str(render("report", "markdown", run([tmp_path], lang="fr")))
    for line in md.splitlines():
        if line.startswith("| ") and "---" not in line:
            cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
            assert len(cells) in (5, 6, 7), line  # stories: 5, claims: 6 or 7
    assert "<script>" not in md


def test_output_is_identical_across_runs(seeds_report: Report) -> None:
    again = run([ROOT / "seeds"])
    for fmt in ("markdown", "json", "csv", "claimreview"):
        assert render("report", fmt, seeds_report) == render("report", fmt, again)


def test_committed_seed_report_is_exactly_what_the_command_writes(tmp_path: Path) -> None:
    """The seeds are French, so the command's default report is French."""
    out = tmp_path / "seeds.md"
    subprocess.run([sys.executable, "-m", "numcheck", "report", "seeds/", "-o", str(out)],
                   cwd=ROOT, check=True)
    assert out.read_text(encoding="utf-8") == (ROOT / "reports" / "seeds.md").read_text(
        encoding="utf-8"
    ), "reports/seeds.md is stale: run numcheck report seeds/ -o reports/seeds.md"
    assert out.read_text(encoding="utf-8").startswith("# Rapport d'écarts numcheck")


def test_committed_english_seed_report_is_what_the_renderer_writes(seeds_report: Report) -> None:
    committed = (ROOT / "reports" / "seeds.en.md").read_text(encoding="utf-8")
    assert str(render("report", "markdown", seeds_report, lang="en")) == committed, (
        "reports/seeds.en.md is stale: run numcheck report seeds/ --report-lang en "
        "-o reports/seeds.en.md")


def test_extract_without_metadata_still_reports() -> None:
    claims = extract("Plus de 100 000 soldats russes sont massés à la frontière.", lang="fr",
                     published=date(2022, 1, 1))
    assert claims[0].low == 100000 and claims[0].low_open


def test_non_claims_are_located_by_line_and_column(tmp_path: Path) -> None:
    """Three 'one's on one line are three rows a reader can tell apart and find."""
    (tmp_path / "x.txt").write_text("Intro.\nOne of the two said one more.\n", encoding="utf-8")
    md = str(render("report", "markdown", run([tmp_path], lang="en"), lang="en"))
    rows = [line for line in md.splitlines() if line.startswith("| x.txt")]
    assert [row.split("|")[2].strip() for row in rows] == ["2:1", "2:12", "2:21"]
    assert "| line:col" in md

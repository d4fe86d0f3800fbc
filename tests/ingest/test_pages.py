"""News pages: the article's text and metadata, never the chrome around it.

The pages in ``pages/`` are written for these tests: a French and an English article
with everything a real page carries (navigation, scripts, a cookie banner, a "Lire
aussi" box, related and most-read lists, comment and share counters, a paywall
teaser, JSON-LD and OpenGraph metadata, a footer), every one of them full of numbers.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from numcheck import extract_document, load_rules, read_paths
from numcheck.cli import app

PAGES = Path(__file__).parent / "pages"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (PAGES / "expected.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_page_gives_the_article_its_metadata_and_no_chrome(page: str) -> None:
    want = EXPECTED[page]
    ingest = read_paths([PAGES / page])
    assert ingest.problems == []
    (doc,) = ingest.documents
    assert (doc.name, doc.title, doc.outlet, doc.lang, doc.url) == (
        page, want["title"], want["outlet"], want["lang"], want["url"])
    assert doc.published == date.fromisoformat(want["published"])
    assert doc.text.startswith(want["title"] + "\n")  # the headline leads the text
    extraction = extract_document(doc, load_rules())
    surfaces = [c.surface for c in extraction.claims]
    assert surfaces == want["claims"]
    for claim in extraction.claims:  # offsets are into the extracted text
        assert doc.text[claim.start:claim.end] == claim.surface
    found = set(surfaces) | {o.surface for o in extraction.others}
    assert found.isdisjoint(want["chrome"]), found & set(want["chrome"])


def test_sources_csv_overrides_what_the_page_says(tmp_path: Path) -> None:
    shutil.copy(PAGES / "en_border.html", tmp_path / "page.html")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,published\npage.html,Harbour Times (print),2022-02-15\n", encoding="utf-8")
    (doc,) = read_paths([tmp_path]).documents
    assert (doc.outlet, doc.published) == ("Harbour Times (print)", date(2022, 2, 15))
    assert doc.title == EXPECTED["en_border.html"]["title"]  # what sources.csv leaves alone


def test_a_page_saved_as_txt_is_recognised_by_its_content(tmp_path: Path) -> None:
    saved = tmp_path / "article.txt"
    shutil.copy(PAGES / "fr_frontiere.html", saved)
    result = CliRunner().invoke(app, ["extract", "--format", "json", str(saved)])
    assert result.exit_code == 0, result.stderr
    claims = json.loads(result.stdout)
    assert [c["surface"] for c in claims] == EXPECTED["fr_frontiere.html"]["claims"]
    assert {c["outlet"] for c in claims} == {"Le Courrier de l'Est"}


def test_page_without_metadata_falls_back_on_detection(tmp_path: Path) -> None:
    bare = tmp_path / "bare.htm"
    bare.write_text(
        "<html><body><div><p>Le ministère a recensé 1 250 enseignants absents ce lundi dans "
        "les écoles de la ville, selon les syndicats qui en comptaient le double.</p>"
        "<p>Les cours reprendront normalement dans la semaine, a précisé le rectorat.</p>"
        "</div></body></html>", encoding="utf-8")
    (doc,) = read_paths([bare]).documents
    assert (doc.lang, doc.outlet, doc.published, doc.title) == ("fr", None, None, None)
    assert "1 250 enseignants" in doc.text


def test_reports_carry_each_page_s_title_and_canonical_url() -> None:
    pages = [str(PAGES / p) for p in sorted(EXPECTED)]
    result = CliRunner().invoke(app, ["report", "--format", "json", *pages])
    documents = {d["name"]: d for d in json.loads(result.stdout)["documents"]}
    for page, want in EXPECTED.items():
        got = documents[page]
        assert (got["title"], got["url"], got["outlet"]) == (
            want["title"], want["url"], want["outlet"])
    review = json.loads(CliRunner().invoke(
        app, ["report", "--format", "claimreview", *pages]).stdout)
    urls = {a.get("url") for item in review["@graph"]
            for a in item["itemReviewed"]["appearance"]}
    assert urls == {want["url"] for want in EXPECTED.values()}

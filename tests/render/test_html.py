"""The desk-review page: structure, one chart per flagged subject, anchors, escaping,
determinism. The browser checks live in test_html_browser.py."""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_html_hostile import NAME, OUTLET, write_hostile

from numcheck import run
from numcheck.model import Report
from numcheck.render import render
from numcheck.render.html import (
    _Claimed,
    anchor,
    doc_anchor,
    render_html,
    story_anchor,
    subject_anchor,
)
from numcheck.render.markdown import story_dates
from numcheck.render.words import words_for
from numcheck.rulebook import load_rules

EN = words_for(load_rules(), "en")


class Tags(HTMLParser):
    """Collects start tags with their attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}

    def with_class(self, tag: str, cls: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and cls in (a.get("class") or "").split()]


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


@pytest.fixture(scope="module")
def seeds_page(seeds_report: Report) -> str:
    """The English page: the structural tests below read its words."""
    return render_html(seeds_report, lang="en")


@pytest.fixture(scope="module")
def seeds_page_fr(seeds_report: Report) -> str:
    """The French page: the seeds' own language, the command's default."""
    return render_html(seeds_report)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return run([write_hostile(tmp_path_factory.mktemp("hostile"))])


def test_registered_as_report_html(seeds_report: Report, seeds_page: str) -> None:
    assert render("report", "html", seeds_report, lang="en") == seeds_page


@pytest.mark.parametrize(("fixture", "name", "option"), [
    ("seeds_page_fr", "seeds.html", ""),
    ("seeds_page", "seeds.en.html", " --report-lang en"),
])
def test_committed_seed_pages_are_exactly_what_the_renderer_writes(
    fixture: str, name: str, option: str, request: pytest.FixtureRequest
) -> None:
    committed = (Path(__file__).resolve().parents[2] / "reports" / name).read_text(
        encoding="utf-8")
    assert request.getfixturevalue(fixture) == committed, (
        f"reports/{name} is stale: run numcheck report seeds/ --format html{option} "
        f"-o reports/{name}")


def test_french_page_declares_its_language(seeds_page_fr: str) -> None:
    assert seeds_page_fr.startswith('<!DOCTYPE html>\n<html lang="fr">')
    data = json.loads(parse(seeds_page_fr).scripts[0])
    assert data["words"]["showing"].startswith("Grandeurs affichées : {shown}")
    assert data["verdicts"]["divergent"] == "Divergence"


@pytest.mark.parametrize(("spans", "number", "meets"), [
    ([(10, 20)], (12, 14), True),  # inside
    ([(10, 20)], (18, 25), True),  # straddles the end
    ([(10, 20)], (5, 11), True),  # straddles the start
    ([(10, 20)], (20, 22), False),  # touches the end: half-open spans do not meet
    ([(10, 20)], (8, 10), False),  # touches the start
    ([(0, 100), (30, 35)], (50, 52), True),  # a long claim earlier still covers it
    ([(30, 35), (0, 3)], (40, 42), False),  # unsorted input, nothing reaches that far
    ([], (1, 2), False),
])
def test_numbers_overlapping_a_claim_are_found_by_bisection(
    spans: list[tuple[int, int]], number: tuple[int, int], meets: bool
) -> None:
    assert _Claimed(spans).meets(*number) is meets


def test_sections_present(seeds_page: str) -> None:
    ids = parse(seeds_page).ids()
    assert {"summary", "filters", "subjects", "articles", "numcheck-data"} <= ids
    for label in ("f-verdict", "f-source", "f-garbled"):
        assert f'<label for="{label}">' in seeds_page


def test_self_contained(seeds_page: str) -> None:
    tags = parse(seeds_page)
    assert not [a for t, a in tags.tags if t in ("link", "img", "iframe") or
                (t == "script" and a.get("src"))]
    assert not re.search(r"(src|href)=\"(https?:)?//", seeds_page)
    assert "@import" not in seeds_page and "url(" not in seeds_page
    csp = next(a["content"] for t, a in tags.tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and "default-src 'none'" in csp and "'unsafe-inline'" not in csp


def test_summary_lists_verdicts_most_serious_first(seeds_report: Report, seeds_page: str) -> None:
    summary = seeds_page.split('id="summary"', 1)[1].split("</section>", 1)[0]
    present = sorted({f.verdict for f in seeds_report.comparison.flags}, key=lambda v: v.severity)
    positions = [summary.index(f"v-{v.value}") for v in present]
    assert positions == sorted(positions)


def test_one_chart_per_flagged_subject(seeds_report: Report, seeds_page: str) -> None:
    flagged = {f.subject for f in seeds_report.comparison.flags}
    tags = parse(seeds_page)
    assert len(tags.with_class("svg", "forest")) == len(flagged)
    for key in flagged:
        section = seeds_page.split(f'id="{subject_anchor(key)}"', 1)[1].split("</section>", 1)[0]
        assert section.count('<svg ') == 1


def _section(page: str, anchor_id: str) -> str:
    return page.split(f'id="{anchor_id}"', 1)[1].split("</section>", 1)[0]


def test_stories_table_lists_title_articles_dates_and_raised_flags(
    seeds_report: Report, seeds_page: str
) -> None:
    assert len(seeds_report.stories) > 1
    table = _section(seeds_page, "stories")
    story_of = {s.key: s.story for s in seeds_report.comparison.subjects}
    for story in seeds_report.stories:
        row = table.split(f'<tr id="{story_anchor(story.id)}">', 1)[1].split("</tr>", 1)[0]
        assert f"<code>{story.id}</code>" in row and story_dates(story, EN) in row
        assert all(f'href="#{doc_anchor(d)}"' in row for d in story.documents)
        raised = sum(f.verdict.raised and story_of[f.subject] == story.id
                     for f in seeds_report.comparison.flags)
        assert row.endswith(f"<td>{raised}</td>")
    assert table.index(seeds_report.stories[0].id) < table.index(seeds_report.stories[-1].id)


def test_each_flagged_subject_names_its_story(seeds_report: Report, seeds_page: str) -> None:
    stories = {s.id: s for s in seeds_report.stories}
    flagged = {f.subject for f in seeds_report.comparison.flags}
    for subject in seeds_report.comparison.subjects:
        if subject.key in flagged and subject.story is not None:
            section = _section(seeds_page, subject_anchor(subject.key))
            assert f'Story: <a href="#{story_anchor(subject.story)}">' in section
            assert f"{len(stories[subject.story].documents)} article" in section


def test_garbled_figure_shown_as_guess(seeds_page: str) -> None:
    tags = parse(seeds_page)
    assert tags.with_class("circle", "garbled")
    assert "guess: 100,000" in seeds_page


def test_every_claim_has_an_anchor_in_its_article(seeds_report: Report, seeds_page: str) -> None:
    marks = {a["id"] for a in parse(seeds_page).with_class("mark", "claim") if a.get("id")}
    for claim in seeds_report.claims:
        assert anchor(claim.id) in marks
        assert f'href="#{anchor(claim.id)}"' in seeds_page
        article = seeds_page.split(f'id="{anchor(claim.id)}"', 1)[1]
        assert article.split("</mark>", 1)[0].endswith(claim.surface.replace("'", "&#x27;"))


def test_hostile_article_is_escaped(hostile_report: Report) -> None:
    assert any(d.name == NAME for d in hostile_report.documents)
    page = render_html(hostile_report)
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("script") == 2  # our data block and our script
    assert not [t for t, _ in tags.tags if t in ("img", "b", "i")]
    assert not any(k.startswith("on") for _, a in tags.tags for k in a)
    assert "&lt;script&gt;alert(1)&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;img src=x onerror=" in page and "&lt;/script&gt;" in page
    stories = _section(page, "stories")
    assert any("<" in s.title for s in hostile_report.stories)  # markup in the headline
    for story in hostile_report.stories:
        assert f"<td>{escape(story.title)}</td>" in stories
        assert all(f">{escape(d)}</a>" in stories for d in story.documents)
    data_text = tags.scripts[0]
    assert "</" not in data_text
    assert OUTLET in json.loads(data_text)["sources"]


def test_deterministic(seeds_report: Report, seeds_page: str, hostile_report: Report) -> None:
    again = run([Path(__file__).resolve().parents[2] / "seeds"])
    assert render_html(again, lang="en") == seeds_page
    assert render_html(hostile_report) == render_html(hostile_report)


def test_log_scale_when_figures_span_orders_of_magnitude(seeds_report: Report) -> None:
    from dataclasses import replace

    from numcheck.render.svg import Row, forest_plot, make_scale

    base = next(c for c in seeds_report.claims if not c.garbled)
    small = replace(base, value=50.0, low=50.0, high=50.0, low_open=False, high_open=False)
    big = replace(base, value=200_000.0, low=150_000.0, high=None)
    assert make_scale([small, big]).log
    assert not make_scale([base]).log
    svg = forest_plot([Row("a", small), Row("b", big)], "t", EN)
    assert "log scale" in svg and "open-bound" in svg

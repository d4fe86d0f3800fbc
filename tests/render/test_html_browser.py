"""The desk-review page in a real headless Chromium: charts render, filters work, and
a hostile article runs nothing. Skipped, with the reason, where no browser is installed.

Uses the system Chromium (Debian's ``chromium``) through playwright; ``playwright
install`` is never needed, so the test works offline.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from numcheck import run
from numcheck.model import Report
from numcheck.render.html import render_html

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("NUMCHECK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="the playwright package is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def open_page(browser: Any, html: str, folder: Path) -> tuple[Any, list[str]]:
    """Load the page from a file (as a reviewer would) and record dialogs and errors."""
    path = folder / "page.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    events: list[str] = []
    page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: events.append(f"error: {e}"))
    page.on("request", lambda r: None if r.url.startswith("file:") else
            events.append(f"request: {r.url}"))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, events


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_flags_and_charts_render(
    browser: Any, seeds_report: Report, tmp_path: Path, lang: str
) -> None:
    page, events = open_page(browser, render_html(seeds_report, lang=lang), tmp_path)
    flagged = {f.subject for f in seeds_report.comparison.flags}
    charts = page.locator("svg.forest")
    assert charts.count() == len(flagged)
    for i in range(charts.count()):
        assert charts.nth(i).is_visible()
        box = charts.nth(i).bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 40
    assert page.locator("svg.forest .point").count() > 0
    assert page.locator("svg.forest .garbled").count() > 0
    assert page.locator("li.flag").first.is_visible()
    assert page.locator("#filters").is_visible()  # the script ran and revealed the filters
    assert events == []
    if lang != "fr":  # the committed screenshot is the default (French) page
        page.close()
        return
    out = ROOT / "reports"
    out.mkdir(exist_ok=True)
    page.locator("#filters").scroll_into_view_if_needed()
    page.screenshot(path=str(out / "seeds-desk.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": 1280, "height": 2000})
    page.close()


@pytest.mark.parametrize(("lang", "status"), [
    ("fr", "Grandeurs affichées : 1 sur"), ("en", "Showing 1 of"),
])
def test_verdict_filter_hides_other_subjects(browser: Any, seeds_report: Report,
                                             tmp_path: Path, lang: str, status: str) -> None:
    page, _ = open_page(browser, render_html(seeds_report, lang=lang), tmp_path)
    wanted = min(seeds_report.comparison.flags, key=lambda f: f.verdict.severity).verdict.value
    page.focus("#f-verdict")
    page.select_option("#f-verdict", wanted)
    for section in page.locator("section.subject").all():
        verdicts = (section.get_attribute("data-verdicts") or "").split()
        assert section.is_visible() == (wanted in verdicts)
    assert status in page.locator("#f-status").inner_text() or wanted != "divergent"
    page.keyboard.press("Tab")  # on to the source filter, without a mouse
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # tick "garbled figures only"
    assert page.locator("#f-garbled").is_checked()
    page.click("#f-reset")
    page.wait_for_function("document.querySelectorAll('section.subject[hidden]').length === 0")
    page.close()


def test_hostile_page_runs_no_script(browser: Any, tmp_path: Path) -> None:
    from test_html_hostile import NAME, write_hostile

    folder = tmp_path / "in"
    folder.mkdir()
    report = run([write_hostile(folder)])
    page, events = open_page(browser, render_html(report), tmp_path)
    page.hover("text=ukrainiens")
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img").count() == 0
    assert events == []
    assert NAME in page.locator("#articles").inner_text()
    page.close()

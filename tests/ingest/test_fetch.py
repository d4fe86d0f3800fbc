"""URLs: pages fetched from a local server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from numcheck.cli import app
from numcheck.ingest.fetch import FetchError, FetchSettings, fetch, user_agent

PAGES = Path(__file__).parent / "pages"
# The slow route answers after SLOW_SECONDS; the tests allow TIMEOUT, long enough for
# the other local pages on a loaded machine.
SLOW_SECONDS = 8.0
TIMEOUT = "2"


class _Site(BaseHTTPRequestHandler):
    hits: ClassVar[list[tuple[str, str]]] = []  # (path, User-Agent), per test

    def do_GET(self) -> None:
        type(self).hits.append((self.path, self.headers.get("User-Agent", "")))
        route = self.path.split("?")[0]
        if route == "/fr.html":
            self._send(200, (PAGES / "fr_frontiere.html").read_bytes(), "text/html; charset=utf-8")
        elif route == "/en.html":
            self._send(200, (PAGES / "en_border.html").read_bytes(), "text/html")
        elif route == "/dispatch.txt":
            self._send(200, "Près de 2 000 soldats sont arrivés.".encode(), "text/plain")
        elif route == "/moved":
            self._redirect("/en.html")
        elif route == "/loop":
            self._redirect("/loop")
        elif route == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, b"<html><body><p>late</p></body></html>", "text/html")
        elif route == "/huge.html":
            self._send(200, b"<html><body>" + b"<p>1 000 soldats.</p>" * 5000 + b"</body></html>",
                       "text/html")
        elif route == "/report.pdf":
            self._send(200, b"%PDF-1.7", "application/pdf")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may have given up (timeout test)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[str]:
    _Site.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _report(args: list[str], cache: Path) -> tuple[int, list[dict[str, object]], list[str]]:
    result = CliRunner().invoke(app, [
        "extract", "--format", "json", "--timeout", TIMEOUT, "--page-cache", str(cache), *args])
    assert "Traceback" not in result.stderr
    return result.exit_code, json.loads(result.stdout), result.stderr.strip().splitlines()


def test_pages_are_fetched_failures_named_and_the_rest_processed(
    site: str, tmp_path: Path
) -> None:
    urls = [f"{site}/fr.html", f"{site}/missing", f"{site}/slow", f"{site}/moved",
            f"{site}/loop", f"{site}/report.pdf", f"{site}/dispatch.txt"]
    code, claims, err = _report(urls, tmp_path / "pages")
    assert code == 2
    assert err == [
        f"numcheck: error: {site}/missing: HTTP 404 Not Found",
        f"numcheck: error: {site}/slow: timed out after {TIMEOUT} s",
        f"numcheck: error: {site}/loop: more than 5 redirects",
        f"numcheck: error: {site}/report.pdf: not a web page (application/pdf)",
    ]
    docs = {c["doc"] for c in claims}
    assert docs == {f"{site}/fr.html", f"{site}/moved", f"{site}/dispatch.txt"}
    by_doc = {c["doc"]: c for c in claims}
    assert by_doc[f"{site}/moved"]["outlet"] == "The Harbour Times"  # the page behind it
    assert by_doc[f"{site}/fr.html"]["published"] == "2022-02-12"
    assert {ua for _, ua in _Site.hits} == {user_agent()}


def test_a_rerun_the_same_day_is_offline(site: str, tmp_path: Path) -> None:
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text(f"# to check\n{site}/fr.html\n\n{site}/dispatch.txt  # wire\n",
                         encoding="utf-8")
    cache = tmp_path / "pages"
    first = _report(["--urls", str(urls_file)], cache)
    assert first[0] == 0 and len(_Site.hits) == 2, first[2]
    second = _report(["--urls", str(urls_file)], cache)
    assert second == first and len(_Site.hits) == 2  # nothing asked of the server
    today = FetchSettings().today.isoformat()
    assert sorted(p.name for p in cache.iterdir()) == [".gitignore", today]


def test_size_cap(site: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"larger than the size cap \(20,000 bytes\)"):
        fetch(f"{site}/huge.html", FetchSettings(cache=None, max_bytes=20_000))


def test_the_document_keeps_the_canonical_url(site: str, tmp_path: Path) -> None:
    from numcheck.ingest import Options, read_paths

    options = Options(fetch=FetchSettings(cache=None))
    (doc,) = read_paths([f"{site}/moved"], options=options).documents
    assert doc.path == f"{site}/moved"
    assert doc.url == "https://harbourtimes.example/world/europe/russia-troops-ukraine-border-20220214"


def test_urls_file_with_a_non_url_is_a_usage_error(tmp_path: Path) -> None:
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text("articles/a.txt\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["report", "--urls", str(urls_file)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"numcheck: error: {urls_file}: line 1: 'articles/a.txt' is not an http(s) URL")

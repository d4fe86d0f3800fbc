"""The reading options every reading command shares, turned into ``ingest.Options``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from numcheck.errors import ConfigError

if TYPE_CHECKING:
    from numcheck.ingest import Options

# FetchSettings' defaults, repeated here so `--help` can show them without importing the
# reading stage (tests/cli/test_startup.py keeps the two in step).
DEFAULT_TIMEOUT = 20.0
DEFAULT_PAGE_CACHE = ".numcheck/pages"

ColumnsOpt = Annotated[list[str] | None, typer.Option(
    "--columns", help="Corpus-file columns, FIELD=COLUMN (text, id, url, title, published, "
    "outlet, lang), comma-separated or repeated; e.g. --columns text=body,id=sent_id.")]
NameOpt = Annotated[str | None, typer.Option(
    "--name", help="Name of the article read from stdin (default <stdin>).")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet of the article on stdin.")]
PublishedOpt = Annotated[str | None, typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) of the article on stdin.")]

_COMMENT = re.compile(r"(?:^|\s)#")
InputPaths = Annotated[list[str] | None, typer.Argument(
    help="Files, folders, URLs, or - for stdin.", show_default=False)]
UrlsOpt = Annotated[str | None, typer.Option(
    "--urls", help="File of URLs to fetch, one per line (a # after a space starts a comment).")]
TimeoutOpt = Annotated[float, typer.Option(
    "--timeout", help="Seconds allowed for fetching one URL.", min=0.1)]
PageCacheOpt = Annotated[str, typer.Option(
    "--page-cache", help="Folder of fetched pages (one subfolder per day; '' for none).")]


def input_paths(paths: list[str] | None, urls: str | None) -> list[str]:
    """The command line's inputs, then the URLs of ``--urls``; at least one."""
    from numcheck.ingest.fetch import is_url

    out = list(paths or [])
    if urls is not None:
        try:
            lines = Path(urls).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError("--urls", f"cannot read {urls}: {err}") from None
        for number, line in enumerate(lines, 1):
            item = _COMMENT.split(line, maxsplit=1)[0].strip()  # a URL's own #fragment stays
            if not item:
                continue
            if not is_url(item):
                raise ConfigError(f"{urls}: line {number}", f"'{item}' is not an http(s) URL")
            out.append(item)
    if not out:
        raise ConfigError("PATH", "give files, folders, URLs or - (or --urls FILE)")
    return out


def reading_options(
    columns: list[str] | None,
    name: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    page_cache: str = DEFAULT_PAGE_CACHE,
) -> Options:
    from numcheck.ingest import Columns, Options
    from numcheck.ingest.fetch import FetchSettings
    from numcheck.ingest.metadata import Source, parse_published

    try:
        day = parse_published(published) if published else None
    except ValueError:
        raise ConfigError("--published", f"'{published}' is not YYYY-MM-DD") from None
    return Options(
        columns=Columns.parse(columns or ()),
        stdin_name=name or "<stdin>",
        stdin_source=Source(outlet=outlet, published=day),
        fetch=FetchSettings(cache=Path(page_cache) if page_cache else None, timeout=timeout),
    )


JobsOpt = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, show_default=False,
    help="Worker processes for extraction (default: the CPUs available, 1 for a small "
    "corpus). The output is the same whatever the number.")]
QuietOpt = Annotated[bool, typer.Option(
    "--quiet", "-q", help="No progress on stderr (problems are still reported).")]

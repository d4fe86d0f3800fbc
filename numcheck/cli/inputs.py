"""The reading options every reading command shares, turned into ``ingest.Options``."""

from __future__ import annotations

from typing import Annotated

import typer

from numcheck.errors import ConfigError
from numcheck.ingest import Columns, Options
from numcheck.ingest.metadata import Source, parse_published

ColumnsOpt = Annotated[list[str] | None, typer.Option(
    "--columns", help="Corpus-file columns, FIELD=COLUMN (text, id, url, title, published, "
    "outlet, lang), comma-separated or repeated; e.g. --columns text=body,id=sent_id.")]
NameOpt = Annotated[str | None, typer.Option(
    "--name", help="Name of the article read from stdin (default <stdin>).")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Outlet of the article on stdin.")]
PublishedOpt = Annotated[str | None, typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) of the article on stdin.")]


def reading_options(
    columns: list[str] | None,
    name: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> Options:
    try:
        day = parse_published(published) if published else None
    except ValueError:
        raise ConfigError("--published", f"'{published}' is not YYYY-MM-DD") from None
    return Options(
        columns=Columns.parse(columns or ()),
        stdin_name=name or "<stdin>",
        stdin_source=Source(outlet=outlet, published=day),
    )

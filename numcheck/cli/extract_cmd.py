"""``numcheck extract``: the claims table."""

from __future__ import annotations

from typing import Annotated

import typer

from numcheck.cli.app import app, fail, finish, read_stdin_if
from numcheck.cli.inputs import ColumnsOpt, NameOpt, OutletOpt, PublishedOpt, reading_options
from numcheck.cli.options import Lang, Output, Paths, Rules, Sources
from numcheck.errors import NumcheckError
from numcheck.pipeline import run
from numcheck.render import render

Format = Annotated[str, typer.Option("--format", "-f", help="table, csv, json or parquet.")]
Others = Annotated[
    bool, typer.Option("--others", help="List the numbers that are not claims, and why.")
]


@app.command()
def extract(
    paths: Paths,
    lang: Lang = None,
    fmt: Format = "table",
    output: Output = None,
    others: Others = False,
    rules: Rules = None,
    sources: Sources = None,
    columns: ColumnsOpt = None,
    name: NameOpt = None,
    outlet: OutletOpt = None,
    published: PublishedOpt = None,
) -> None:
    """Pull every numeric claim out of the articles into one table."""
    try:
        options = reading_options(columns, name, outlet, published)
        report = run(paths, lang=lang, rules_dirs=rules or (), sources=sources,
                     stdin=read_stdin_if(paths), options=options)
        data = render("claims", fmt, report, others=others)
    except NumcheckError as err:
        raise fail(err) from None
    finish(data, output, report.problems)

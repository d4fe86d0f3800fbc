"""``numcheck extract``: the claims table."""

from __future__ import annotations

from typing import Annotated

import typer

from numcheck.cli.app import Exit, app, fail, read_stdin_if, say_problems, write_output
from numcheck.errors import NumcheckError
from numcheck.pipeline import run
from numcheck.render import render


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")],
    lang: Annotated[str | None, typer.Option(help="Language of the articles (fr, en); detected if omitted.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, json or parquet.")] = "table",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file.")] = None,
    others: Annotated[bool, typer.Option("--others", help="List the numbers that are not claims, and why.")] = False,
    rules: Annotated[list[str] | None, typer.Option("--rules", help="Extra rules folder (repeatable).")] = None,
    sources: Annotated[str | None, typer.Option(help="CSV of file, outlet, published, language.")] = None,
) -> None:
    """Pull every numeric claim out of the articles into one table."""
    try:
        report = run(paths, lang=lang, rules_dirs=rules or (), sources=sources,
                     stdin=read_stdin_if(paths))
        data = render("claims", fmt, report, others=others)
    except NumcheckError as err:
        raise fail(err) from None
    write_output(data, output)
    say_problems(report.problems)
    if report.problems:
        raise typer.Exit(Exit.USAGE)

"""``numcheck report``: the discrepancy report (markdown by default, html, json, csv…)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from numcheck.cli.app import Exit, app, fail, read_stdin_if, say_problems, write_output
from numcheck.cli.options import Lang, Output, Paths, Rules, Sources
from numcheck.cli.progress import progress_bar
from numcheck.errors import NumcheckError
from numcheck.pipeline import run
from numcheck.render import render

Format = Annotated[
    str, typer.Option("--format", "-f", help="markdown, html, json, csv or claimreview.")
]


@app.command()
def report(
    paths: Paths,
    fmt: Format = "markdown",
    output: Output = None,
    lang: Lang = None,
    rules: Rules = None,
    sources: Sources = None,
) -> None:
    """Read a set of articles and report where their figures disagree."""
    try:
        with progress_bar(enabled=sys.stderr.isatty()) as tick:
            result = run(paths, lang=lang, rules_dirs=rules or (), sources=sources,
                         stdin=read_stdin_if(paths), progress=tick)
        data = render("report", fmt, result)
    except NumcheckError as err:
        raise fail(err) from None
    write_output(data, output)
    say_problems(result.problems)
    if result.problems:
        raise typer.Exit(Exit.USAGE)

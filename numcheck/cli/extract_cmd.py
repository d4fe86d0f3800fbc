"""``numcheck extract``: the claims table."""

from __future__ import annotations

from typing import Annotated

import typer

from numcheck.cli import inputs
from numcheck.cli.app import app, fail, finish, read_stdin_if
from numcheck.cli.options import Config, Lang, Output, Rules, Sources
from numcheck.cli.progress import progress_display
from numcheck.errors import NumcheckError

Format = Annotated[str, typer.Option("--format", "-f", help="table, csv, json or parquet.")]
Others = Annotated[
    bool, typer.Option("--others", help="List the numbers that are not claims, and why.")
]


@app.command()
def extract(
    paths: inputs.InputPaths = None,
    lang: Lang = None,
    fmt: Format = "table",
    output: Output = None,
    others: Others = False,
    rules: Rules = None,
    sources: Sources = None,
    config: Config = None,
    columns: inputs.ColumnsOpt = None,
    name: inputs.NameOpt = None,
    outlet: inputs.OutletOpt = None,
    published: inputs.PublishedOpt = None,
    urls: inputs.UrlsOpt = None,
    timeout: inputs.TimeoutOpt = inputs.DEFAULT_TIMEOUT,
    page_cache: inputs.PageCacheOpt = inputs.DEFAULT_PAGE_CACHE,
    jobs: inputs.JobsOpt = None,
    quiet: inputs.QuietOpt = False,
) -> None:
    """Pull every numeric claim out of the articles into one table."""
    from numcheck.project import open_project
    from numcheck.render.isolated import render_isolated

    try:
        project = open_project(config, rules or ())
        paths = inputs.input_paths(paths, urls)
        options = inputs.reading_options(columns, name, outlet, published, timeout, page_cache)
        with progress_display(quiet=quiet) as display:
            report = project.claims(paths, lang=lang, sources=sources,
                                    stdin=read_stdin_if(paths), options=options,
                                    progress=display, jobs=jobs,
                                    keep_texts=False)  # the table needs claims, not texts
            if display is not None:
                display.stage("rendering")
            data, failed = render_isolated("claims", fmt, report, others=others)
    except NumcheckError as err:
        raise fail(err) from None
    finish(data, output, [*report.problems, *failed])

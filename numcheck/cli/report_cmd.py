"""``numcheck report``: the discrepancy report (markdown by default, html, json, csv…)."""

from __future__ import annotations

from typing import Annotated

import typer

from numcheck.cli import inputs
from numcheck.cli.app import app, fail, finish, read_stdin_if
from numcheck.cli.options import Config, Lang, LedgerOpt, Output, ReportLang, Rules, Sources
from numcheck.cli.progress import progress_display
from numcheck.errors import NumcheckError

Format = Annotated[
    str, typer.Option("--format", "-f", help="markdown, html, json, csv or claimreview.")
]


@app.command()
def report(
    paths: inputs.InputPaths = None,
    fmt: Format = "markdown",
    output: Output = None,
    lang: Lang = None,
    report_lang: ReportLang = None,
    rules: Rules = None,
    sources: Sources = None,
    config: Config = None,
    ledger: LedgerOpt = None,
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
    """Read a set of articles and report where their figures disagree."""
    from numcheck.project import open_project
    from numcheck.render.isolated import render_isolated
    from numcheck.render.words import majority_language, words_for

    try:
        project = open_project(config, rules or ())
        if report_lang:
            words_for(project.rules, report_lang)  # an unknown language stops before the work
        paths = inputs.input_paths(paths, urls)
        options = inputs.reading_options(columns, name, outlet, published, timeout, page_cache)
        with progress_display(quiet=quiet) as display:
            reviewed = project.report(
                paths, ledger=ledger, lang=lang, sources=sources, stdin=read_stdin_if(paths),
                options=options, progress=display, jobs=jobs,
                keep_texts=fmt == "html")  # only the desk page shows the texts
            result = reviewed.report
            if display is not None:
                display.stage("rendering")
            language = report_lang or majority_language(result.documents, project.rules.folders)
            data, failed = render_isolated("report", fmt, result, lang=language)
    except NumcheckError as err:
        raise fail(err) from None
    finish(data, output, [*result.problems, *failed], reviewed.stale,
           words_for(project.rules, language))

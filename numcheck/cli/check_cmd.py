"""``numcheck check``: the CI gate on new articles (exit 1 when a flag should block)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from numcheck.cli import inputs
from numcheck.cli.app import Exit, app, fail, finish, read_stdin_if
from numcheck.cli.options import Config, LedgerOpt, Output, ReportLang, Rules, Sources
from numcheck.cli.progress import progress_display
from numcheck.errors import NumcheckError

if TYPE_CHECKING:
    from numcheck.check.gate import CheckResult

Str = str | None
New = Annotated[list[str], typer.Argument(help="The new articles: files, folders, or -.")]
Against = Annotated[list[str] | None, typer.Option(
    "--against", help="Corpus to check against (repeatable); default: the new set itself.")]
Format = Annotated[str, typer.Option("--format", "-f", help="text, github, sarif or json.")]
FailOn = Annotated[list[str] | None, typer.Option(
    "--fail-on",
    help="conflict, divergent, garbled or any (repeatable; default: conflict,garbled).")]
ExitZero = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when flags fail.")]
BaselineOpt = Annotated[Str, typer.Option("--baseline", help="Baseline file to read (or write).")]
WriteBaseline = Annotated[bool, typer.Option(
    "--write-baseline", help="Record today's flags in the baseline file and exit 0.")]
CacheDir = Annotated[Str, typer.Option("--cache-dir", help="Extraction cache folder.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Extract every file afresh.")]


@app.command(name="check")
def check_cmd(
    paths: New,
    against: Against = None,
    fmt: Format = "text",
    output: Output = None,
    report_lang: ReportLang = None,
    fail_on: FailOn = None,
    exit_zero: ExitZero = False,
    config: Config = None,
    rules: Rules = None,
    sources: Sources = None,
    ledger: LedgerOpt = None,
    baseline: BaselineOpt = None,
    write_baseline: WriteBaseline = False,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    columns: inputs.ColumnsOpt = None,
    name: inputs.NameOpt = None,
    outlet: inputs.OutletOpt = None,
    published: inputs.PublishedOpt = None,
    jobs: inputs.JobsOpt = None,
    quiet: inputs.QuietOpt = False,
) -> None:
    """Check new articles against a corpus; only flags involving a new article count."""
    from numcheck.check import baseline as baseline_file
    from numcheck.check.cache import ExtractionCache
    from numcheck.check.fail_on import DEFAULT_FAIL_ON, fail_levels
    from numcheck.check.gate import check
    from numcheck.project import open_project
    from numcheck.render import render
    from numcheck.render.words import majority_language, words_for

    try:
        project = open_project(config, rules or ())
        conf, rulebook = project.config, project.rules
        if report_lang:
            words_for(rulebook, report_lang)  # an unknown language stops before the work
        levels = fail_levels(fail_on or conf.fail_on or DEFAULT_FAIL_ON)
        baseline_path = Path(baseline) if baseline else conf.baseline_path
        folder = None if no_cache else Path(cache_dir) if cache_dir else conf.cache_path
        with progress_display(quiet=quiet) as display:
            result = check(
                paths,
                against or [str(p) for p in conf.against],
                rulebook,
                ledger=project.ledger(ledger),
                baseline=frozenset() if write_baseline else baseline_file.load(baseline_path),
                fail_on=levels,
                cache=ExtractionCache(folder, rulebook),
                stdin=read_stdin_if(paths),
                sources=sources,
                options=inputs.reading_options(columns, name, outlet, published),
                jobs=jobs,
                progress=display,
            )
        language = report_lang or majority_language(result.report.documents, rulebook.folders)
        words = words_for(rulebook, language)
        if write_baseline:
            baseline_file.write(baseline_path, result.flags)
            flags = words.count("flags", len(result.flags))
            typer.echo(f"numcheck: {words('cli.wrote_baseline', flags=flags, path=baseline_path)}",
                       err=True)
            raise typer.Exit(Exit.OK)
        data = render("check", fmt, result, lang=language)
    except NumcheckError as err:
        raise fail(err) from None
    _github_summary(fmt, result, language)
    finish(data, output, result.report.problems, result.stale, words)
    if result.failed and not exit_zero:
        raise typer.Exit(Exit.PROBLEMS)


def _github_summary(fmt: str, result: CheckResult, lang: str) -> None:
    """In a GitHub Actions job, the github format also fills the job summary."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt != "github" or not target:
        return
    from numcheck.check.formats import SUMMARY_LIMIT, summary_markdown

    used = os.path.getsize(target) if os.path.exists(target) else 0  # earlier steps' text
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(summary_markdown(result, lang=lang, budget=SUMMARY_LIMIT - used))

"""``numcheck review``: record a reviewer's decision on a flag in the ledger, or list them."""

from __future__ import annotations

import getpass
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from numcheck.cli.app import Exit, app, fail
from numcheck.cli.options import Config, LedgerOpt, Rules
from numcheck.errors import ConfigError, NumcheckError

if TYPE_CHECKING:
    from numcheck.check.config import CheckConfig
    from numcheck.project import Project

Decision = Annotated[str | None, typer.Option(
    "--decision", help="confirmed, false-positive, explained or needs-source.")]
Note = Annotated[str | None, typer.Option("--note", help="Why (required for 'explained').")]
Reviewer = Annotated[str | None, typer.Option(
    "--reviewer", help="Who decided (default: git user.name, else $USER).")]
List = Annotated[bool, typer.Option("--list", help="Show the ledger's entries.")]
Articles = Annotated[list[str] | None, typer.Argument(
    help="Articles the flag is about, e.g. the new one `check` flagged (with the corpus).")]
Against = Annotated[list[str] | None, typer.Option(
    "--against", help="Corpus (repeatable); default: `against` from the configuration.")]
Force = Annotated[bool, typer.Option(
    "--force", help="Record even if the fingerprint matches no flag of the articles.")]
StatusLang = Annotated[str | None, typer.Option(
    "--report-lang", help="Language of the status line (fr, en; default: en).")]


@app.command()
def review(
    fingerprint: Annotated[str | None, typer.Argument(help="The flag's fingerprint.")] = None,
    articles: Articles = None,
    decision: Decision = None,
    note: Note = None,
    reviewer: Reviewer = None,
    list_: List = False,
    ledger: LedgerOpt = None,
    config: Config = None,
    against: Against = None,
    rules: Rules = None,
    force: Force = False,
    report_lang: StatusLang = None,
) -> None:
    """Record a decision on a flag (by fingerprint) in the review ledger.

    The fingerprint must belong to a flag of the articles given and the corpus
    (--against or the configuration), so a typo never lands in the ledger; --force
    records it anyway.
    """
    from numcheck.check import ledger as ledger_file
    from numcheck.project import open_project
    from numcheck.render.words import DEFAULT, words_for

    try:
        project = open_project(config, rules or ())
        words = words_for(project.rules, report_lang or DEFAULT)
        ledger_path = Path(ledger) if ledger else project.config.ledger_path
        if list_:
            book = ledger_file.load(ledger_path)
            for fp, entry in sorted(book.entries.items()):
                note_text = f"  {entry.note}" if entry.note else ""
                typer.echo(f"{fp}  {entry.decision:<14} {entry.date}  {entry.reviewer}{note_text}")
            raise typer.Exit(Exit.OK)
        if fingerprint is None or decision is None:
            raise ConfigError("review", "give a FINGERPRINT and --decision (or --list)")
        # Decision and note first: a bad one fails before the articles are read.
        ledger_file.record(ledger_file.Ledger(ledger_path, {}), fingerprint, decision,
                           reviewer="", note=note)
        if not force:
            _must_be_a_flag(fingerprint, [*(articles or []), *_corpus(against, project.config)],
                            project, new=articles or [])
        ledger_file.record_decision(ledger_path, fingerprint, decision,
                                    reviewer=reviewer or _default_reviewer(), note=note)
    except NumcheckError as err:
        raise fail(err) from None
    said = words("cli.recorded", fingerprint=fingerprint, decision=words.decision(decision),
                 path=ledger_path)
    typer.echo(f"numcheck: {said}", err=True)


def _corpus(against: list[str] | None, conf: CheckConfig) -> list[str]:
    return against if against else [str(p) for p in conf.against]


def _must_be_a_flag(
    fingerprint: str, paths: list[str], project: Project, new: list[str]
) -> None:
    if not paths:
        raise ConfigError("review", "no articles to check the fingerprint against: give them "
                          "(review FINGERPRINT PATH...), --against, or `against` in the "
                          "configuration; or --force")
    from numcheck.check.cache import ExtractionCache
    from numcheck.check.gate import known_fingerprints

    rulebook = project.rules
    known, problems = known_fingerprints(
        paths, rulebook, cache=ExtractionCache(project.config.cache_path, rulebook), new=new)
    if fingerprint not in known:
        unread = f"; {len(problems)} input problem(s), e.g. {problems[0]}" if problems else ""
        raise ConfigError(fingerprint, f"matches none of the {len(known)} flags of "
                          f"{', '.join(paths)}{unread}; check the fingerprint, or --force")


def _default_reviewer() -> str:
    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                              timeout=5, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"

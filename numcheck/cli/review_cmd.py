"""``numcheck review``: record a reviewer's decision on a flag in the ledger, or list them."""

from __future__ import annotations

import getpass
import subprocess
from pathlib import Path
from typing import Annotated

import typer

from numcheck.check import ledger as ledger_file
from numcheck.check.config import load_config
from numcheck.cli.app import Exit, app, fail
from numcheck.cli.options import Config, LedgerOpt
from numcheck.errors import ConfigError, NumcheckError

Decision = Annotated[str | None, typer.Option(
    "--decision", help="confirmed, false-positive, explained or needs-source.")]
Note = Annotated[str | None, typer.Option("--note", help="Why (required for 'explained').")]
Reviewer = Annotated[str | None, typer.Option(
    "--reviewer", help="Who decided (default: git user.name, else $USER).")]
List = Annotated[bool, typer.Option("--list", help="Show the ledger's entries.")]


@app.command()
def review(
    fingerprint: Annotated[str | None, typer.Argument(help="The flag's fingerprint.")] = None,
    decision: Decision = None,
    note: Note = None,
    reviewer: Reviewer = None,
    list_: List = False,
    ledger: LedgerOpt = None,
    config: Config = None,
) -> None:
    """Record a decision on a flag (by fingerprint) in the review ledger."""
    try:
        conf = load_config(Path(config) if config else None)
        book = ledger_file.load(Path(ledger) if ledger else conf.ledger_path)
        if list_:
            for fp, entry in sorted(book.entries.items()):
                note_text = f"  {entry.note}" if entry.note else ""
                typer.echo(f"{fp}  {entry.decision:<14} {entry.date}  {entry.reviewer}{note_text}")
            raise typer.Exit(Exit.OK)
        if fingerprint is None or decision is None:
            raise ConfigError("review", "give a FINGERPRINT and --decision (or --list)")
        updated = ledger_file.record(book, fingerprint, decision,
                                     reviewer=reviewer or _default_reviewer(), note=note)
        ledger_file.save(updated)
    except NumcheckError as err:
        raise fail(err) from None
    typer.echo(f"numcheck: {fingerprint}: {decision} recorded in {updated.path}", err=True)


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

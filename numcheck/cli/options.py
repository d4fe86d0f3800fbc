"""Options shared by several commands, declared once so they read and behave alike."""

from __future__ import annotations

from typing import Annotated

import typer

Paths = Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin.")]
Lang = Annotated[
    str | None, typer.Option(help="Language of the articles (fr, en); detected if omitted.")
]
Output = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file.")]
Rules = Annotated[
    list[str] | None, typer.Option("--rules", help="Extra rules folder (repeatable).")
]
Sources = Annotated[
    str | None, typer.Option(help="CSV of file, outlet, published, language.")
]

Config = Annotated[str | None, typer.Option("--config", help="Configuration file (TOML).")]
LedgerOpt = Annotated[str | None, typer.Option("--ledger", help="Review ledger (YAML).")]
ReportLang = Annotated[str | None, typer.Option(
    "--report-lang", help="Language of the report's words (fr, en); default: the language "
    "most articles are in (a tie: the first code alphabetically).")]

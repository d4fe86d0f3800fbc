"""Every command the CLI offers is documented in the README (as sqlite-utils does)."""

from __future__ import annotations

from pathlib import Path

from typer.main import get_command

from numcheck.cli import app

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_cli_offers_the_core_commands() -> None:
    assert {"extract", "report"} <= set(_commands())


def test_every_command_is_in_the_readme_command_table() -> None:
    table = README.split("## Commands")[1].split("\n## ")[0]
    missing = [c for c in _commands() if f"`numcheck {c}" not in table]
    assert missing == []


def test_every_command_has_help_text() -> None:
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name

"""Every command the CLI offers is documented in the README (as sqlite-utils does)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.main import get_command

from numcheck.cli import app
from tests.check.conftest import CONTRA

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


def test_version_matches_the_package() -> None:
    from importlib.metadata import version

    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"numcheck {version('numcheck')}\n"


def _readme_config_block() -> str:
    section = README.split("**Configuration.**")[1]
    return section.split("```toml\n")[1].split("```")[0]


@pytest.mark.parametrize("where", ["pyproject.toml", ".numcheck.toml"])
def test_readme_configuration_block_works_as_printed(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README says the block goes in pyproject.toml or a .numcheck.toml: both work."""
    from typer.testing import CliRunner

    block = _readme_config_block()
    assert block.startswith("[tool.numcheck]\n")
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    shutil.copytree(seeds, tmp_path / "articles")
    (tmp_path / "newsroom-rules").mkdir()
    (tmp_path / "drafts").mkdir()
    # A dispatch of the seeds' December story (stories: a draft is compared only with
    # the story it joins), dated by the newsroom's sources.csv.
    (tmp_path / "drafts" / "kiev.txt").write_text(CONTRA, encoding="utf-8")
    with (tmp_path / "articles" / "sources.csv").open("a", encoding="utf-8") as fh:
        fh.write("kiev.txt,,2021-12-10,fr\n")
    (tmp_path / where).write_text(block, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "drafts")  # found walking up, paths relative to the file
    runner = CliRunner()
    gate = runner.invoke(app, ["check", "kiev.txt", "--format", "json"])
    assert gate.exit_code == 1, gate.stderr  # against = ["articles"] came from the block
    assert "conflict" in gate.stdout
    assert (tmp_path / ".numcheck" / "cache" / ".gitignore").is_file()  # cache_dir
    written = runner.invoke(app, ["check", "kiev.txt", "--write-baseline"])
    assert written.exit_code == 0, written.stderr
    assert (tmp_path / ".numcheck" / "baseline.yaml").is_file()
    assert runner.invoke(app, ["check", "kiev.txt"]).exit_code == 0  # baselined
    report = runner.invoke(app, ["report", "../articles"])
    assert report.exit_code == 0, report.stderr

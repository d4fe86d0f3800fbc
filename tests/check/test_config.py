"""Configuration discovery ([tool.numcheck] / .numcheck.toml) and unknown-key errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.check.config import find_config, load_config
from numcheck.errors import ConfigError
from tests.check.conftest import Run


def test_closest_file_wins_walking_up(
    newsroom: Path, cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    (newsroom / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.numcheck]\nagainst = ["corpus"]\nfail_on = ["divergent"]\n',
        encoding="utf-8")
    sub = newsroom / "new"
    monkeypatch.chdir(sub)
    assert find_config() == newsroom / "pyproject.toml"
    # against and fail_on come from the file, relative to it.
    assert cli("check", "agree.txt").code == 1
    (sub / ".numcheck.toml").write_text('against = ["../corpus"]\nfail_on = "conflict"\n',
                                        encoding="utf-8")
    assert find_config() == sub / ".numcheck.toml"
    assert cli("check", "agree.txt").code == 0
    assert cli("check", "agree.txt", "--config", str(newsroom / "pyproject.toml")).code == 1


def test_pyproject_without_table_is_skipped(newsroom: Path) -> None:
    (newsroom / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(newsroom) is None
    assert load_config(start=newsroom).ledger_path == newsroom / ".numcheck" / "reviews.yaml"


def test_unknown_key_names_file_and_key(newsroom: Path, cli: Run) -> None:
    (newsroom / ".numcheck.toml").write_text("fail_onn = ['any']\n", encoding="utf-8")
    r = cli("check", "new/agree.txt", "--against", "corpus")
    assert r.code == 2
    assert len(r.err.strip().splitlines()) == 1
    assert ".numcheck.toml" in r.err and "fail_onn" in r.err
    (newsroom / ".numcheck.toml").unlink()
    (newsroom / "pyproject.toml").write_text("[tool.numcheck]\ntolerance = 1\n", encoding="utf-8")
    r = cli("check", "new/agree.txt", "--against", "corpus")
    assert r.code == 2 and "pyproject.toml" in r.err and "tool.numcheck.tolerance" in r.err


def test_tolerances_and_paths(newsroom: Path, cli: Run) -> None:
    args = ("check", "new/agree.txt", "--against", "corpus", "--fail-on", "divergent")
    assert cli(*args).code == 1  # 175 000 vs more than 100 000: 1.75x apart
    (newsroom / ".numcheck.toml").write_text(
        'divergence_ratio = 2.0\nledger = "reviews/ledger.yaml"\n', encoding="utf-8")
    assert cli(*args).code == 0
    cli("review", "abcdef0123456789", "--decision", "confirmed", "--reviewer", "Ana", "--force")
    assert (newsroom / "reviews" / "ledger.yaml").is_file()
    (newsroom / ".numcheck.toml").write_text("divergence_ratio = 0.5\n", encoding="utf-8")
    r = cli(*args)
    assert r.code == 2 and ".numcheck.toml" in r.err


def test_bad_toml_and_bad_types(tmp_path: Path) -> None:
    bad = tmp_path / ".numcheck.toml"
    bad.write_text("rules = [1, 2]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="rules"):
        load_config(bad)
    bad.write_text("rules = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")


BAD_VALUES = [  # every fault is in tests/schemas/cases.yaml; here: the command's one line
    ("period_window_days = -5", "period_window_days", "must be at least 1, got -5"),
    ('fail_on = ["conflcit"]', "fail_on", "unknown level 'conflcit'"),
]


@pytest.mark.parametrize(("line", "key", "problem"), BAD_VALUES)
@pytest.mark.parametrize("where", [".numcheck.toml", "pyproject.toml"])
def test_values_are_validated_naming_file_and_key(
    newsroom: Path, cli: Run, where: str, line: str, key: str, problem: str
) -> None:
    table = "[tool.numcheck]\n" if where == "pyproject.toml" else ""
    (newsroom / where).write_text(f"{table}{line}\n", encoding="utf-8")
    r = cli("check", "new/agree.txt", "--against", "corpus")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r.err
    prefix = "tool.numcheck." if table else ""
    assert f"{where}: {prefix}{key}: {problem}" in r.err

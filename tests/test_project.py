"""One configuration path: every command reads the project's configuration the same way.

The project is built from the README's own examples, as printed: the configuration
block of "Configuration" (in ``.numcheck.toml``, then in ``pyproject.toml``) and the
language rules of "Adding language words", in the ``newsroom-rules`` folder that block
names. Those rules read "une flopée" as a vague quantity (10 to 50): with the project's
configuration every command sees that claim; with the shipped rules none does.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from numcheck.cli import app
from numcheck.project import open_project

README = Path(__file__).resolve().parents[1] / "README.md"
CONTEXT = (  # written for this test: enough of an event for both articles to share a story
    "Joe Biden a averti Vladimir Poutine que les États-Unis et l'OTAN répondraient par "
    "des sanctions à une attaque de l'Ukraine ; le Kremlin dément.\n"
)
CORPUS = "Selon le Washington Post, 175 000 soldats russes sont massés à la frontière.\n"
DRAFT = "Selon Kiev, une flopée de soldats russes sont massés à la frontière.\n"
FIGURE = "une flopée"


def _block(after: str, lang: str) -> str:
    """The first ``lang`` code block of the README after the text ``after``."""
    text = README.read_text(encoding="utf-8")
    found = re.search(rf"```{lang}\n(.*?)```", text[text.index(after):], re.S)
    assert found, f"README: no {lang} block after {after!r}"
    return found.group(1)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    words = _block("`DIR/languages/fr.yaml`", "yaml")
    config = _block("**Configuration.**", "toml")
    conf = tomllib.loads(config)["tool"]["numcheck"]
    assert FIGURE in words and conf["rules"] == ["newsroom-rules"]
    (tmp_path / conf["rules"][0] / "languages").mkdir(parents=True)
    (tmp_path / conf["rules"][0] / "languages" / "fr.yaml").write_text(words, encoding="utf-8")
    for folder, name, text in ((conf["against"][0], "wp.txt", CORPUS),
                               ("drafts", "kiev.txt", DRAFT)):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_text(text + CONTEXT, encoding="utf-8")
    (tmp_path / ".numcheck.toml").write_text(config, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout


def _claims(payload: str) -> list[tuple[object, ...]]:
    """What a claim is, in any command's JSON: place, reading and interval."""
    rows = json.loads(payload)
    rows = rows["claims"] if isinstance(rows, dict) else rows
    return sorted((r["doc"], r["start"], r["surface"], r["low"], r["high"], r["hedge"])
                  for r in rows)


def test_every_command_reads_the_configuration(project: Path) -> None:
    code, table = _run("extract", "drafts/kiev.txt", "--format", "json")
    assert code == 0
    claims = _claims(table)
    assert ("kiev.txt", DRAFT.index(FIGURE), FIGURE, 10, 50, "vague") in claims

    code, report = _run("report", "drafts/kiev.txt", "--format", "json")
    assert code == 0 and _claims(report) == claims  # report: the same claims

    code, out = _run("check", "drafts/kiev.txt", "--format", "json")  # against: articles
    items = [i for i in json.loads(out)["items"] if i["surface"] == FIGURE]
    assert code == 1 and items and items[0]["verdict"] == "conflict"

    gold = project / "gold.yaml"
    start = DRAFT.index(FIGURE)
    gold.write_text(yaml.safe_dump({"documents": {"kiev.txt": None}, "claims": [
        {"id": "flopee", "doc": "kiev.txt", "start": start, "end": start + len(FIGURE),
         "number": FIGURE, "value": None, "hedge": "vague", "low": 10, "high": 50}]}),
        encoding="utf-8")
    code, out = _run("eval", str(gold), "drafts/kiev.txt", "--format", "json")
    assert code == 0 and json.loads(out)["systems"]["numcheck"]["matched_claims"] == 1

    # review finds the flag only if it reads the same rules: an unknown one is refused
    code, _ = _run("review", items[0]["fingerprint"], "drafts/kiev.txt", "--decision",
                   "confirmed", "--reviewer", "test")
    assert code == 0
    assert items[0]["fingerprint"] in (project / ".numcheck" / "reviews.yaml").read_text(
        encoding="utf-8")


def test_without_the_configuration_no_command_reads_the_word(project: Path) -> None:
    """The control: the claim above comes from the configuration, not the shipped rules."""
    (project / ".numcheck.toml").unlink()
    code, table = _run("extract", "drafts/kiev.txt", "--format", "json")
    assert code == 0 and all(c[2] != FIGURE for c in _claims(table))
    code, out = _run("check", "drafts/kiev.txt", "--against", "articles", "--format", "json")
    assert all(i["surface"] != FIGURE for i in json.loads(out)["items"])


def test_pyproject_holds_the_same_block(project: Path) -> None:
    """The README's block works as printed in pyproject.toml too, and in the library."""
    config = (project / ".numcheck.toml").read_text(encoding="utf-8")
    (project / ".numcheck.toml").unlink()
    (project / "pyproject.toml").write_text('[project]\nname = "desk"\n\n' + config,
                                            encoding="utf-8")
    code, table = _run("extract", "drafts/kiev.txt", "--format", "json")
    assert code == 0 and any(c[2] == FIGURE for c in _claims(table))
    opened = open_project()
    assert opened.config.source == project / "pyproject.toml"
    assert opened.rules.settings.divergence_ratio == 1.5  # a setting of the block
    library = opened.claims(["drafts/kiev.txt"]).claims
    assert any(c.surface == FIGURE and (c.low, c.high) == (10, 50) for c in library)


def test_the_claims_frame_reads_the_configuration(project: Path) -> None:
    """``numcheck.claims_frame`` opens the project as the commands do; without the
    configuration the word is not read."""
    pytest.importorskip("pandas")
    from numcheck import claims_frame

    df = claims_frame(["drafts/kiev.txt"])
    row = df[df["surface"] == FIGURE]
    assert len(row) == 1 and (row["low"].iloc[0], row["high"].iloc[0]) == (10, 50)
    (project / ".numcheck.toml").unlink()
    assert FIGURE not in set(claims_frame(["drafts/kiev.txt"])["surface"])

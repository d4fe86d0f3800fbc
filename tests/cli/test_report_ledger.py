"""`numcheck report` reads the review ledger: decisions shown, stale entries warned."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_reviewed_flag_shows_its_decision_and_stale_entry_is_warned(corpus: Path) -> None:
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["report", "seeds/", "-f", "json"]).stdout)
    divergent = next(f for f in data["flags"] if f["verdict"] == "divergent")
    assert divergent["review"] is None
    fp = divergent["fingerprint"]
    assert runner.invoke(app, ["review", fp, "seeds/", "--decision", "explained", "--note",
                               "open bound", "--reviewer", "ed"]).exit_code == 0
    assert runner.invoke(app, ["review", "00000000deadbeef", "--decision", "confirmed",
                               "--reviewer", "ed", "--force"]).exit_code == 0
    result = runner.invoke(app, ["report", "seeds/", "-f", "json"])
    assert result.exit_code == 0
    flags = json.loads(result.stdout)["flags"]
    assert next(f for f in flags if f["fingerprint"] == fp)["review"] == "explained"
    # the status lines are in the report's language too (French seeds)
    assert ("numcheck: warning: relecture périmée : l'entrée 00000000deadbeef du registre"
            in result.stderr)
    md = runner.invoke(app, ["report", "seeds/"]).stdout
    assert "Relu : **expliquée**" in md  # the seeds are French: so is their report
    md = runner.invoke(app, ["report", "seeds/", "--report-lang", "en"]).stdout
    assert "Reviewed: **explained**" in md

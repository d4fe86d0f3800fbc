"""``numcheck eval`` end to end: both gold files, thresholds, exit codes, the baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from numcheck.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [str(ROOT / "tests" / "gold" / "seeds.yaml"), str(ROOT / "seeds")]
ENGLISH = [str(ROOT / "tests" / "gold" / "english.yaml"), str(ROOT / "tests" / "gold" / "english")]


def _eval(*args: str) -> Any:
    return CliRunner().invoke(app, ["eval", *args])


def test_text_summary_on_seeds() -> None:
    result = _eval(*SEEDS)
    assert result.exit_code == 0, result.output
    assert "claims: recall" in result.stdout
    assert "numcheck: 0 misses and false alarms" in result.stdout


def test_json_on_seeds_is_perfect() -> None:
    result = _eval(*SEEDS, "--format", "json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)["systems"]["numcheck"]
    assert scores["gold_claims"] == 14
    for key in ("claim_precision", "claim_recall", "garbled_recall", "value_accuracy",
                "bound_accuracy", "group_precision", "group_recall"):
        assert scores[key] == 1.0, key
    assert scores["non_claims_as_claims"] == 0 and scores["forbidden_flags"] == 0
    assert scores["expected_flags_found"] == 1


def test_english_gold_runs_and_lists_issues() -> None:
    result = _eval(*ENGLISH, "--format", "json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["systems"]["numcheck"]
    assert scores["documents"] >= 3 and scores["gold_claims"] >= 10
    assert 0.0 < scores["claim_recall"] <= 1.0
    for issue in scores["issues"]:
        assert issue["sentence"] and issue["kind"]


def test_thresholds_met_exit_zero_missed_exit_one() -> None:
    met = _eval(*SEEDS, "--min", "claim_recall=1.0", "--max", "forbidden_flags=0")
    assert met.exit_code == 0
    missed = _eval(*SEEDS, "--min", "claim_recall=1.0", "--max", "false_claims=-1")
    assert missed.exit_code == 1
    assert missed.stderr.strip().splitlines() == [
        "numcheck: below threshold: false_claims = 0, needs false_claims <= -1"
    ]


def test_unknown_metric_is_a_usage_error() -> None:
    result = _eval(*SEEDS, "--min", "recall=1")
    assert result.exit_code == 2
    assert result.stderr.startswith("numcheck: error: --min: unknown metric 'recall'")


def test_invalid_gold_is_one_line_exit_two(tmp_path: Path) -> None:
    raw = yaml.safe_load(Path(SEEDS[0]).read_text(encoding="utf-8"))
    raw["claims"][0]["colour"] = "red"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = _eval(str(bad), SEEDS[1])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(bad) in lines[0] and "claims[0].colour: unknown key" in lines[0]


def test_gold_span_not_matching_text_is_exit_two(tmp_path: Path) -> None:
    raw = yaml.safe_load(Path(SEEDS[0]).read_text(encoding="utf-8"))
    raw["claims"][0]["start"] += 1
    bad = tmp_path / "shifted.yaml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = _eval(str(bad), SEEDS[1])
    assert result.exit_code == 2
    assert "claims (s000-175k): text at 1360-1366" in result.stderr


def test_gold_document_missing_from_paths_is_exit_two() -> None:
    result = _eval(SEEDS[0], str(ROOT / "seeds" / "000_4b7bdf15ca536424.txt"))
    assert result.exit_code == 2
    assert "documents.001_18b11265a9675fe6.txt: not among the articles read" in result.stderr


@pytest.mark.parametrize("args", [SEEDS, ENGLISH])
def test_quantulum3_baseline_in_one_command(args: list[str], tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    result = _eval(*args, "--baseline", "quantulum3", "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    systems = json.loads(out.read_text(encoding="utf-8"))["systems"]
    assert set(systems) == {"numcheck", "quantulum3"}
    base = systems["quantulum3"]
    assert base["predicted_pairs"] == 0 and base["expected_flags_found"] == 0
    assert base["garbled_found"] == 0 and base["predicted_claims"] > 0


def test_two_baselines_side_by_side(tmp_path: Path) -> None:
    pytest.importorskip("duckling")
    out = tmp_path / "scores.json"
    result = _eval(*ENGLISH, "--baseline", "quantulum3,duckling", "--format", "json",
                   "-o", str(out))
    assert result.exit_code == 0, result.output
    systems = json.loads(out.read_text(encoding="utf-8"))["systems"]
    assert list(systems) == ["numcheck", "quantulum3", "duckling"]
    assert systems["duckling"]["predicted_claims"] > 0


def test_unknown_baseline_is_exit_two() -> None:
    result = _eval(*SEEDS, "--baseline", "spacy")
    assert result.exit_code == 2 and "unknown baseline 'spacy'" in result.stderr

"""The ledger under real use: parallel reviewers, hand-written comments, mistyped fingerprints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.check.conftest import Run

LEDGER = Path(".numcheck/reviews.yaml")


def test_twenty_reviewers_at_once_keep_twenty_decisions(tmp_path: Path) -> None:
    ledger = tmp_path / "reviews.yaml"
    fingerprints = [f"{i:016x}" for i in range(1, 21)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "numcheck", "review", fp, "--decision", "confirmed",
             "--reviewer", f"r{i}", "--ledger", str(ledger), "--force"],
            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for i, fp in enumerate(fingerprints)
    ]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    assert all(code == 0 and "recorded" in err for code, err in results), results
    reviews = yaml.safe_load(ledger.read_text(encoding="utf-8"))["reviews"]
    assert sorted(reviews) == fingerprints  # all twenty, sorted
    assert {r["reviewer"] for r in reviews.values()} == {f"r{i}" for i in range(20)}
    assert not list(tmp_path.glob("*.tmp"))


HAND_WRITTEN = """\
# Desk policy: ask Ana before changing a confirmed entry.
reviews:
  # checked with the press office on the phone
  aaaaaaaaaaaaaaaa:
    date: '2026-01-02'
    decision: explained   # they count the first echelon only
    note: first echelon only
    reviewer: Ana
  cccccccccccccccc:
    date: '2026-01-03'
    decision: confirmed
    reviewer: Bo
"""


def test_hand_written_comments_survive_a_review(newsroom: Path, cli: Run) -> None:
    LEDGER.parent.mkdir()
    LEDGER.write_text(HAND_WRITTEN, encoding="utf-8")
    r = cli("review", "bbbbbbbbbbbbbbbb", "--decision", "needs-source", "--reviewer", "Cy",
            "--force")
    assert r.code == 0, r.err
    text = LEDGER.read_text(encoding="utf-8")
    for line in HAND_WRITTEN.splitlines():
        assert line in text  # every hand-written line, comments included, is still there
    reviews = yaml.safe_load(text)["reviews"]
    assert list(reviews) == ["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc"]
    assert reviews["bbbbbbbbbbbbbbbb"]["decision"] == "needs-source"
    assert isinstance(reviews["bbbbbbbbbbbbbbbb"]["date"], str)  # quoted like the others
    # Replacing an entry keeps the comments around it.
    assert cli("review", "cccccccccccccccc", "--decision", "false-positive", "--force").code == 0
    text = LEDGER.read_text(encoding="utf-8")
    assert "# checked with the press office on the phone" in text
    assert yaml.safe_load(text)["reviews"]["cccccccccccccccc"]["decision"] == "false-positive"


def test_malformed_ledger_is_never_overwritten(newsroom: Path, cli: Run) -> None:
    LEDGER.parent.mkdir()
    LEDGER.write_text("reviews:\n  abc: [not, an, entry]\n", encoding="utf-8")
    r = cli("review", "bbbbbbbbbbbbbbbb", "--decision", "confirmed", "--force")
    assert r.code == 2 and "reviews.abc" in r.err
    assert LEDGER.read_text(encoding="utf-8") == "reviews:\n  abc: [not, an, entry]\n"


def test_a_fingerprint_of_no_flag_is_refused(newsroom: Path, cli: Run) -> None:
    args = ("new/contra.txt", "--against", "corpus", "--decision", "confirmed")
    r = cli("review", "0123456789abcdef", *args)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1
    assert "0123456789abcdef: matches none of the" in r.err and "--force" in r.err
    assert not LEDGER.exists()
    r = cli("review", "0123456789abcdef", "--decision", "confirmed")  # nothing to check with
    assert r.code == 2 and "no articles to check the fingerprint against" in r.err
    assert cli("review", "0123456789abcdef", *args, "--force").code == 0
    assert "0123456789abcdef" in LEDGER.read_text(encoding="utf-8")


def test_real_fingerprints_are_accepted_from_the_configured_corpus(
    newsroom: Path, cli: Run
) -> None:
    gate = json.loads(cli("check", "new/contra.txt", "--against", "corpus", "-f", "json").out)
    new_fp = gate["items"][0]["fingerprint"]
    report = json.loads(cli("report", "corpus", "-f", "json").out)
    corpus_fp = report["flags"][0]["fingerprint"]
    (newsroom / ".numcheck.toml").write_text('against = ["corpus"]\n', encoding="utf-8")
    assert cli("review", corpus_fp, "--decision", "confirmed").code == 0
    assert cli("review", new_fp, "new/contra.txt", "--decision", "confirmed").code == 0
    assert cli("review", new_fp, "--decision", "confirmed").code == 2  # draft not named
    assert set(yaml.safe_load(LEDGER.read_text())["reviews"]) == {corpus_fp, new_fp}

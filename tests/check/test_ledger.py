"""The review ledger: round trip, fingerprints that survive edits, stale entries."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from numcheck.check import ledger as ledger_mod
from numcheck.check.gate import check
from numcheck.rulebook import load_rules
from tests.check.conftest import CONTRA, Run

LEDGER = Path(".numcheck/reviews.yaml")
ARTICLES = ("new/contra.txt", "--against", "corpus")  # where the reviewed flags come from


def _items(cli: Run, *extra: str) -> list[dict[str, object]]:
    r = cli("check", "new/contra.txt", "--against", "corpus", "-f", "json", *extra)
    return list(json.loads(r.out)["items"])


def test_round_trip_and_reviewed_flags_do_not_fail(newsroom: Path, cli: Run) -> None:
    fps = sorted(str(i["fingerprint"]) for i in _items(cli))
    assert len(fps) == 2
    r = cli("review", fps[1], *ARTICLES, "--decision", "explained", "--note", "first echelon only",
            "--reviewer", "Ana")
    assert r.code == 0, r.err
    assert cli("review", fps[0], *ARTICLES, "--decision", "confirmed", "--reviewer", "Bo").code == 0
    data = yaml.safe_load(LEDGER.read_text(encoding="utf-8"))
    assert list(data["reviews"]) == fps  # sorted, one entry per fingerprint
    assert data["reviews"][fps[1]]["note"] == "first echelon only"
    assert data["reviews"][fps[1]]["reviewer"] == "Ana"
    assert len(data["reviews"][fps[0]]["date"]) == 10
    # Recording again replaces, never duplicates.
    cli("review", fps[0], *ARTICLES, "--decision", "false-positive", "--reviewer", "Bo")
    assert yaml.safe_load(LEDGER.read_text())["reviews"][fps[0]]["decision"] == "false-positive"
    r = cli("check", "new/contra.txt", "--against", "corpus", "--report-lang", "en")
    assert r.code == 0, r.out
    assert "[reviewed: explained]" in r.out and "[reviewed: false positive]" in r.out
    listing = cli("review", "--list").out
    assert fps[0] in listing and "first echelon only" in listing


def test_explained_needs_a_note_and_decisions_are_checked(newsroom: Path, cli: Run) -> None:
    r = cli("review", "0123456789abcdef", "--decision", "explained")
    assert r.code == 2 and "note" in r.err
    assert cli("review", "0123456789abcdef", "--decision", "maybe").code == 2
    assert not LEDGER.exists()


def test_fingerprint_survives_edits_elsewhere(newsroom: Path, cli: Run) -> None:
    before = {str(i["fingerprint"]): i["line"] for i in _items(cli)}
    fp = next(iter(before))
    cli("review", fp, *ARTICLES, "--decision", "needs-source", "--reviewer", "Ana")
    edited = "Titre ajouté.\n\nUn paragraphe de plus, sans chiffre.\n" + CONTRA
    Path("new/contra.txt").write_text(edited, encoding="utf-8")
    after = {str(i["fingerprint"]): i for i in _items(cli)}
    assert set(after) == set(before)
    assert after[fp]["line"] != before[fp]  # moved down, same fingerprint
    review = after[fp]["review"]
    assert isinstance(review, dict) and review["decision"] == "needs-source"


def test_stale_entries_warn_but_do_not_fail(newsroom: Path, cli: Run) -> None:
    said = cli("review", "deadbeefdeadbeef", "--decision", "confirmed", "--reviewer", "Ana",
               "--force", "--report-lang", "fr")
    assert said.err.startswith("numcheck: deadbeefdeadbeef : confirmée enregistrée dans ")
    r = cli("check", "new/agree.txt", "--against", "corpus")
    assert r.code == 0
    assert "relecture périmée : l'entrée deadbeefdeadbeef du registre" in r.err  # French
    en = cli("check", "new/agree.txt", "--against", "corpus", "--report-lang", "en")
    assert "numcheck: warning: stale review: ledger entry deadbeefdeadbeef matches no flag" \
        in en.err
    gh = cli("check", "new/agree.txt", "--against", "corpus", "-f", "github",
             "--report-lang", "en")
    assert "::warning title=numcheck stale review::" in gh.out


def test_library_apply_and_stale(newsroom: Path) -> None:
    rules = load_rules()
    empty = ledger_mod.load(Path("nowhere.yaml"))
    result = check(["new/contra.txt"], ["corpus"], rules, ledger=empty)
    comparison = result.report.comparison
    target = comparison.flags[0].fingerprint
    book = ledger_mod.record(empty, target, "confirmed", reviewer="Ana")
    book = ledger_mod.record(book, "feedfacefeedface", "confirmed", reviewer="Ana")
    applied = ledger_mod.apply(comparison, book)
    assert applied.flags[0].review == "confirmed"
    assert all(f.review is None for f in applied.flags[1:] if f.fingerprint != target)
    assert ledger_mod.stale(book, applied) == ["feedfacefeedface"]

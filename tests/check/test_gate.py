"""Exit codes and which flags the gate reports."""

from __future__ import annotations

import json
from pathlib import Path

from tests.check.conftest import CONTEXT, CONTRA, Run, at


def test_contradicting_article_fails_at_the_figure(newsroom: Path, cli: Run) -> None:
    r = cli("check", "new/contra.txt", "--against", "corpus")
    assert r.code == 1, r.err
    line, col = at(CONTRA, "20 000")
    assert line == 2
    first = r.out.splitlines()[0]
    assert first.startswith(f"new/contra.txt:{line}:{col}: conflit: ")  # French articles
    assert "175\u202f000" in r.out and "100\u202f000" in r.out  # written the French way
    english = cli("check", "new/contra.txt", "--against", "corpus", "--report-lang", "en").out
    assert english.startswith(f"new/contra.txt:{line}:{col}: conflict: ")
    assert "175,000" in english and "100,000" in english


def test_agreeing_article_passes_by_default(newsroom: Path, cli: Run) -> None:
    r = cli("check", "new/agree.txt", "--against", "corpus")
    assert r.code == 0, r.out + r.err
    assert "conflict" not in r.out
    assert "divergence" in r.out  # shown (in French, the articles' language), not failing


def test_fail_on_levels_and_exit_zero(newsroom: Path, cli: Run) -> None:
    assert cli("check", "new/agree.txt", "--against", "corpus", "--fail-on", "divergent").code == 1
    assert cli("check", "new/agree.txt", "--against", "corpus", "--fail-on", "garbled").code == 0
    assert cli("check", "new/contra.txt", "--against", "corpus", "--exit-zero").code == 0
    bad = cli("check", "new/agree.txt", "--against", "corpus", "--fail-on", "severe")
    assert bad.code == 2 and "severe" in bad.err and len(bad.err.strip().splitlines()) == 1


def test_input_error_is_exit_2(newsroom: Path, cli: Run) -> None:
    r = cli("check", "new/missing.txt", "--against", "corpus")
    assert r.code == 2 and "missing.txt" in r.err


def test_only_flags_involving_new_articles(newsroom: Path, cli: Run) -> None:
    # The seeds carry garbled figures (unverifiable, a failing level): not the new article's fault.
    r = cli("check", "new/agree.txt", "--against", "corpus", "-f", "json")
    data = json.loads(r.out)
    assert data["items"]
    assert all(i["path"] == "new/agree.txt" for i in data["items"])
    assert not any(i["verdict"] == "unverifiable" for i in data["items"])
    # ... whereas checking the corpus itself reports them and fails.
    assert cli("check", "corpus").code == 1


def test_without_against_the_set_is_checked_against_itself(newsroom: Path, cli: Run) -> None:
    r = cli("check", "new/contra.txt", "new/agree.txt", "-f", "json")
    assert r.code == 1
    conflicts = [i for i in json.loads(r.out)["items"] if i["verdict"] == "conflict"]
    assert len(conflicts) == 1 and conflicts[0]["others"][0]["doc"] in ("agree.txt", "contra.txt")


def test_a_new_article_inside_the_corpus_folder_is_not_its_own_witness(
    newsroom: Path, cli: Run
) -> None:
    (newsroom / "corpus" / "contra.txt").write_text(CONTRA, encoding="utf-8")
    r = cli("check", "corpus/contra.txt", "--against", "corpus", "-f", "json")
    assert r.code == 1
    items = json.loads(r.out)["items"]
    assert {i["path"] for i in items} == {"corpus/contra.txt"}
    assert all(o["doc"] != "contra.txt" for i in items for o in i["others"])


def test_conflict_hidden_behind_a_corpus_extreme_is_still_found(newsroom: Path, cli: Run) -> None:
    # The corpus gets a far larger and far smaller figure; the whole-corpus comparison
    # keeps only its extreme pair, but the gate judges the new article pair by pair.
    (newsroom / "corpus" / "big.txt").write_text(
        "Selon Reuters, environ 900 000 soldats russes sont massés à la frontière "
        "avec l'Ukraine.\n" + CONTEXT,
        encoding="utf-8")
    (newsroom / "corpus" / "small.txt").write_text(
        "Selon l'AFP, environ 1 000 soldats russes sont massés à la frontière avec l'Ukraine.\n"
        + CONTEXT,
        encoding="utf-8")
    with (newsroom / "corpus" / "sources.csv").open("a", encoding="utf-8") as fh:
        fh.write("big.txt,,2021-12-09,fr\nsmall.txt,,2021-12-09,fr\n")
    r = cli("check", "new/contra.txt", "--against", "corpus", "-f", "json")
    others = {o["doc"] for i in json.loads(r.out)["items"] if i["verdict"] == "conflict"
              for o in i["others"]}
    assert {"000_4b7bdf15ca536424.txt", "big.txt", "small.txt"} <= others


def test_disputed_is_shown_but_fails_only_when_asked(tmp_path: Path, cli: Run) -> None:
    (tmp_path / "police.txt").write_text(
        "Mardi, 30 000 personnes ont manifesté à Marseille, selon la police.\n", encoding="utf-8")
    (tmp_path / "cgt.txt").write_text(
        "Mardi, 140 000 personnes ont manifesté à Marseille, selon la CGT.\n", encoding="utf-8")
    new, corpus = str(tmp_path / "cgt.txt"), str(tmp_path / "police.txt")
    r = cli("check", new, "--against", corpus, "-f", "json")
    assert r.code == 0, r.out + r.err
    items = json.loads(r.out)["items"]
    assert [(i["verdict"], i["rule"]) for i in items] == [("disputed", "NC007")]
    assert cli("check", new, "--against", corpus, "--fail-on", "disputed").code == 1
    assert cli("check", new, "--against", corpus, "--fail-on", "divergent").code == 0

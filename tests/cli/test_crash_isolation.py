"""A bug that one article triggers costs that article, never the run.

A recognizer, the reader or a renderer is made to fail on one document (the one
holding the word BOOM); the other documents must still be read and their output
written, the failing one named in one stderr line, and the exit status must be 2.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from numcheck import run
from numcheck.cli import app
from numcheck.extract import claims as recognizers

GOOD = "Selon Kiev, environ 20 000 soldats russes sont massés à la frontière.\n"
OTHER = "Selon Washington, environ 175 000 soldats russes sont massés à la frontière.\n"
BAD = "BOOM : plus de 5 000 soldats russes sont massés à la frontière.\n"


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name, text in (("a-good.txt", GOOD), ("b-bad.txt", BAD), ("c-other.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _explode_on_boom(original: Any) -> Any:
    def patched(text: str, *args: Any) -> Any:
        if "BOOM" in text:
            raise RuntimeError("recognizer exploded")
        return original(text, *args)

    return patched


@pytest.fixture()
def failing_recognizer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recognizers, "read_hedge", _explode_on_boom(recognizers.read_hedge))


def _cli(*args: str) -> tuple[int, str, list[str]]:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr.strip().splitlines()


def test_failing_recognizer_costs_one_document(folder: Path, failing_recognizer: None) -> None:
    code, out, err = _cli("report", ".", "--format", "json", "-o", "report.json")
    assert code == 2 and out == ""
    assert err == ["numcheck: error: b-bad.txt: extraction failed (RuntimeError: recognizer "
                   "exploded); skipped — a bug in numcheck: please report it"]
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert sorted({c["doc"] for c in report["claims"]}) == ["a-good.txt", "c-other.txt"]
    assert [f["verdict"] for f in report["flags"]] == ["conflict"]  # the others still compared
    assert report["problems"][0]["path"] == "b-bad.txt"
    code, out, err = _cli("extract", "a-good.txt", "b-bad.txt", "--format", "csv")
    assert code == 2 and len(err) == 1 and "20 000" in out


def test_failing_recognizer_in_the_gate(folder: Path, failing_recognizer: None) -> None:
    code, out, err = _cli("check", "a-good.txt", "b-bad.txt", "--against", "c-other.txt",
                          "--no-cache", "--report-lang", "en")
    assert code == 2  # an input error outranks the flag: the run is incomplete
    assert "conflict" in out
    assert len(err) == 1 and "b-bad.txt: extraction failed" in err[0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_failing_recognizer_with_jobs(folder: Path, failing_recognizer: None, jobs: int) -> None:
    # Worker processes are forked after the patch, so they fail on the same document.
    report = run([folder], jobs=jobs)
    assert [d.name for d in report.documents] == ["a-good.txt", "c-other.txt"]
    assert [(Path(p.path).name, p.fatal) for p in report.problems] == [("b-bad.txt", True)]
    assert "recognizer exploded" in report.problems[0].message
    assert [f.verdict.value for f in report.comparison.flags] == ["conflict"]


def test_failing_reader_costs_one_document(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numcheck.ingest as ingest

    monkeypatch.setattr(ingest, "detect_language", _explode_on_boom(ingest.detect_language))
    code, out, err = _cli("extract", ".", "--format", "json")
    assert code == 2
    assert [c["doc"] for c in json.loads(out)] == ["a-good.txt", "c-other.txt"]
    assert len(err) == 1 and "b-bad.txt: reading failed (RuntimeError" in err[0]


def test_failing_renderer_costs_one_document(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numcheck.render.markdown as markdown

    original = markdown._interval

    def interval(claim: Any, words: Any) -> str:
        if claim.doc == "b-bad.txt":
            raise ValueError("cannot draw this interval")
        return str(original(claim, words))

    monkeypatch.setattr(markdown, "_interval", interval)
    code, _, err = _cli("report", ".", "-o", "report.md", "--report-lang", "en")
    assert code == 2
    assert err == ["numcheck: error: b-bad.txt: rendering markdown failed (ValueError: cannot "
                   "draw this interval); skipped — a bug in numcheck: please report it"]
    written = (folder / "report.md").read_text(encoding="utf-8")
    assert "a-good.txt" in written and "c-other.txt" in written
    assert "rendering markdown failed" in written  # the report says what it left out


def test_unexpected_error_is_one_line_and_exit_2(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numcheck.project as project

    def broken(*_: object, **__: object) -> None:
        raise KeyError("no such thing")

    monkeypatch.setattr(project, "run", broken)
    code, out, err = _cli("report", ".")
    assert (code, out) == (2, "")
    assert err == ["numcheck: internal error: KeyError: 'no such thing' (this is a bug in "
                   "numcheck; please report it with the command you ran)"]


def test_usage_errors_keep_exit_2_and_flags_keep_exit_1(folder: Path) -> None:
    assert _cli("report", "--no-such-flag", ".")[0] == 2
    assert _cli("check", "a-good.txt", "--against", "c-other.txt", "--no-cache")[0] == 1


def test_failing_recognizer_with_cli_jobs(folder: Path, failing_recognizer: None) -> None:
    code, out, err = _cli("report", ".", "--jobs", "2", "--quiet", "--format", "json")
    assert code == 2
    assert len(err) == 1 and "b-bad.txt: extraction failed (RuntimeError" in err[0]
    report = json.loads(out)
    assert sorted({c["doc"] for c in report["claims"]}) == ["a-good.txt", "c-other.txt"]


def test_closed_output_pipe_is_not_exit_1(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    app_module = importlib.import_module("numcheck.cli.app")  # `numcheck.cli.app` is the Typer

    class ClosedPipe:
        def write(self, _data: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    class FakeSys:
        stdout = ClosedPipe()
        stdin = None

    monkeypatch.setattr(app_module, "sys", FakeSys)
    code, _, err = _cli("extract", "a-good.txt")
    assert code == 2
    assert err == ["numcheck: error: output closed before it was all written"]

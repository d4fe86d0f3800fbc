"""pandas and pyarrow are the ``frames`` extra: needed for frames and Parquet, nothing else."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck import Report, claims_frame, run
from numcheck.cli import app
from numcheck.errors import NumcheckError
from numcheck.render import render

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def without_frames(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if ``pip install numcheck`` had been run without the extra."""
    for name in ("pandas", "pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, name, None)  # importing it raises ImportError


def test_reports_and_claims_tables_never_import_pandas() -> None:
    code = (
        "import sys, numcheck\n"
        "from numcheck.render import formats, render\n"
        f"r = numcheck.run([{str(ROOT / 'seeds')!r}])\n"
        "for f in formats('report'): render('report', f, r)\n"
        "for f in ('table', 'csv', 'json'): render('claims', f, r)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'pyarrow')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.usefixtures("without_frames")
def test_csv_and_json_claims_need_no_pandas(seeds_report: Report) -> None:
    assert str(render("claims", "csv", seeds_report)).startswith("id,doc,start,end,surface,")
    assert str(render("claims", "csv", seeds_report, others=True)).startswith("doc,start,end,")


@pytest.mark.usefixtures("without_frames")
def test_parquet_without_the_extra_says_what_to_install(seeds_report: Report) -> None:
    with pytest.raises(NumcheckError, match=r"--format parquet: needs pandas.*numcheck\[frames\]"):
        render("claims", "parquet", seeds_report)


@pytest.mark.usefixtures("without_frames")
def test_claims_frame_without_the_extra_fails_before_reading() -> None:
    with pytest.raises(NumcheckError, match=r"claims frame: needs pandas.*numcheck\[frames\]"):
        claims_frame([ROOT / "does-not-exist"])


@pytest.mark.usefixtures("without_frames")
def test_cli_parquet_without_the_extra_is_one_line_and_exit_2() -> None:
    result = CliRunner().invoke(app, ["extract", "--format", "parquet", "-o", "x.parquet",
                                      str(ROOT / "seeds")])
    assert result.exit_code == 2
    assert "numcheck[frames]" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.usefixtures("without_frames")
def test_parquet_corpus_without_the_extra_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "rows.parquet").write_bytes(b"PAR1 not really")
    (tmp_path / "a.txt").write_text("Environ 175 000 soldats russes.\n", encoding="utf-8")
    report = run([tmp_path])
    assert [d.name for d in report.documents] == ["a.txt"]
    assert any("numcheck[frames]" in p.message for p in report.problems)

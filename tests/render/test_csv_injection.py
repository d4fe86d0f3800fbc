"""CSV exports cannot carry formulas (OWASP CSV injection): text cells that a spreadsheet
would run are prefixed with a single quote; numeric columns stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck.cli import app
from numcheck.render.csv_cells import FORMULA_STARTS, neutralise

HOSTILE = (
    '=HYPERLINK("http://evil.example";"clic") Environ 5 000 soldats russes sont là.\n'
    "@SUM(A1) Plus de 2 000 chars selon Kiev.\n"
    "+33 : le 12 mars, 40 blindés.\n"
    "-10 avions, dit-il, et 3 navires.\n"
    "Il y a 7 morts, selon =cmd.\n"
)
NUMERIC = ("start", "end", "value", "low", "high", "sentence_start", "line", "col")


@pytest.mark.parametrize("command", [
    ["extract", "--format", "csv"],
    ["report", "--format", "csv"],
    ["extract", "--others", "--format", "csv"],
])
def test_no_cell_starts_a_formula(tmp_path: Path, command: list[str]) -> None:
    article = tmp_path / "=calc.txt"  # a file name is text too
    article.write_text(HOSTILE, encoding="utf-8")
    result = CliRunner().invoke(app, [*command, str(article)])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows
    cells = [(column, cell) for row in rows for column, cell in row.items()]
    # a negative figure ("-10 avions") is a number, not a formula: numeric cells are exempt
    assert not [c for c in cells if c[0] not in NUMERIC and c[1].startswith(FORMULA_STARTS)]
    assert {row["doc"] for row in rows} == {"'=calc.txt"}
    for column, cell in cells:
        if column in NUMERIC and cell:
            float(cell)  # numbers stay numbers: no quote added
    if "--others" not in command:
        sentences = {row["sentence"] for row in rows}
        assert any(s.startswith("'=HYPERLINK(") for s in sentences)
        assert any(s.startswith("'@SUM(A1)") for s in sentences)
        assert any(s.startswith("'+33") for s in sentences)
        assert any(s.startswith("'-10 avions") for s in sentences)
        assert "'=cmd" in {row["attribution"] for row in rows}


@pytest.mark.parametrize(("cell", "expected"), [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("a=1", "a=1"), (" =1", " =1"), ("", ""), (-3.5, -3.5), (None, None),
])
def test_neutralise_cells(cell: object, expected: object) -> None:
    assert neutralise(cell) == expected

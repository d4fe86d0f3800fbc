"""The claims table contract: columns, nullable dtypes, and each ``--format`` of extract."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from numcheck import claims_frame
from numcheck.cli import app
from numcheck.table import COLUMNS, DTYPES

TEXT = (
    "Selon le journal Washington Post, environ 175 000 soldats russes sont massés.\n"
    "Il y a 100 XNUMX soldats en 2021.\n"
)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_claims_frame_columns_and_nullable_dtypes(article: Path) -> None:
    df = claims_frame([article])
    assert list(df.columns) == list(COLUMNS)
    assert {c: str(t) for c, t in df.dtypes.items()} == dict(DTYPES)
    assert len(df) == 2
    first, garbled = df.iloc[0], df.iloc[1]
    assert (first["surface"], first["value"], first["low"], first["high"]) == (
        "175 000", 175000, 157500, 192500)
    assert first["attribution"] == "le journal Washington Post"
    assert bool(garbled["garbled"]) and garbled["candidate"] == 100000
    assert garbled["value"] is pd.NA and garbled["low"] is pd.NA  # nullable, not NaN
    assert garbled["time_scope"] == "en 2021"


def _extract(*args: str) -> tuple[int, str, bytes]:
    result = CliRunner().invoke(app, ["extract", *args])
    return result.exit_code, result.stdout, result.stdout_bytes


def test_json_output(article: Path) -> None:
    code, out, _ = _extract("--format", "json", str(article))
    rows = json.loads(out)
    assert code == 0 and [list(r) for r in rows] == [list(COLUMNS)] * 2
    assert rows[1]["value"] is None and rows[1]["garbled"] is True


def test_csv_output(article: Path) -> None:
    code, out, _ = _extract("--format", "csv", str(article))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == list(COLUMNS)
    assert [r["surface"] for r in rows] == ["175 000", "100 XNUMX"]


def test_parquet_output(article: Path, tmp_path: Path) -> None:
    target = tmp_path / "claims.parquet"
    code, _, _ = _extract("--format", "parquet", "-o", str(target), str(article))
    df = pd.read_parquet(target)
    assert code == 0 and list(df.columns) == list(COLUMNS)
    assert df["value"].tolist()[0] == 175000 and pd.isna(df["value"].tolist()[1])


def test_table_output(article: Path) -> None:
    code, out, _ = _extract("--format", "table", str(article))
    assert code == 0
    assert "175 000" in out and "100 XNUMX" in out
    assert "[157 500, 192 500]" in out  # grouped as the article writes it


def test_others_lists_non_claims_with_reason(article: Path) -> None:
    code, out, _ = _extract("--format", "table", "--others", str(article))
    assert code == 0 and "2021" in out and "year" in out


def test_unknown_format_is_a_usage_error(article: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "--format", "xml", str(article)])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "xml" in result.stderr

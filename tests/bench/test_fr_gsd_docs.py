"""The French-GSD table becomes one file per sentence, text untouched; bad tables are refused."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.fr_gsd_docs import main, materialise  # noqa: E402


def _table(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sentences.tsv"
    path.write_bytes(body.encode("utf-8"))
    return path


def test_each_sentence_is_written_byte_for_byte(tmp_path: Path) -> None:
    texts = {"s-1": "Il y a 12\u00a0000 habitants.", "s-2": "Ligne\u2028séparée, « 3 » fois "}
    body = "sent_id\ttext\n" + "".join(f"{k}\t{v}\n" for k, v in texts.items())
    written = materialise(_table(tmp_path, body), tmp_path / "docs")
    assert [p.name for p in written] == ["s-1.txt", "s-2.txt"]
    for key, text in texts.items():
        assert (tmp_path / "docs" / f"{key}.txt").read_bytes() == text.encode("utf-8")


def test_first_keeps_the_first_sentences_in_file_order(tmp_path: Path) -> None:
    body = "sent_id\ttext\n" + "".join(f"s{i}\tphrase {i}\n" for i in (3, 1, 2))
    assert main([str(_table(tmp_path, body)), str(tmp_path / "docs"), "--first", "2"]) == 0
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["s1.txt", "s3.txt"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("id\ttext\na\tx\n", "expected the header"),
        ("sent_id\ttext\na\tx\ty\n", ":2: expected 2 tab-separated fields, got 3"),
        ("sent_id\ttext\n../a\tx\n", "is not a safe file name"),
        ("sent_id\ttext\na\tx\na\ty\n", ":3: sent_id 'a' appears twice"),
    ],
)
def test_malformed_tables_are_refused_with_the_line(
    tmp_path: Path, body: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        materialise(_table(tmp_path, body), tmp_path / "docs")


def test_command_line_reports_a_bad_table_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(_table(tmp_path, "nope\n")), str(tmp_path / "docs")]) == 2
    assert "expected the header" in capsys.readouterr().err
    assert not (tmp_path / "docs").exists()

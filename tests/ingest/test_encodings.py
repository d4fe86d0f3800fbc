"""Every byte read honestly: BOMs, UTF-16, legacy encodings, and a stray byte in UTF-8.

Each case is an article's bytes as a newsroom's tools might save it; the figure must be
read, the accented words around it must not turn into mojibake, offsets must point
into the text numcheck shows, and any guess must be said in one warning line.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck.cli import app
from numcheck.ingest.decode import decode

TEXT = "Environ 175 000 soldats russes sont arrivés à la frontière, selon Kiev.\n"
STRAY = TEXT.encode("utf-8") + b"Le d\xe9put\xe9 a parl\xff.\n"  # latin-1 bytes in UTF-8

CASES = [
    # id, bytes, encoding read, warning expected (substring) or None
    ("utf-8", TEXT.encode("utf-8"), "utf-8", None),
    ("utf-8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", None),
    ("utf-16-bom-le", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16", None),
    ("utf-16-bom-be", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16", None),
    ("utf-16-le-no-bom", TEXT.encode("utf-16-le"), "utf-16-le", None),
    ("utf-16-be-no-bom", TEXT.encode("utf-16-be"), "utf-16-be", None),
    ("utf-32-bom", TEXT.encode("utf-32"), "utf-32", None),
    ("cp1252", TEXT.encode("cp1252"), "cp1252",
     "not UTF-8 (first bad byte at offset 41); read as cp1252"),
    ("stray-bytes-in-utf-8", STRAY, "utf-8", "not valid UTF-8 at line 2, column 5; line 2, "
     "column 9; line 2, column 17 (first bad byte at offset 79): 3 bad byte sequence(s)"),
]


@pytest.mark.parametrize(("data", "encoding", "warning"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_encodings(tmp_path: Path, data: bytes, encoding: str, warning: str | None) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["extract", "--format", "json", str(path)])
    claims = json.loads(result.stdout)
    assert [(c["value"], c["hedge"], c["counted"]) for c in claims] == [
        (175000, "approx", "soldats russes")  # "é" and "à" intact around the figure
    ]
    shown = decode(data)
    assert shown.encoding == encoding and shown.text is not None
    assert not shown.text.startswith("\ufeff")  # the mark is not text
    claim = claims[0]
    assert shown.text[claim["start"]:claim["end"]] == claim["surface"] == "175 000"
    if warning is None:
        assert (result.exit_code, result.stderr) == (0, "")
    else:
        lines = result.stderr.strip().splitlines()
        assert result.exit_code == 2 and len(lines) == 1
        assert lines[0].startswith(f"numcheck: warning: {path}: ") and warning in lines[0]


def test_stray_byte_keeps_the_rest_utf8() -> None:
    shown = decode(STRAY)
    assert shown.text is not None
    assert "arrivés à la frontière" in shown.text  # not "arrivÃ©s"
    assert shown.text.count("\ufffd") == 3


def test_mostly_legacy_file_with_one_utf8_letter_is_legacy() -> None:
    """Three cp1252 letters against one UTF-8 letter: the file is cp1252."""
    data = "Les députés réunis, l'été".encode("cp1252") + " et déjà".encode()
    assert decode(data).encoding == "cp1252"


@pytest.mark.parametrize("data", [b"\xff\xfe", codecs.BOM_UTF8 + b"  \n",
                                  "   ".encode("utf-16")])
def test_empty_after_the_mark_is_empty(data: bytes) -> None:
    assert decode(data).problem == "empty file"


def test_bad_utf16_is_refused_not_misread() -> None:
    broken = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    shown = decode(broken)
    assert shown.text is None and "not valid utf-16" in (shown.problem or "")

"""Bad input on the command line: one clear stderr line each, the rest still processed.

Each bad file sits beside a good one; the good file's claim must still be printed, the
bad file must get exactly one stderr line naming it and its problem, the exit status
is 2 and no traceback escapes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck.cli import app

GOOD = "Plus de 100 000 soldats russes sont massés à la frontière.\n"

BAD: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n", "empty file"),
    "binary.txt": (b"\x00\x01\x02\x03PK\x05\x06" * 40, "binary file"),
    "page.html": (
        b"<!DOCTYPE html><html><head><script>var n = 175000;</script></head><body></body></html>",
        "HTML page with no article text",
    ),
    "photo.jpg": (b"\xff\xd8\xff\xe0", "not a text article"),
}


def _run(args: list[str], stdin: bytes | None = None) -> tuple[int, list[dict[str, object]], str]:
    result = CliRunner().invoke(app, ["extract", "--format", "json", *args], input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, json.loads(result.stdout), result.stderr


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_gets_one_line_and_the_good_file_is_still_read(
    name: str, good: Path, tmp_path: Path
) -> None:
    data, problem = BAD[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    code, claims, err = _run([str(bad), str(good)])
    assert code == 2
    assert [c["surface"] for c in claims] == ["100 000"]
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(bad) in lines[0] and problem in lines[0]
    assert lines[0].startswith("numcheck: error: ")


def test_missing_path(good: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, claims, err = _run([str(missing), str(good)])
    assert code == 2 and len(claims) == 1
    assert err.strip() == f"numcheck: error: {missing}: no such file or folder"


def test_cp1252_file_is_read_with_a_warning(good: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    text = "Environ 175 000 soldats russes sont arrivés à la frontière."
    latin.write_bytes(text.encode("cp1252"))
    code, claims, err = _run([str(latin), str(good)])
    assert code == 2
    by_doc = {c["doc"]: c for c in claims}
    assert by_doc["latin.txt"]["value"] == 175000 and by_doc["latin.txt"]["hedge"] == "approx"
    assert by_doc["latin.txt"]["counted"] == "soldats russes"  # "é" decoded, not mojibake
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"numcheck: warning: {latin}: not UTF-8")
    assert "cp1252" in lines[0]


def test_latin1_only_bytes_are_read(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252, so only latin-1 can read this file
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"Il y a 300 chars \x81 et des soldats dans la ville.")
    code, claims, err = _run([str(odd)])
    assert code == 2 and claims[0]["value"] == 300
    assert "latin-1" in err and str(odd) in err


def test_stdin_is_read(good: Path) -> None:
    code, claims, err = _run(["-"], stdin=b"The Pentagon said some 3,000 troops were sent.")
    assert code == 0 and err == ""
    assert claims[0]["doc"] == "<stdin>" and claims[0]["value"] == 3000
    assert claims[0]["lang"] == "en"


def test_empty_stdin_names_stdin(good: Path) -> None:
    code, claims, err = _run(["-", str(good)], stdin=b"")
    assert code == 2 and len(claims) == 1
    assert err.strip() == "numcheck: error: <stdin>: empty file"


def test_all_good_exits_zero(good: Path) -> None:
    code, claims, err = _run([str(good)])
    assert (code, err) == (0, "")
    assert claims[0]["lang"] == "fr" and claims[0]["hedge"] == "more_than"


def test_lang_option_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text("Selon le ministère, il y a 1,500 soldats dans la ville.", encoding="utf-8")
    _, detected, _ = _run([str(path)])
    _, forced, _ = _run(["--lang", "en", str(path)])
    assert detected[0]["value"] == 1.5 and forced[0]["value"] == 1500

"""Walking what the user gave: same-name files, symbolic links, unreadable and deep folders."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck.cli import app

LOW = "Selon Kiev, environ 20 000 soldats russes sont massés à la frontière.\n"
HIGH = "Selon Washington, environ 175 000 soldats russes sont massés à la frontière.\n"


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def two_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for folder, text in (("kiev", LOW), ("washington", HIGH)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "troops.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_same_name_in_two_folders_is_two_documents(two_folders: Path) -> None:
    code, out, err = _cli("report", "kiev", "washington", "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert sorted({c["doc"] for c in report["claims"]}) == [
        "kiev/troops.txt", "washington/troops.txt"]
    conflict = [f for f in report["flags"] if f["verdict"] == "conflict"]
    assert len(conflict) == 1  # two sources at odds, not one article contradicting itself
    # One folder alone keeps its plain names.
    _, out, _ = _cli("extract", "kiev", "--format", "json")
    assert [c["doc"] for c in json.loads(out)] == ["troops.txt"]


def test_same_name_in_check_and_its_cache(two_folders: Path) -> None:
    args = ("check", "kiev/troops.txt", "--against", "washington", "--format", "json",
            "--cache-dir", "cache")
    runs = []
    for _ in range(2):
        code, out, err = _cli(*args)
        assert code == 1, err
        runs.append(json.loads(out))
    assert runs[0]["items"] == runs[1]["items"]
    verdicts = [i["verdict"] for i in runs[0]["items"]]
    assert verdicts == ["conflict"]
    assert len(list((two_folders / "cache").rglob("*.json"))) == 2  # one entry per file


def test_file_given_twice_is_read_once(two_folders: Path) -> None:
    code, out, _ = _cli("extract", "kiev", "kiev/troops.txt", "--format", "json")
    assert code == 0 and [c["doc"] for c in json.loads(out)] == ["troops.txt"]


def test_symlink_outside_the_folders_given_is_not_followed(tmp_path: Path) -> None:
    root, outside = tmp_path / "articles", tmp_path / "private"
    root.mkdir()
    outside.mkdir()
    (root / "own.txt").write_text(LOW, encoding="utf-8")
    (outside / "secret.txt").write_text(HIGH, encoding="utf-8")
    (root / "leak.txt").symlink_to(outside / "secret.txt")
    (root / "leakdir").symlink_to(outside, target_is_directory=True)
    (root / "alias.txt").symlink_to(root / "own.txt")  # inside: followed, read once
    code, out, err = _cli("extract", str(root), "--format", "json")
    assert [c["doc"] for c in json.loads(out)] == ["alias.txt"]
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2
    for link in ("leak.txt", "leakdir"):
        assert any(str(root / link) in line and "outside the folders given; not followed"
                   in line for line in lines)
    # Given both folders, the link leads inside what the user gave.
    code, out, err = _cli("extract", str(root), str(outside), "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)) == 2


def test_unreadable_subfolder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(LOW, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(HIGH, encoding="utf-8")
    real = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":  # tests run as root, so chmod would not stop it
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = _cli("extract", str(tmp_path), "--format", "json")
    assert [c["doc"] for c in json.loads(out)] == ["ok/a.txt"]
    assert code == 2
    assert err.strip() == (
        f"numcheck: error: {tmp_path / 'locked'}: cannot read folder: Permission denied")


def _stack_depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


def test_very_deep_tree(tmp_path: Path) -> None:
    """A tree deeper than the recursion limit allows a recursive walk to go.

    The limit is lowered for the walk instead of building a tree deeper than Python's
    default limit: such a tree would outlive the test and break the (recursive)
    clean-up of every later pytest run on the machine.
    """
    deep = tmp_path
    for _ in range(500):
        deep = deep / "d"
        deep.mkdir()
    (deep / "bottom.txt").write_text(LOW, encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_stack_depth() + 300)  # a recursive walk needs one frame a level
    try:
        code, out, err = _cli("extract", str(tmp_path), "--format", "json")
    finally:
        sys.setrecursionlimit(limit)
    assert code == 0, err
    claims = json.loads(out)
    assert claims[0]["doc"].endswith("/d/bottom.txt") and claims[0]["value"] == 20000

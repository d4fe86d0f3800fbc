"""Every file numcheck writes is replaced in one step: a killed or failed write leaves the
previous file as it was, and says so."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck.atomicfile import write_atomic
from numcheck.cli import app
from numcheck.errors import NumcheckError

ARTICLE = "Selon Kiev, environ 20 000 soldats russes sont massés à la frontière.\n"


def _cli(*args: str) -> tuple[int, str, list[str]]:
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr.strip().splitlines()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert _leftovers(tmp_path) == []


def test_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, b"new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_full_disk_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("yesterday's report\n", encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = _cli("report", str(tmp_path / "a.txt"), "-o", str(target))
    assert (code, out) == (2, "")
    assert err == [f"numcheck: error: {target}: cannot write: No space left on device; "
                   "the previous file is unchanged"]
    assert target.read_text(encoding="utf-8") == "yesterday's report\n"
    assert _leftovers(tmp_path) == []


def test_failed_ledger_write_keeps_the_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _cli("review", "0123456789abcdef", "--decision", "confirmed", "--force")[0] == 0
    ledger = tmp_path / ".numcheck" / "reviews.yaml"
    before = ledger.read_text(encoding="utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = _cli("review", "fedcba9876543210", "--decision", "confirmed", "--force")
    assert code == 2 and len(err) == 1 and "the previous file is unchanged" in err[0]
    assert ledger.read_text(encoding="utf-8") == before


def test_killed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    """A real process killed (SIGKILL) halfway through writing its output."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "report.md"
    target.write_text("yesterday's report\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import os, signal, sys
        import numcheck.atomicfile as atomicfile

        real_fdopen = os.fdopen

        class HalfThenDie:
            def __init__(self, fd, mode):
                self.handle = real_fdopen(fd, mode)
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                return False
            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                os.kill(os.getpid(), signal.SIGKILL)

        atomicfile.os.fdopen = HalfThenDie
        sys.argv = ["numcheck", "report", {str(tmp_path / "a.txt")!r}, "-o", {str(target)!r}]
        from numcheck.cli import main
        main()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120,
                          check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert target.read_text(encoding="utf-8") == "yesterday's report\n"
    half = _leftovers(tmp_path)  # the only trace: the killed run's own temporary file
    assert len(half) == 1 and half[0].startswith(".report.md.")


@pytest.mark.parametrize(("output", "problem"), [
    ("missing-folder/report.md", "cannot write: No such file or directory"),
    ("a-folder", "cannot write: it is a folder"),
])
def test_bad_output_path_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, problem: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for command in ("report", "extract"):
        code, out, err = _cli(command, "a.txt", "-o", output)
        assert (code, out) == (2, "")
        assert err == [f"numcheck: error: {output}: {problem}"]


def test_library_error_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(NumcheckError, match="No such file or directory"):
        write_atomic(tmp_path / "nope" / "x.txt", "data")
    write_atomic(tmp_path / "made" / "x.txt", "data", make_parents=True)
    assert (tmp_path / "made" / "x.txt").read_text(encoding="utf-8") == "data"

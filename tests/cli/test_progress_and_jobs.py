"""Long runs: progress on stderr only (a bar on a terminal, plain lines in logs), and
``--jobs N`` changing nothing in the output."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck.cli import app
from numcheck.cli.progress import Display
from numcheck.ingest import iter_documents
from numcheck.model import Problem
from numcheck.progress import Meter

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import generate  # noqa: E402


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_come_every_interval_with_rate_and_time_left() -> None:
    out, clock = io.StringIO(), _Clock()
    display = Display(out, live=False, interval=10, clock=clock)
    meter = Meter(stage="extracting", documents=50, documents_total=200)
    clock.now += 5
    display(meter)
    assert out.getvalue() == ""  # a short run prints nothing
    clock.now += 5
    display(meter)
    assert out.getvalue() == (
        "numcheck: extracting: 50 / 200 documents · 5.0 documents/s · 25 % · about 0:00:30 left\n")
    display(meter)
    assert out.getvalue().count("\n") == 1  # not again before the next interval


def test_bytes_are_counted_when_documents_cannot_be() -> None:
    out, clock = io.StringIO(), _Clock()
    display = Display(out, live=False, interval=0, clock=clock)
    clock.now += 4
    display(Meter(stage="extracting", documents=400, bytes_read=25_000_000,
                  bytes_total=100_000_000))
    assert out.getvalue() == ("numcheck: extracting: 25.0 / 100.0 MB · 400 documents · "
                              "100.0 documents/s · 25 % · about 0:00:12 left\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_a_bar_is_drawn_and_cleared() -> None:
    out = _Terminal()
    display = Display(out, live=True)
    display(Meter(stage="extracting", documents=3, documents_total=10))
    display.bar.refresh()
    drawn = out.getvalue()
    display.close()
    assert "extracting" in drawn and "3 / 10 documents" in drawn


def test_a_corpus_file_is_metered_in_bytes(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps({"text": f"Il y a {i} soldats."}) + "\n"
                            for i in range(1, 30)), encoding="utf-8")
    meter, seen = Meter(), []
    problems: list[Problem] = []
    for _ in iter_documents([path], problems=problems, meter=meter):
        seen.append(meter.bytes_read)
    assert meter.by_bytes and meter.bytes_total == path.stat().st_size
    assert seen == sorted(seen) and seen[-1] == path.stat().st_size


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, 36, seed=11)
    return folder


def _invoke(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [
    ["extract", "--format", "json"],
    ["report", "--format", "json"],
    ["check", "--format", "json", "--no-cache", "--against"],
])
def test_jobs_change_nothing_and_progress_never_touches_stdout(
    command: list[str], corpus: Path
) -> None:
    args = [*command, str(corpus)] + ([str(corpus / "000000_fr.txt")] if "check" in command else [])
    one = _invoke([*args, "--jobs", "1", "--quiet"])
    two = _invoke([*args, "--jobs", "2"], env={"NUMCHECK_PROGRESS_SECONDS": "0"})
    assert one[0] == two[0] and one[1] == two[1]
    assert one[2] == ""
    lines = two[2].splitlines()
    assert lines and all(line.startswith("numcheck: ") for line in lines)
    assert any("extracting: " in line and "documents/s" in line for line in lines)


def test_eval_jobs() -> None:
    gold, articles = ROOT / "tests" / "gold" / "english.yaml", ROOT / "tests" / "gold" / "english"
    one = _invoke(["eval", str(gold), str(articles), "--jobs", "1"])
    two = _invoke(["eval", str(gold), str(articles), "--jobs", "2", "--quiet"])
    assert one[:2] == two[:2] and one[0] == 0

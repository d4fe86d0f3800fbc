"""Progress of long runs on stderr: a live bar on a terminal, plain lines in CI logs.

stdout carries the output and never changes. On a terminal, rich draws a bar that
disappears when the run ends: the stage, documents (or bytes) done of the total, the
rate and the time left. Elsewhere (a CI log, a file) a line every
``NUMCHECK_PROGRESS_SECONDS`` (default 10) seconds says the same; a run shorter than
that prints nothing. ``--quiet`` turns both off.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from numcheck.progress import Meter

INTERVAL_ENV = "NUMCHECK_PROGRESS_SECONDS"
DEFAULT_INTERVAL = 10.0


class Display:
    """The ``Progress`` callback the library is given, and the CLI's own stage changes."""

    def __init__(self, stream: TextIO, *, live: bool, interval: float = DEFAULT_INTERVAL,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self.last_line = self.started
        self.meter = Meter()
        self.bar: Any = None
        self.task: Any = None
        if live:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("{task.description:<10}"), BarColumn(),
                TextColumn("{task.fields[detail]}"), TimeRemainingColumn(),
                console=Console(file=stream), transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("reading", total=None, detail="")

    def __call__(self, meter: Meter) -> None:
        self.meter = meter
        if self.bar is not None:
            done, total = self._amount(meter)
            self.bar.update(self.task, description=meter.stage, completed=done, total=total,
                            detail=self.detail(meter))
        elif self.clock() - self.last_line >= self.interval:
            self.last_line = self.clock()
            self.stream.write(f"numcheck: {self.line(meter)}\n")
            self.stream.flush()

    def stage(self, name: str) -> None:
        self.meter.stage = name
        self(self.meter)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()

    @staticmethod
    def _amount(meter: Meter) -> tuple[int, int | None]:
        if meter.by_bytes:
            return meter.bytes_read, meter.bytes_total
        return meter.documents, meter.documents_total

    def detail(self, meter: Meter) -> str:
        """``1 234 / 5 000 documents · 85 documents/s`` (bytes when documents can't be counted)."""
        done, total = self._amount(meter)
        unit = "MB" if meter.by_bytes else "documents"
        scale = 1e6 if meter.by_bytes else 1

        def amount(n: float) -> str:
            return f"{n / scale:,.1f}" if meter.by_bytes else f"{n:,.0f}"

        text = f"{amount(done)} / {amount(total)} {unit}" if total else f"{amount(done)} {unit}"
        if meter.by_bytes:
            text += f" · {meter.documents:,} documents"
        elapsed = max(1e-9, self.clock() - self.started)
        return f"{text} · {meter.documents / elapsed:,.1f} documents/s"

    def line(self, meter: Meter) -> str:
        done, total = self._amount(meter)
        text = f"{meter.stage}: {self.detail(meter)}"
        elapsed = self.clock() - self.started
        if total and 0 < done < total and meter.stage in ("reading", "extracting"):
            left = elapsed * (total - done) / done
            text += f" · {100 * done / total:.0f} % · about {_clock(left)} left"
        return text


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@contextmanager
def progress_display(*, quiet: bool, stream: TextIO | None = None) -> Iterator[Display | None]:
    """A ``Display`` for this run, or None with ``--quiet``."""
    if quiet:
        yield None
        return
    out = stream or sys.stderr
    try:
        interval = float(os.environ.get(INTERVAL_ENV, DEFAULT_INTERVAL))
    except ValueError:
        interval = DEFAULT_INTERVAL
    display = Display(out, live=out.isatty(), interval=interval)
    try:
        yield display
    finally:
        display.close()

"""A progress bar on stderr for long runs; silent when stderr is not a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from numcheck.model import Document


@contextmanager
def progress_bar(*, enabled: bool) -> Iterator[Callable[[Document], None] | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("reading"), BarColumn(), TextColumn("{task.completed} articles"),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("articles", total=None)
        yield lambda _doc: bar.advance(task)

"""Work spread over processes, results in input order, input read only as needed.

``ProcessPoolExecutor.map`` submits its whole input at once: on a streamed corpus that
would read every article into memory before the first result. Here at most a few
chunks per worker are in flight, so memory holds a window of documents, and results
come back in the order given, so the output never depends on the number of jobs.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # the pool itself is imported only when one is started
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 16  # items per task: enough to amortise pickling, small enough to stay ordered
IN_FLIGHT = 2  # chunks per worker waiting or running


def available_cpus() -> int:
    """The CPUs this process may run on (a container's or taskset's share, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


SMALL_CORPUS = 64  # documents: below this, the default keeps extraction in one process


def plan_jobs(jobs: int | None, documents: int) -> int:
    """Processes to use: ``jobs`` if asked (and there are two documents to share), else
    the CPUs available, or 1 when a pool would cost more than it saves."""
    if jobs is None:
        return available_cpus() if documents >= SMALL_CORPUS else 1
    return jobs if documents >= 2 else 1


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
    chunk: int = CHUNK,
) -> Iterator[tuple[T, R]]:
    """``(item, fn(item))`` for every item, in order, computed in ``jobs`` processes."""
    from concurrent.futures import ProcessPoolExecutor

    source = iter(items)
    pending: deque[tuple[list[T], Future[list[R]]]] = deque()
    with ProcessPoolExecutor(jobs, initializer=initializer, initargs=initargs) as pool:
        while True:
            while len(pending) < jobs * IN_FLIGHT:
                batch = list(islice(source, chunk))
                if not batch:
                    break
                pending.append((batch, pool.submit(_apply, fn, batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            yield from zip(batch, future.result(), strict=True)


def _apply(fn: Callable[[T], R], batch: list[T]) -> list[R]:
    return [fn(item) for item in batch]

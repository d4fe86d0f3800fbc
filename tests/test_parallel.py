"""The process pool: results in input order, input pulled only a window ahead."""

from __future__ import annotations

from collections.abc import Iterator

from numcheck.parallel import CHUNK, IN_FLIGHT, SMALL_CORPUS, available_cpus, ordered_map, plan_jobs


def _square(n: int) -> int:
    return n * n


def test_results_come_back_in_input_order() -> None:
    assert list(ordered_map(_square, range(200), 2, chunk=3)) == [(n, n * n) for n in range(200)]


def test_the_input_is_read_only_a_window_ahead() -> None:
    pulled: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(10_000):
            pulled.append(n)
            yield n

    results = ordered_map(_square, numbers(), 2)
    assert next(results) == (0, 0)
    assert len(pulled) <= 2 * IN_FLIGHT * CHUNK  # not the 10 000 a plain pool.map reads
    results.close()


def test_jobs_plan() -> None:
    assert plan_jobs(None, SMALL_CORPUS - 1) == 1  # a small corpus stays in one process
    assert plan_jobs(None, SMALL_CORPUS) == available_cpus()
    assert (plan_jobs(3, 1), plan_jobs(3, 2)) == (1, 3)

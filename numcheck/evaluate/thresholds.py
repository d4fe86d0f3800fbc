"""``--min``/``--max`` thresholds: CI holds the line on the scores the project meets now."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from numcheck.errors import NumcheckError
from numcheck.evaluate.scores import Scores, metric_names


@dataclass(frozen=True, slots=True)
class Threshold:
    metric: str
    bound: float
    is_min: bool

    def __str__(self) -> str:
        return f"{self.metric} {'>=' if self.is_min else '<='} {self.bound:g}"


def parse_threshold(text: str, *, is_min: bool) -> Threshold:
    """``KEY=VALUE`` with a known metric name and a number."""
    option = "--min" if is_min else "--max"
    key, sep, value = text.partition("=")
    key = key.strip()
    if not sep:
        raise NumcheckError(option, f"'{text}' is not KEY=VALUE")
    if key not in metric_names():
        raise NumcheckError(option, f"unknown metric '{key}' (one of {', '.join(metric_names())})")
    try:
        bound = float(value)
    except ValueError:
        raise NumcheckError(option, f"'{value}' is not a number") from None
    return Threshold(key, bound, is_min)


def failures(scores: Scores, thresholds: Iterable[Threshold]) -> list[str]:
    """One line per threshold not met; a metric that could not be measured fails."""
    out = []
    for t in thresholds:
        got = scores.metric(t.metric)
        if got is None:
            out.append(f"{t.metric} not measured (needs {t})")
        elif (got < t.bound - 1e-9) if t.is_min else (got > t.bound + 1e-9):
            out.append(f"{t.metric} = {got:.4g}, needs {t}")
    return out

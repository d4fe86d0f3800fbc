"""A factory of Claim records, so period and interval logic is tested without extraction."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from numcheck.model import Claim, Hedge, Kind, Period

_ids = itertools.count()


def _claim(
    value: float | None = 100.0,
    *,
    doc: str = "a",
    low: float | None = None,
    high: float | None = None,
    hedge: Hedge = Hedge.EXACT,
    published: date | None = date(2022, 1, 10),
    time_scope: str | None = None,
    garbled: bool = False,
    **changes: Any,
) -> Claim:
    n = next(_ids)
    fields: dict[str, Any] = dict(
        id=f"c{n}", doc=doc, start=n, end=n + 1, surface=str(value), value=value,
        low=value if low is None and hedge is Hedge.EXACT else low,
        high=value if high is None and hedge is Hedge.EXACT else high,
        hedge=hedge, kind=Kind.COUNT, unit=None, garbled=garbled,
        garble_reason="placeholder" if garbled else None, candidate=None, counted="soldiers",
        attribution=None, time_scope=time_scope, sentence="", sentence_start=0, lang="en",
        published=published, line=1, col=1, found_by=("test",),
    )
    # extraction resolves the time scope to a period; the factory does the same for years
    year = re.search(r"\d{4}", time_scope or "")
    fields["period"] = Period.year(int(year.group(0))) if year else None
    fields.update(changes)
    return Claim(**fields)


@pytest.fixture
def make_claim() -> Callable[..., Claim]:
    return _claim

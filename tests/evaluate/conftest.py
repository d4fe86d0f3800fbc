"""Small hand-made gold files and predictions whose scores are known by construction."""

from __future__ import annotations

from typing import Any

import pytest

from numcheck.evaluate import Prediction

TEXT = "Officials said 500 troops arrived on 3 May. Others said about 800 troops. XNUMX left."
#        0         1         2         3         4         5         6         7         8
DOC = "a.txt"


def span(word: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def gold_dict() -> dict[str, Any]:
    """Three scored claims (one garbled), one optional, one non-claim (a date)."""
    def claim(cid: str, word: str, **extra: Any) -> dict[str, Any]:
        start, end = span(word)
        return {"id": cid, "doc": DOC, "start": start, "end": end, "number": word, **extra}

    s3, e3 = span("3 ")
    return {
        "documents": {DOC: {"published": "2024-05-04"}},
        "claims": [
            claim("c500", "500", value=500, hedge="exact", low=500, high=500),
            claim("c800", "800", value=800, hedge="approx", low=720, high=880),
            claim("cx", "XNUMX", value=None, hedge="exact", garbled=True),
            claim("copt", "Others", optional=True),
        ],
        "non_claims": [{"doc": DOC, "start": s3, "end": e3 - 1, "number": "3", "why": "date"}],
        "groups": [{"subject": "troops", "claims": ["c500", "c800"]}],
        "expected_flags": [{"claims": ["c500", "c800"], "why": "500 vs about 800"}],
        "must_not_flag": [{"claims": ["c500", "cx"], "why": "different things"}],
    }


def pred(word: str, *, value: float | None = None, hedge: str = "exact",
         low: float | None = None, high: float | None = None, garbled: bool = False,
         subject: str | None = None, pid: str | None = None,
         story: str | None = None) -> Prediction:
    start, end = span(word)
    return Prediction(id=pid or f"p{start}", doc=DOC, start=start, end=end, surface=word,
                      value=value, low=low, high=high, hedge=hedge, garbled=garbled,
                      sentence="", subject=subject, story=story)


@pytest.fixture
def texts() -> dict[str, str]:
    return {DOC: TEXT}


@pytest.fixture
def raw_gold() -> dict[str, Any]:
    return gold_dict()


@pytest.fixture
def make_pred() -> Any:
    return pred


@pytest.fixture
def where() -> Any:
    return span

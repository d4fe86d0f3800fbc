"""Predictions from numcheck itself and from off-the-shelf parsers, in the form the scorer reads.

quantulum3 is the obvious off-the-shelf alternative for English, Duckling (Facebook's
rule-based parser, through the optional ``pyduckling-native-phihos`` wheel) the
strongest open one for French; scoring them on the same gold tells a newsroom what
numcheck adds. Neither knows garbled figures, subjects or flags, so those come out
clean, ungrouped and unflagged; quantulum3 has no hedges either (all exact), while
Duckling's open intervals (``over 700``) are read as more/less than.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, time
from functools import partial
from pathlib import Path
from typing import Any

from numcheck.errors import NumcheckError
from numcheck.evaluate.match import Prediction, sentence_around
from numcheck.extract.quantulum import quantulum_parser
from numcheck.group.by_story import unqualified
from numcheck.model import Document, Report

BASELINES = ("quantulum3", "duckling")


def from_report(report: Report) -> list[Prediction]:
    """numcheck's claims, each with the subject the comparison put it in.

    The subject is given without its story and the story apart: gold groups say which
    claims measure the same thing, and two claims share a predicted subject only when
    they share both (``compare`` sets nothing of two stories against each other).
    """
    subject_of = {c: unqualified(k) for c, k in report.comparison.subject_of.items()}
    return [
        Prediction(
            id=c.id, doc=c.doc, start=c.start, end=c.end, surface=c.surface,
            value=c.value, low=c.low, high=c.high, hedge=c.hedge.value, garbled=c.garbled,
            sentence=" ".join(c.sentence.split()), subject=subject_of.get(c.id),
            story=c.story,
        )
        for c in report.claims
    ]


def quantulum3_predictions(documents: Sequence[Document]) -> list[Prediction]:
    """``quantulum3.parser.parse`` on each article's text; every quantity is a claim."""
    parser = quantulum_parser()
    out = []
    for doc in documents:
        for i, q in enumerate(parser.parse(doc.text)):
            start, end = q.span
            value = float(q.value) if q.value is not None else None
            out.append(Prediction(
                id=f"q{i}:{doc.name}", doc=doc.name, start=start, end=end,
                surface=doc.text[start:end], value=value, low=value, high=value,
                hedge="exact", garbled=False,
                sentence=sentence_around(doc.text, start, end),
            ))
    return out


# Duckling dimensions asked for. A mention Duckling reads as a date or an ordinal is its
# judgement that the number is not a claim, so those win overlaps and are then dropped.
DUCKLING_CLAIMS = ("number", "amount-of-money", "distance", "duration", "quantity",
                   "temperature", "volume")
DUCKLING_NOT_CLAIMS = ("time", "ordinal")
ZONEINFO = Path("/usr/share/zoneinfo")


def duckling_predictions(documents: Sequence[Document]) -> list[Prediction]:
    """Duckling on each article, in the article's language; every non-date entity is a claim."""
    try:
        import duckling
    except ImportError:
        raise NumcheckError("--baseline", "duckling is not installed "
                            "(pip install 'numcheck[duckling]')") from None
    if not ZONEINFO.is_dir():  # Duckling's loader ends the process on a missing directory
        raise NumcheckError("--baseline", f"duckling needs the time-zone database {ZONEINFO}")
    zones = duckling.load_time_zones(str(ZONEINFO))
    dims = duckling.parse_dimensions(list(DUCKLING_CLAIMS + DUCKLING_NOT_CLAIMS))
    numbers = duckling.parse_dimensions(["number"])
    out = []
    for doc in documents:
        day = doc.published or datetime(2000, 1, 1).date()
        stamp = int(datetime.combine(day, time(12), tzinfo=UTC).timestamp())
        locale = duckling.default_locale_lang(duckling.parse_lang(doc.lang.upper()))
        context = duckling.Context(duckling.parse_ref_time(zones, "UTC", stamp), locale)
        readings = duckling.parse(doc.text, context, dims, False)
        kept = [e for e in _longest_first(readings) if e["dim"] in DUCKLING_CLAIMS]
        for i, first in enumerate(kept):
            entity = _agreeing_reading(first, readings, partial(
                _plain_numbers, duckling.parse, context, numbers))
            start, end = int(entity["start"]), int(entity["end"])
            value, low, high, hedge = _duckling_interval(entity["value"])
            out.append(Prediction(
                id=f"d{i}:{doc.name}", doc=doc.name, start=start, end=end,
                surface=doc.text[start:end], value=value, low=low, high=high, hedge=hedge,
                garbled=False, sentence=sentence_around(doc.text, start, end),
            ))
    return out


def _longest_first(entities: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Duckling returns overlapping readings; keep the longest of each stretch of text."""
    kept: list[Mapping[str, Any]] = []
    for e in sorted(entities, key=lambda e: (int(e["start"]) - int(e["end"]), int(e["start"]))):
        if all(e["end"] <= k["start"] or e["start"] >= k["end"] for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: int(e["start"]))


def _plain_numbers(parse: Callable[..., Any], context: Any, numbers: Any, body: str) -> set[Any]:
    return {r["value"].get("value") for r in parse(body, context, numbers, False)}


def _agreeing_reading(
    entity: Mapping[str, Any], readings: Sequence[Mapping[str, Any]],
    plain_numbers: Callable[[str], set[Any]],
) -> Mapping[str, Any]:
    """Of several readings of one span (``over 4 million`` is read both as 10 004 and as
    4 000 000), the one whose figure Duckling's own number parser finds in the text."""
    same = [r for r in readings if (r["start"], r["end"], r["dim"]) ==
            (entity["start"], entity["end"], entity["dim"])]
    if len(same) < 2:
        return entity
    plain = plain_numbers(str(entity["body"]))
    for r in same:
        value = r["value"]
        ends = [value.get("value"), *((value.get(k) or {}).get("value") for k in ("from", "to"))]
        if any(x is not None and x in plain for x in ends):
            return r
    return entity


def _duckling_interval(
    value: Mapping[str, Any],
) -> tuple[float | None, float | None, float | None, str]:
    """(value, low, high, hedge) of a Duckling value: a figure, or an interval's ends."""
    if value.get("type") != "interval":
        v = _float(value.get("value"))
        return v, v, v, "exact"
    low = _float((value.get("from") or {}).get("value"))
    high = _float((value.get("to") or {}).get("value"))
    if low is not None and high is not None:
        return None, low, high, "range"
    if low is not None:
        return low, low, None, "more_than"
    return high, 0.0, high, "less_than"


def _float(x: Any) -> float | None:
    return float(x) if isinstance(x, int | float) and not isinstance(x, bool) else None

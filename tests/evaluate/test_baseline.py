"""The baselines: their spans become predictions, their value the claim's value."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Any

import pytest

from numcheck.errors import NumcheckError
from numcheck.evaluate import load_gold
from numcheck.evaluate.baseline import (
    _agreeing_reading,
    _duckling_interval,
    _longest_first,
    duckling_predictions,
    quantulum3_predictions,
)
from numcheck.model import Document

ROOT = Path(__file__).resolve().parents[2]


def test_quantulum3_spans_and_values() -> None:
    text = "The ministry said 2,500 soldiers and 40 tanks crossed the river."
    doc = Document(name="x.txt", path="x.txt", text=text, lang="en")
    preds = quantulum3_predictions([doc])
    assert [(p.surface, p.value) for p in preds] == [("2,500", 2500.0), ("40", 40.0)]
    for p in preds:
        assert text[p.start:p.end] == p.surface and p.doc == "x.txt"
        assert p.subject is None and not p.garbled and p.hedge == "exact"
        assert p.low == p.high == p.value
        assert p.sentence == text


def test_english_gold_agrees_with_its_sources_csv() -> None:
    gold = load_gold(ROOT / "tests" / "gold" / "english.yaml")
    folder = ROOT / "tests" / "gold" / "english"
    with (folder / "sources.csv").open(encoding="utf-8") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh)}
    assert set(rows) == set(gold.documents) == {p.name for p in folder.glob("*.txt")}
    for name, published in gold.documents.items():
        assert published is not None and rows[name]["published"] == published.isoformat()
        assert rows[name]["language"] == "en"


def test_duckling_reads_intervals_and_drops_dates_and_ordinals() -> None:
    pytest.importorskip("duckling")
    text = "Over 900 people arrived on May 18, 2015. They came about 500 miles to the 33rd floor."
    doc = Document(name="d.txt", path="d.txt", text=text, lang="en")
    preds = duckling_predictions([doc])
    got = [(p.surface, p.value, p.low, p.high, p.hedge) for p in preds]
    assert got == [("Over 900", 900.0, 900.0, None, "more_than"),
                   ("about 500 miles", 500.0, 500.0, 500.0, "exact")]
    assert all(text[p.start:p.end] == p.surface and p.subject is None for p in preds)


@pytest.mark.parametrize(("value", "expected"), [
    ({"type": "value", "value": 12}, (12.0, 12.0, 12.0, "exact")),
    ({"type": "interval", "from": {"value": 5}, "to": {"value": 8}}, (None, 5.0, 8.0, "range")),
    ({"type": "interval", "from": {"value": 5}}, (5.0, 5.0, None, "more_than")),
    ({"type": "interval", "to": {"value": 8}}, (8.0, 0.0, 8.0, "less_than")),
])
def test_duckling_values_become_intervals(value: dict[str, Any], expected: tuple[Any, ...]) -> None:
    assert _duckling_interval(value) == expected


def test_duckling_keeps_the_longest_of_overlapping_readings() -> None:
    a = {"start": 0, "end": 3, "dim": "number"}
    b = {"start": 0, "end": 9, "dim": "time"}
    c = {"start": 10, "end": 12, "dim": "number"}
    assert _longest_first([a, b, c]) == [b, c]


def test_duckling_missing_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "duckling", None)  # import now raises ImportError
    doc = Document(name="d.txt", path="d.txt", text="12 people", lang="en")
    with pytest.raises(NumcheckError, match=r"numcheck\[duckling\]"):
        duckling_predictions([doc])


def test_duckling_picks_the_reading_its_number_parser_agrees_with() -> None:
    bogus = {"start": 0, "end": 14, "dim": "amount-of-money", "body": "over 4 million",
             "value": {"type": "interval", "from": {"value": 10004}}}
    right = {**bogus, "value": {"type": "interval", "from": {"value": 4000000}}}
    assert _agreeing_reading(bogus, [bogus, right], lambda body: {4000000}) is right
    assert _agreeing_reading(bogus, [bogus], lambda body: {4000000}) is bogus

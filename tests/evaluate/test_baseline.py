"""The quantulum3 baseline: its spans become predictions, its value the claim's value."""

from __future__ import annotations

import csv
from pathlib import Path

from numcheck.evaluate import load_gold
from numcheck.evaluate.baseline import quantulum3_predictions
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

"""The quantulum3 baseline: its spans become predictions, its value the claim's value."""

from __future__ import annotations

from numcheck.evaluate.baseline import quantulum3_predictions
from numcheck.model import Document


def test_quantulum3_spans_and_values() -> None:
    text = "The ministry said 2,500 soldiers and 40 tanks crossed the river."
    doc = Document(name="x.txt", path="x.txt", text=text, lang="en")
    preds = quantulum3_predictions([doc])
    by_surface = {p.surface: p for p in preds}
    assert by_surface["2,500"].value == 2500.0 or any(
        p.value == 2500.0 and "2,500" in p.surface for p in preds)
    for p in preds:
        assert text[p.start:p.end] == p.surface and p.doc == "x.txt"
        assert p.subject is None and not p.garbled and p.hedge == "exact"
        assert p.sentence == text

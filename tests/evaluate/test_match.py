"""Matching rules: overlap within a document, one to one, optional gold ignored."""

from __future__ import annotations

from typing import Any

from numcheck.evaluate import match, parse_gold
from numcheck.evaluate.match import Prediction, sentence_around


def _shift(p: Prediction, start: int, end: int, doc: str | None = None) -> Prediction:
    return Prediction(p.id, doc or p.doc, start, end, p.surface, p.value, p.low, p.high,
                      p.hedge, p.garbled, p.sentence, p.subject)


def test_partial_overlap_matches(raw_gold: dict[str, Any], make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    p = make_pred("500")
    wider = _shift(p, p.start - 3, p.end + 2)  # "n 500 tr"
    m = match(gold, [wider])
    assert m.pairs == {"c500": wider}
    assert m.false == ()


def test_touching_without_overlap_does_not_match(raw_gold: dict[str, Any], make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    p = make_pred("500")
    after = _shift(p, p.end, p.end + 3)
    m = match(gold, [after])
    assert m.pairs == {}
    assert m.false == (after,)


def test_other_document_does_not_match(raw_gold: dict[str, Any], make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    p = make_pred("500")
    elsewhere = _shift(p, p.start, p.end, doc="b.txt")
    m = match(gold, [elsewhere])
    assert m.pairs == {} and m.false == (elsewhere,)


def test_optional_gold_neither_rewards_nor_penalises(
    raw_gold: dict[str, Any], make_pred: Any
) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    p = make_pred("Others")
    m = match(gold, [p])
    assert m.pairs == {} and m.false == () and m.ignored == (p,)


def test_one_to_one_second_piece_is_false(raw_gold: dict[str, Any], make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    p = make_pred("500")
    left = _shift(p, p.start, p.start + 2, "a.txt")
    right = Prediction("other", "a.txt", p.start + 1, p.end, "00", 0, 0, 0, "exact",
                       False, "")
    m = match(gold, [left, right])
    assert list(m.pairs) == ["c500"]
    assert len(m.false) == 1


def test_largest_overlap_wins(raw_gold: dict[str, Any], make_pred: Any) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    p = make_pred("500")
    small = Prediction("small", "a.txt", p.start - 2, p.start + 1, "n 5", 5, 5, 5, "exact",
                       False, "")
    exact = Prediction("exact", "a.txt", p.start, p.end, "500", 500, 500, 500, "exact",
                       False, "")
    m = match(gold, [small, exact])
    assert m.pairs["c500"].id == "exact"


def test_sentence_around() -> None:
    text = "First one. Second has 42 in it! Third."
    start = text.index("42")
    assert sentence_around(text, start, start + 2) == "Second has 42 in it!"

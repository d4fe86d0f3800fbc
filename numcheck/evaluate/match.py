"""Pair predicted claims with gold claims by overlapping spans, one to one.

Spans are compared by overlap rather than equality because a system that reads
``plus de 100 000`` where the gold marks ``100 000`` has still found the figure.
Matching is one to one (largest overlap first) so that a system splitting one figure
in two is charged a false claim for the second piece. A prediction that overlaps
only optional gold claims is ignored: it neither rewards nor penalises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from numcheck.evaluate.gold import Gold, GoldClaim


@dataclass(frozen=True, slots=True)
class Prediction:
    """A claim as a system under test reports it; ``subject`` is None when it groups nothing.

    ``story``: the story the system put the claim's article in (None: no stories). Two
    claims share a predicted subject only within one story: numcheck compares nothing
    across stories, so a pair across stories is never a predicted pair.
    """

    id: str
    doc: str
    start: int
    end: int
    surface: str
    value: float | None
    low: float | None
    high: float | None
    hedge: str
    garbled: bool
    sentence: str
    subject: str | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class Matching:
    """Gold id → prediction, and the predictions that are false claims or ignored."""

    pairs: dict[str, Prediction]
    false: tuple[Prediction, ...]
    ignored: tuple[Prediction, ...]


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def match(gold: Gold, predictions: Sequence[Prediction]) -> Matching:
    """One-to-one matching of scored gold claims; optional gold absorbs what it overlaps."""
    scored = gold.scored
    candidates = sorted(
        (
            (-_overlap(g, p), g.start, p.start, gi, pi)
            for gi, g in enumerate(scored)
            for pi, p in enumerate(predictions)
            if g.doc == p.doc and overlaps(g.start, g.end, p.start, p.end)
        ),
    )
    pairs: dict[str, Prediction] = {}
    used: set[int] = set()
    for _, _, _, gi, pi in candidates:
        g = scored[gi]
        if g.id in pairs or pi in used:
            continue
        pairs[g.id] = predictions[pi]
        used.add(pi)
    optional = [g for g in gold.claims if g.optional]
    false, ignored = [], []
    for pi, p in enumerate(predictions):
        if pi in used:
            continue
        if _touches(p, scored):
            false.append(p)  # a second piece of a figure already matched
        elif _touches(p, optional):
            ignored.append(p)
        else:
            false.append(p)
    return Matching(pairs=pairs, false=tuple(false), ignored=tuple(ignored))


def _overlap(g: GoldClaim, p: Prediction) -> int:
    return min(g.end, p.end) - max(g.start, p.start)


def _touches(p: Prediction, claims: Iterable[GoldClaim]) -> bool:
    return any(g.doc == p.doc and overlaps(g.start, g.end, p.start, p.end) for g in claims)


_SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding a span, for listing misses next to their context."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    after = _SENTENCE_END.search(text, end)
    stop = after.start() + 1 if after else len(text)
    return " ".join(text[begin:stop].split())

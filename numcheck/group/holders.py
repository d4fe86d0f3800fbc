"""Whose votes: the candidate or list a vote or seat count belongs to.

An article gives one figure per candidate, so vote counts without their holder can
only meet their own restatements (``restated``). With the holder named next to the
figure ("Regina Ip was re-elected with 60,760 votes", "12 345 voix pour Dupont"), a
count is that holder's, and two outlets' different counts for one candidate in one
story are compared like any other figure. The holder is the capitalised name nearest
the figure between its neighbouring figures, before it first (the subject of "won",
"a obtenu"), else after it ("votes for Smith"); a name after an affiliation word
("Kwong Chun-yu of the Democratic Party") or before a possessive ("New People
Party's Regina Ip") is the holder's party, taken only when no other name is there;
never the figure's attribution nor a name after a place preposition ("in Hong Kong
Island" says where). A margin ("by 424 votes", "500 voix
d'avance") is no holder's count and stays alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from numcheck.extract.lexicon import fold
from numcheck.group.vocabulary import Vocabulary
from numcheck.model import Claim

__all__ = ["HOLDER", "fuller_names", "holder_of", "is_margin"]

HOLDER = "holder:"  # the actor key of a named holder: "holder:regina ip"

_NAME = re.compile(
    r"(?<![\w'’-])[^\W\d_a-zà-ÿ][\w'’.-]*(?:[ \u00a0][^\W\d_a-zà-ÿ][\w'’.-]*)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_OWNED = re.compile(r"['’]s\s+")  # "New People Party's Regina Ip": Regina Ip


def is_margin(claim: Claim, text: str, here: int, after: int, vocab: Vocabulary) -> bool:
    """"won by 424 votes", "by around 5,000", "500 voix d'avance": a difference."""
    before = text[:here].rstrip()
    hedge = fold(claim.hedge_text or "")
    if hedge and before.endswith(hedge):
        before = before[: -len(hedge)]
    return bool(vocab.margin_before.search(before) or vocab.margin_after.match(text, after))


def holder_of(
    claim: Claim, window: tuple[int, int, int, int], vocab: Vocabulary
) -> tuple[str, str] | None:
    """(key, name as written) of the name nearest the figure, or None.

    ``window``: sentence offsets of the previous figure's end, the figure's start and
    end, and the next figure's start.
    """
    prev_end, here, after, next_start = window
    sentence = claim.sentence
    speaker = _attribution(claim)
    best: tuple[bool, int, int, str] | None = None
    for m in _NAME.finditer(sentence, prev_end, next_start):
        if m.start() < after and here < m.end():
            continue  # the figure itself ("Twelve")
        if speaker[0] <= m.start() < speaker[1]:
            continue  # who says it, not whose it is
        if vocab.place_lead.search(fold(sentence[max(0, m.start() - 20):m.start()])):
            continue  # where, not whose
        words = m.group().split()
        while words and fold(words[0]) in vocab.common_words:
            words.pop(0)  # "The Labour Party", "In Lyon"
        if not words:
            continue
        name = _POSSESSIVE.sub("", _OWNED.split(" ".join(words).rstrip("."))[-1])
        party = bool(vocab.affiliation.search(fold(sentence[max(0, m.start() - 20):m.start()])))
        side, distance = (0, here - m.end()) if m.end() <= here else (1, m.start() - after)
        if best is None or (party, side, distance) < best[:3]:
            best = (party, side, distance, name)
    if best is None:
        return None
    return f"{HOLDER}{fold(best[3])}", best[3]


def _attribution(claim: Claim) -> tuple[int, int]:
    if not claim.attribution:
        return (0, 0)
    at = claim.sentence.find(claim.attribution)
    return (at, at + len(claim.attribution)) if at >= 0 else (0, 0)


def fuller_names(actors: Iterable[str]) -> dict[str, str]:
    """Holder key → the one fuller holder key it ends: one outlet writes "Macron", another
    "Emmanuel Macron", and both count one candidate's votes. A short name two fuller
    names end ("Le Pen": Marine and Jean-Marie) stays as it is: it could be either."""
    holders = sorted({a for a in actors if a.startswith(HOLDER)})
    out: dict[str, str] = {}
    for short in holders:
        name = short[len(HOLDER):]
        fuller = [h for h in holders if h != short and h.endswith(f" {name}")]
        if len(fuller) == 1:
            out[short] = fuller[0]
    return out

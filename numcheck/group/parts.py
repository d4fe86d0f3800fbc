"""Breakdowns: which figure of an article is a part of another one.

"1,12 million de manifestants, dont 81 000 à Paris", "seven people were shot. Three
of them…", "three victims, two women and a man": the smaller figure is a part of the
larger one, not a second estimate of it. A part is recorded against its whole (so a
report can show the relation) and is never compared with it. Three readings, all
from the words in ``rules/subjects`` (``parts``): a marker before the part (`dont`,
`including`), a marker after it (`of them`, `d'entre eux`), and an enumeration right
after the whole's counted phrase whose items add up to no more than the whole.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from numcheck.extract.lexicon import fold
from numcheck.group.vocabulary import Vocabulary, vocabulary
from numcheck.model import Claim, Kind
from numcheck.rulebook import Rulebook

# The whole's counted phrase (three words at most), then a comma, colon or bracket.
_APPOSITION = re.compile(r"^\s*(?:[^\W\d_][\w'’-]*\s+){0,2}(?:[^\W\d_][\w'’-]*)?\s*[,:(–—]\s*$")


def parts_of(claims: Sequence[Claim], rules: Rulebook) -> dict[str, str]:
    """Part claim id → whole claim id, within each article."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    found: dict[str, str] = {}
    for own in by_doc.values():
        own.sort(key=lambda c: (c.start, c.id))
        vocab = vocabulary(rules, own[0].lang)
        if vocab is None:
            continue
        for i, claim in enumerate(own):
            if i and _marked(own[i - 1], claim, vocab):
                found[claim.id] = own[i - 1].id
            elif (whole := _partitive_whole(own[:i], claim, vocab)) is not None:
                found[claim.id] = whole.id
        for i, whole in enumerate(own):
            for part in _enumerated(own, i, vocab):
                found.setdefault(part.id, whole.id)
    return found


def _marked(previous: Claim, claim: Claim, vocab: Vocabulary) -> bool:
    if claim.kind is not previous.kind or claim.kind is not Kind.COUNT:
        return False
    text = fold(claim.sentence)
    here = claim.start - claim.sentence_start
    if claim.hedge_text:
        hedge = fold(claim.hedge_text)
        stripped = text[:here].rstrip()
        if stripped.endswith(hedge):
            here = len(stripped) - len(hedge)
    same = previous.sentence_start == claim.sentence_start
    start = previous.end - claim.sentence_start if same else 0
    if vocab.part_before.search(text, start, here):
        return True
    after = claim.end - claim.sentence_start
    if vocab.part_after.match(text, after):
        return True
    # "seven people were shot on Friday, two fatally": a manner word after the comma
    # says how some of the whole fared
    smaller = claim.value is not None and previous.value is not None and (
        claim.value < previous.value)

    return same and smaller and text[start:here].rstrip().endswith(",") and bool(
        vocab.part_manner.match(text, after))


def _partitive_whole(before: list[Claim], claim: Claim, vocab: Vocabulary) -> Claim | None:
    """"… injuring 329 others. Of the injured, 51 were in critical condition": a clause
    opening on a partitive makes the figure a part of the nearest larger count before it."""
    if claim.kind is not Kind.COUNT or claim.value is None:
        return None
    here = claim.start - claim.sentence_start
    if not vocab.part_partitive.search(fold(claim.sentence), 0, here):
        return None
    for nearest in reversed(before):
        if nearest.kind is Kind.COUNT and nearest.value is not None:
            return nearest if claim.value < nearest.value else None
    return None


def _enumerated(own: list[Claim], i: int, vocab: Vocabulary) -> list[Claim]:
    """"three victims, two women and a man": items right after the whole that fit in it."""
    whole = own[i]
    if whole.kind is not Kind.COUNT or whole.value is None:
        return []
    items: list[Claim] = []
    previous = whole
    for claim in own[i + 1 :]:
        if claim.sentence_start != whole.sentence_start or claim.kind is not Kind.COUNT:
            break
        base = claim.sentence_start
        gap = fold(claim.sentence[previous.end - base : claim.start - base])
        if previous is whole:
            if not _APPOSITION.match(gap):
                break
        else:
            gap = _without(gap, previous.counted)
            if not vocab.enumeration.match(gap):
                break
        items.append(claim)
        previous = claim
    if not items or any(c.value is None or c.value >= whole.value for c in items):
        return []
    if sum(c.value or 0 for c in items) > whole.value:
        return []
    if len(items) == 1 and fold(items[0].counted or "") in ("", fold(whole.counted or "")):
        return []  # "175 000 soldats, 90 000 selon Kiev": a second estimate, not a part
    return items


def is_addition(claim: Claim, text: str, here: int, after: int, vocab: Vocabulary) -> bool:
    """"saved 200 more", "other 15 shells fell", "15 autres": a figure added to one already
    given is a part of a total (stated or not), never a second figure for it.

    ``text`` is the folded sentence, ``here``/``after`` the figure's offsets in it; the
    marker may follow the counted phrase ("trois blessés supplémentaires"), never a
    hedge of the figure's own ("107 or more").
    """
    if claim.kind is not Kind.COUNT:
        return False
    if vocab.addition_before.search(text, 0, here):
        return True
    rest = text[after:]
    if claim.hedge_text and rest.lstrip().startswith(fold(claim.hedge_text)):
        return False
    counted = fold(claim.counted or "")
    if counted and rest.lstrip().startswith(counted):
        rest = rest.lstrip()[len(counted):]
        # the counted phrase may have taken the marker in: "blessés supplémentaires"
        if any(m.start() > 0 and m.end() == len(counted)
               for m in vocab.addition_after.finditer(counted)):
            return True
    return bool(vocab.addition_after.match(rest))


def _without(gap: str, counted: str | None) -> str:
    """The gap between two items once the first item's counted phrase is taken out."""
    if counted:
        head = fold(counted)
        stripped = gap.lstrip()
        if stripped.startswith(head):
            return stripped[len(head) :]
    return gap


__all__ = ["is_addition", "parts_of"]

"""The sentence that explains a flag, written from the flag's data and its claims.

``compare`` decides and records (sides, pair, ratio, estimates per source kind); the
words belong to the reader's language (``rules/messages/<lang>.yaml``), so they are
written here, at render time, and every format says the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from numcheck.model import Claim, Flag, Verdict
from numcheck.render.words import Words

ClaimOf = Callable[[str], Claim]


def explain(flag: Flag, claim_of: ClaimOf, words: Words) -> str:
    """One sentence per flag; ``claim_of`` looks a claim up by id (``Report.claim``)."""
    pair = [claim_of(cid) for cid in flag.pair]
    verdict = flag.verdict
    key = f"explain.{verdict.value}"
    if verdict is Verdict.UNVERIFIABLE:
        c = pair[0]
        found = {"surface": c.surface, "doc": c.doc, "reason": words.garble_reason(c)}
        if c.candidate is None:
            return words(key, **found)
        return words("explain.unverifiable_guess", guess=words.guess(c), **found)
    if verdict is Verdict.DISPUTED:
        said = [words("explain.disputed_estimate", figure=words.figure_counted(c),
                      who=_who(c, words))
                for c in (claim_of(s.claims[0]) for s in flag.estimates if s.claims)]
        return _cap(words(key, estimates=words("explain.list_separator").join(said)))
    a, b = pair
    if verdict is Verdict.SELF_CONTRADICTION:
        return words(key, doc=a.doc, a=words.figure_counted(a), b=words.figure_counted(b))
    if verdict is Verdict.DIFFERENT_PERIOD:
        return _cap(words(key, a=words.figure_counted(a), a_when=_when(a, words),
                          b=words.figure_counted(b), b_when=_when(b, words)))
    ratio = words.ratio(flag.ratio or 0.0)
    return _cap(words(key, a=_says(a, words), b=_says(b, words), ratio=ratio))


def _says(c: Claim, words: Words) -> str:
    where = c.outlet or c.doc
    if c.published:
        where = words("explain.source_dated", where=where, date=words.date(c.published))
    source = words("explain.who_attributed", who=c.attribution, where=where) if c.attribution \
        else where
    return words("explain.says", source=source, figure=words.figure_counted(c))


def _who(c: Claim, words: Words) -> str:
    where = c.outlet or c.doc
    return words("explain.who_attributed", who=c.attribution, where=where) if c.attribution \
        else where


def _when(c: Claim, words: Words) -> str:
    if c.period and c.time_scope:
        return c.time_scope
    return words.date(c.published) if c.published else words("explain.undated")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]

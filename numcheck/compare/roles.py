"""Whether two figures of one article can be about one quantity at all.

A fact-checker calls an article self-contradictory only when it gives two figures
for the same subject, role, scope, period and source. The subject's fields say what
the grouping knew: a counted thing and role named by ``rules/subjects`` qualify; a
fallback noun (``generic``), a duration, a sum known only by its unit and figures kept
apart as restatements (``restated``) do not. Two counted phrases one of which adds
words to the other ("teams" and "Syrian teams") are a whole and a qualified subset.
"""

from __future__ import annotations

from numcheck.extract.lexicon import fold
from numcheck.model import Claim, Kind, Subject

UNSET = "-"


def named_role(subject: Subject) -> bool:
    """The subject's counted thing and its role both come from the subject rules."""
    if subject.alone or subject.generic or subject.restated or subject.kind is Kind.DURATION:
        return False
    return dict(subject.facets).get("event", UNSET) not in (UNSET, "")


def subset_phrase(a: Claim, b: Claim) -> bool:
    """One counted phrase is the other plus qualifying words: a part, not a rival."""
    words_a, words_b = _words(a), _words(b)
    return words_a != words_b and bool(words_a) and bool(words_b) and (
        words_a < words_b or words_b < words_a)


def _words(c: Claim) -> frozenset[str]:
    return frozenset(fold(c.counted or "").split())


__all__ = ["named_role", "subset_phrase"]

"""Subjects no role identifies: their figures share a subject only when they restate one.

"for two hours" and "for the next 30 hours", "$20,000 bail" and "$200 in value": a
duration or a sum known only by its unit says nothing of *what* lasted or cost, so
two different figures of it are two different things. Figures that belong each to
one holder (a candidate's votes) are alike: an article gives many holders' figures.
Such figures still meet their restatements (a headline and its body, 48 hours twice),
which never conflict: nothing numcheck cannot tell apart is ever set against anything.
"""

from __future__ import annotations

from numcheck.group.vocabulary import Vocabulary
from numcheck.model import Claim, Kind

__all__ = ["figure_key", "restated_only", "unit_only"]


def restated_only(claim: Claim, counted: str, near: str | None, vocab: Vocabulary) -> bool:
    """Whether ``counted`` (the claim's counted concept) groups restatements only.

    ``near``: the event read from the figure's own predicate, if any; a unit-only sum
    with a predicate of its own ("spent $4 billion") keeps its subject. No rule names
    the role of a duration ("spending twelve years" spends no money), so every
    unit-only duration groups restatements only.
    """
    if vocab.counted_info.get(counted, {}).get("holders"):
        return True
    return unit_only(claim, counted) and (claim.kind is Kind.DURATION or (
        claim.kind is Kind.MONEY and not near))


def unit_only(claim: Claim, counted: str) -> bool:
    """The counted concept is the figure's unit: what lasted or cost is not named."""
    return claim.unit is not None and counted == f"~{claim.unit.lower()}"


def figure_key(claim: Claim) -> str:
    """The figure as a key: its value, else its bounds (``12``, ``200-999``)."""
    def text(x: float | None) -> str:
        return "" if x is None else format(x, ".12g")

    if claim.value is not None:
        return text(claim.value)
    return f"{text(claim.low)}-{text(claim.high)}"

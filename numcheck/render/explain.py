"""The sentence that explains a flag, written from the flag's data and its claims.

``compare`` decides and records (sides, pair, ratio, estimates per source kind); the
words belong to the reader's language, so they are written here, at render time,
and every format (markdown, HTML, check, SARIF, JSON) says the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from numcheck.model import Claim, Flag, Verdict
from numcheck.wording import figure_text

ClaimOf = Callable[[str], Claim]


def explain(flag: Flag, claim_of: ClaimOf) -> str:
    """One sentence per flag; ``claim_of`` looks a claim up by id (``Report.claim``)."""
    pair = [claim_of(cid) for cid in flag.pair]
    if flag.verdict is Verdict.UNVERIFIABLE:
        return _garbled(pair[0])
    if flag.verdict is Verdict.DISPUTED:
        said = [f"{_figure(c)} according to {_who(c)}"
                for c in (claim_of(s.claims[0]) for s in flag.estimates if s.claims)]
        return f"{_cap('; '.join(said))}: estimates by sources of different kinds."
    a, b = pair
    if flag.verdict is Verdict.SELF_CONTRADICTION:
        return (f"{a.doc} says both {_figure(a)} and {_figure(b)} "
                "about the same thing in the same period.")
    if flag.verdict is Verdict.DIFFERENT_PERIOD:
        return (f"{_cap(_figure(a))} ({_when(a)}) against {_figure(b)} ({_when(b)}): "
                "different periods, a change over time rather than a conflict.")
    if flag.verdict is Verdict.DIVERGENT:
        return (f"{_cap(_says(a))}; {_says(b)}: compatible only through the hedge or "
                f"open bound, yet {flag.ratio or 0:.2f}× apart.")
    return f"{_cap(_says(a))}; {_says(b)}: the figures cannot both be true."


def _garbled(c: Claim) -> str:
    guess = ""
    if c.candidate is not None:
        guess = f" A guess reads it as {figure_text(c).split('perhaps ')[-1]}; it is not checked."
    return f"'{c.surface}' in {c.doc} is garbled: {c.garble_reason}.{guess}"


def _figure(c: Claim) -> str:
    counted = f" {c.counted}" if c.counted else ""
    return f"{figure_text(c)}{counted}"


def _source(c: Claim) -> str:
    where = c.outlet or c.doc
    when = f", {c.published.isoformat()}" if c.published else ""
    return f"{c.attribution} ({where}{when})" if c.attribution else f"{where}{when}"


def _says(c: Claim) -> str:
    return f"according to {_source(c)}, {_figure(c)}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _when(c: Claim) -> str:
    if c.period and c.time_scope:
        return c.time_scope
    return c.published.isoformat() if c.published else "undated"


def _who(c: Claim) -> str:
    where = c.outlet or c.doc
    return f"{c.attribution} ({where})" if c.attribution else where

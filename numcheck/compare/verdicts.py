"""Verdicts on one subject: the interval logic, and the sentence that explains it.

Per period, the extremes decide: the highest lower bound against the lowest upper
bound (from different documents) finds any conflict; the highest and lowest central
figures find a divergence. Keeping the two best per document makes this linear.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence

from numcheck.model import Claim, Flag, Subject, Verdict
from numcheck.rulebook import Settings
from numcheck.wording import figure_text

INF = math.inf


def lo(c: Claim) -> float:
    return c.low if c.low is not None else -INF


def hi(c: Claim) -> float:
    return c.high if c.high is not None else INF


def disjoint(a: Claim, b: Claim, slack: float) -> bool:
    """True when a lies wholly above b (beyond the slack)."""
    if hi(b) == INF or lo(a) == -INF:
        return False
    if lo(a) > hi(b) * (1 + slack):
        return True
    return lo(a) == hi(b) and (a.low_open or b.high_open) and slack == 0


def judge(
    subject: Subject, members: Sequence[Claim], periods: list[list[Claim]], settings: Settings
) -> list[Flag]:
    flags = [_unverifiable(subject, c) for c in members if c.garbled]
    for period in periods:
        flags.extend(_within_period(subject, period, settings))
    if len(periods) > 1:
        flags.extend(_across_periods(subject, periods, settings))
    return flags


def _extreme(
    claims: Sequence[Claim], key: Callable[[Claim], float], *, largest: bool
) -> list[Claim]:
    """The best claim of the two best documents (distinct docs), best first."""
    best: dict[str, Claim] = {}
    for c in claims:
        cur = best.get(c.doc)
        if cur is None or (key(c) > key(cur) if largest else key(c) < key(cur)):
            best[c.doc] = c
    ranked = sorted(best.values(), key=lambda c: (key(c), c.id), reverse=largest)
    return ranked[:2]


def _cross_doc_pair(
    highs: list[Claim], lows: list[Claim], test: Callable[[Claim, Claim], bool]
) -> tuple[Claim, Claim] | None:
    for a in highs:
        for b in lows:
            if a.doc != b.doc and test(a, b):
                return a, b
    return None


def _taking_part(
    period: Sequence[Claim],
    pair: tuple[Claim, Claim],
    upper: Callable[[Claim], float],
    lower: Callable[[Claim], float],
    test: Callable[[Claim, Claim], bool],
) -> list[Claim]:
    """The named pair first, then every claim at odds with another document's claim.

    Each claim is tested against the extreme of the *other* documents only, which the
    two best documents per side give in constant time: the scan stays linear.
    """
    highs = _extreme(period, upper, largest=True)
    lows = _extreme(period, lower, largest=False)
    others = []
    for c in sorted(period, key=lambda c: (c.doc, c.start, c.id)):
        if c in pair:
            continue
        high = next((h for h in highs if h.doc != c.doc), None)
        low = next((x for x in lows if x.doc != c.doc), None)
        if (low is not None and test(c, low)) or (high is not None and test(high, c)):
            others.append(c)
    return [*pair, *others]


def _ratio(a: Claim, b: Claim) -> float | None:
    return _central(a) / _central(b) if _central(b) > 0 else None


def _central(c: Claim) -> float:
    v = c.central
    return v if v is not None else 0.0


def _within_period(subject: Subject, period: list[Claim], settings: Settings) -> list[Flag]:
    flags = []
    slack = settings.conflict_slack
    pair = _cross_doc_pair(
        _extreme(period, lo, largest=True),
        _extreme(period, hi, largest=False),
        lambda a, b: disjoint(a, b, slack),
    )
    if pair:
        a, b = pair
        involved = _taking_part(period, (a, b), lo, hi, lambda x, y: disjoint(x, y, slack))
        flags.append(_flag(subject, involved, Verdict.CONFLICT,
                           f"{_cap(_says(a))}; {_says(b)}: the figures cannot both be true.",
                           _ratio(a, b)))
    else:
        def apart(x: Claim, y: Claim) -> bool:
            return _central(y) > 0 and _central(x) / _central(y) > settings.divergence_ratio

        pair = _cross_doc_pair(
            _extreme(period, _central, largest=True),
            _extreme(period, _central, largest=False),
            apart,
        )
        if pair:
            a, b = pair
            ratio = _central(a) / _central(b)
            involved = _taking_part(period, (a, b), _central, _central, apart)
            flags.append(_flag(subject, involved, Verdict.DIVERGENT,
                               f"{_cap(_says(a))}; {_says(b)}: compatible only through "
                               f"the hedge or open bound, yet {ratio:.2f}× apart.", ratio))
    by_doc: dict[str, list[Claim]] = {}
    for c in period:
        by_doc.setdefault(c.doc, []).append(c)
    for doc, own in sorted(by_doc.items()):
        top = max(own, key=lambda c: (lo(c), c.id))
        bottom = min(own, key=lambda c: (hi(c), c.id))
        if top is not bottom and disjoint(top, bottom, slack):
            flags.append(_flag(subject, (top, bottom), Verdict.SELF_CONTRADICTION,
                               f"{doc} says both {_figure(top)} and {_figure(bottom)} "
                               "about the same thing in the same period."))
    return flags


def _across_periods(subject: Subject, periods: list[list[Claim]], settings: Settings) -> list[Flag]:
    """Figures that would disagree if they were about the same time: a trend, not a conflict."""
    index = {c.id: i for i, p in enumerate(periods) for c in p}
    claims = [c for p in periods for c in p]
    a = max(claims, key=lambda c: (_central(c), c.id))
    b = min(claims, key=lambda c: (_central(c), c.id))
    if index[a.id] == index[b.id] or a is b:
        return []
    differs = disjoint(a, b, settings.conflict_slack) or (
        _central(b) > 0 and _central(a) / _central(b) > settings.divergence_ratio
    )
    if not differs:
        return []
    # periods are in time order and an undated claim sits in the period it joined, so
    # the period index orders the pair (an undated claim has no date of its own)
    first, second = sorted((a, b), key=lambda c: index[c.id])
    ratio = _central(a) / _central(b) if _central(b) > 0 else None
    return [_flag(subject, (first, second), Verdict.DIFFERENT_PERIOD,
                  f"{_cap(_figure(first))} ({_when(first)}) against {_figure(second)} "
                  f"({_when(second)}): different periods, a change over time rather than a "
                  "conflict.", ratio)]


def _unverifiable(subject: Subject, c: Claim) -> Flag:
    guess = ""
    if c.candidate is not None:
        guess = f" A guess reads it as {figure_text(c).split('perhaps ')[-1]}; it is not checked."
    return _flag(subject, (c,), Verdict.UNVERIFIABLE,
                 f"'{c.surface}' in {c.doc} is garbled: {c.garble_reason}.{guess}")


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


def _flag(subject: Subject, claims: Sequence[Claim], verdict: Verdict, explanation: str,
          ratio: float | None = None) -> Flag:
    if ratio is None and len(claims) == 2 and _central(claims[1]) > 0:
        ratio = _central(claims[0]) / _central(claims[1])
    return Flag(
        subject=subject.key,
        label=subject.label,
        claims=tuple(c.id for c in claims),
        verdict=verdict,
        ratio=round(ratio, 4) if ratio is not None else None,
        explanation=explanation,
        fingerprint=fingerprint(subject.key, verdict, claims),
    )


def fingerprint(subject: str, verdict: Verdict, claims: Sequence[Claim]) -> str:
    """Survives re-runs and edits elsewhere: subject, verdict, sources and figures only."""
    parts = sorted(f"{c.doc}\0{c.surface}" for c in claims)
    raw = "\n".join([subject, verdict.value, *parts])
    return hashlib.sha1(raw.encode()).hexdigest()[:16]

"""Verdicts on one subject: the interval logic, recorded as data (render/ words it).

Per period, the extremes decide: the highest lower bound against the lowest upper
bound (from different documents) finds any conflict; the highest and lowest central
figures find a divergence. Keeping the two best per document makes this linear.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence

from numcheck.compare.roles import named_role, subset_phrase
from numcheck.compare.sources import Source, source_of
from numcheck.model import Claim, Flag, Hedge, Period, Side, Subject, Verdict
from numcheck.rulebook import Rulebook, Settings

INF = math.inf


def lo(c: Claim) -> float:
    """The interval's floor, widened by half the rounding of an exact scaled decimal."""
    if c.low is None:
        return -INF
    return c.low - _rounding(c)


def hi(c: Claim) -> float:
    if c.high is None:
        return INF
    return c.high + _rounding(c)


def _rounding(c: Claim) -> float:
    """'1,28 million' is anything that rounds to it: ± half its last digit."""
    return c.precision / 2 if c.precision and c.hedge is Hedge.EXACT else 0.0


def disjoint(a: Claim, b: Claim, slack: float) -> bool:
    """True when a lies wholly above b (beyond the slack)."""
    if hi(b) == INF or lo(a) == -INF:
        return False
    if lo(a) > hi(b) * (1 + slack):
        return True
    return lo(a) == hi(b) and (a.low_open or b.high_open) and slack == 0


def judge(
    subject: Subject, members: Sequence[Claim], periods: list[list[Claim]], rules: Rulebook
) -> list[Flag]:
    """Every flag of one subject; ``periods`` are its non-garbled claims split in time."""
    sources = {c.id: source_of(c, rules) for c in members}
    settings = rules.settings
    flags = [_unverifiable(subject, c, sources) for c in members if c.garbled]
    for period in periods:
        flags.extend(_within_period(subject, period, settings, sources))
    if len(periods) > 1:
        flags.extend(_across_periods(subject, periods, settings, sources))
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
) -> tuple[list[Claim], list[Claim]]:
    """The two sides: the named pair first, then every claim at odds with another
    document's claim, above or below.

    Each claim is tested against the extreme of the *other* documents only, which the
    two best documents per side give in constant time: the scan stays linear.
    """
    highs = _extreme(period, upper, largest=True)
    lows = _extreme(period, lower, largest=False)
    above, below = [pair[0]], [pair[1]]
    for c in sorted(period, key=lambda c: (c.doc, c.start, c.id)):
        if c in pair:
            continue
        high = next((h for h in highs if h.doc != c.doc), None)
        low = next((x for x in lows if x.doc != c.doc), None)
        if low is not None and test(c, low):
            above.append(c)
        elif high is not None and test(high, c):
            below.append(c)
    return above, below


def _ratio(a: Claim, b: Claim) -> float | None:
    return _central(a) / _central(b) if _central(b) > 0 else None


def _central(c: Claim) -> float:
    v = c.central
    return v if v is not None else 0.0


Sources = dict[str, Source | None]


def _within_period(
    subject: Subject, period: list[Claim], settings: Settings, sources: Sources
) -> list[Flag]:
    """Conflicts among figures one kind of source (or nobody named) gives; figures of
    different kinds of source are ``disputed``; one article against itself only per source.
    """
    estimator = {c.id: s.estimator if (s := sources[c.id]) else None for c in period}
    kinds = sorted({e for e in estimator.values() if e})
    pools = [[c for c in period if estimator[c.id] in (k, None)] for k in kinds] or [period]
    flags: list[Flag] = []
    seen: set[tuple[str, ...]] = set()
    for pool in pools:
        flag = _disagreement(subject, pool, settings, sources)
        if flag is not None and flag.pair not in seen:
            seen.add(flag.pair)
            flags.append(flag)
    if len(kinds) > 1:
        flags.extend(_disputed(subject, period, estimator, settings, sources))
    flags.extend(_self_contradictions(subject, period, settings, sources))
    return flags


def _disagreement(
    subject: Subject, period: list[Claim], settings: Settings, sources: Sources
) -> Flag | None:
    slack = settings.conflict_slack

    def apart(x: Claim, y: Claim) -> bool:
        return disjoint(x, y, slack) and not updated(x, y)

    def updated(x: Claim, y: Claim) -> bool:
        """A growing toll its own source raised since ("fait désormais état de 2 500")."""
        return subject.cumulative and _later(x, y) and _same_voice(sources[x.id], sources[y.id])

    pair = _cross_doc_pair(_extreme(period, lo, largest=True),
                           _extreme(period, hi, largest=False), apart)
    if pair:
        a, b = pair
        above, below = _taking_part(period, (a, b), lo, hi, apart)
        return _flag(subject, above, below, Verdict.CONFLICT, sources, _ratio(a, b))

    def diverge(x: Claim, y: Claim) -> bool:
        return (_central(y) > 0 and _central(x) / _central(y) > settings.divergence_ratio
                and not _grew(y, x) and not updated(x, y))

    pair = _cross_doc_pair(_extreme(period, _central, largest=True),
                           _extreme(period, _central, largest=False), diverge)
    if not pair:
        return None
    a, b = pair
    ratio = _central(a) / _central(b)
    above, below = _taking_part(period, (a, b), _central, _central, diverge)
    return _flag(subject, above, below, Verdict.DIVERGENT, sources, ratio)


def _same_voice(a: Source | None, b: Source | None) -> bool:
    """Both figures from one named source, or neither attributed (each outlet's own)."""
    return (a is None and b is None) or (
        a is not None and b is not None and a.identity == b.identity)


def _later(high: Claim, low: Claim) -> bool:
    """``high`` was published after ``low``: for a growing toll, its update."""
    return (low.published is not None and high.published is not None
            and low.published < high.published)


def _grew(low: Claim, high: Claim) -> bool:
    """'At least 632 killed' on Saturday, 2,012 on Sunday: an open floor published before
    the higher figure is a toll that rose since, not a discrepancy."""
    return low.high is None and _later(high, low)


def _disputed(
    subject: Subject, period: list[Claim], estimator: dict[str, str | None],
    settings: Settings, sources: Sources,
) -> list[Flag]:
    """Named sources of different kinds giving figures that disagree: the reader's fact
    is both figures with their sources, highest first; one flag per subject and period."""
    by_kind: dict[str, list[Claim]] = {}
    for c in sorted(period, key=lambda c: (-_central(c), c.doc, c.start, c.id)):
        if (kind := estimator[c.id]) is not None:
            by_kind.setdefault(kind, []).append(c)
    if len(by_kind) < 2:
        return []
    # the two kinds furthest apart: each kind's highest figure against another's lowest
    top, bottom = max(
        ((h, w) for h in by_kind.values() for w in by_kind.values() if h is not w),
        key=lambda hl: (_central(hl[0][0]) - _central(hl[1][-1]), hl[0][0].id, hl[1][-1].id),
    )
    a, b = top[0], bottom[-1]
    if not (
        disjoint(a, b, settings.conflict_slack)
        or (_central(b) > 0 and _central(a) / _central(b) > settings.divergence_ratio)
    ):
        return []
    return [_flag(subject, top, [b, *(c for c in bottom if c is not b)], Verdict.DISPUTED,
                  sources, _ratio(a, b), extra=[c for cs in by_kind.values() for c in cs],
                  estimates=list(by_kind.values()))]


def _self_contradictions(
    subject: Subject, period: list[Claim], settings: Settings, sources: Sources
) -> list[Flag]:
    """One article, one source, two disjoint figures for one named role and scope.

    Only a subject a rule names (counted thing and role from ``rules/subjects``) can
    hold two figures of one article for the same quantity: a duration, a sum known by
    its unit or a noun no rule names may be any number of things, and a qualified
    subset ("two Syrian teams" among "163 teams") is a part, not a second figure.
    """
    if not named_role(subject):
        return []
    by_voice: dict[tuple[str, str], list[Claim]] = {}
    for c in period:
        source = sources[c.id]
        by_voice.setdefault((c.doc, source.identity if source else ""), []).append(c)
    flags = []
    for _voice, own in sorted(by_voice.items()):
        pair = _contradicting(own, settings.conflict_slack)
        if pair is not None:
            top, bottom = pair
            flags.append(_flag(subject, [top], [bottom], Verdict.SELF_CONTRADICTION, sources))
    return flags


def _contradicting(own: Sequence[Claim], slack: float) -> tuple[Claim, Claim] | None:
    """The highest figure against the lowest it is disjoint from, subsets left out."""
    tops = sorted(own, key=lambda c: (-lo(c), c.id))
    bottoms = sorted(own, key=lambda c: (hi(c), c.id))
    for top in tops:
        for bottom in bottoms:
            if not disjoint(top, bottom, slack):
                break  # the lowest upper bounds come first: no later one is disjoint
            if not subset_phrase(top, bottom):
                return top, bottom
    return None


def _across_periods(
    subject: Subject, periods: list[list[Claim]], settings: Settings, sources: Sources
) -> list[Flag]:
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
    return [_flag(subject, [first], [second], Verdict.DIFFERENT_PERIOD, sources, ratio)]


def _unverifiable(subject: Subject, c: Claim, sources: Sources) -> Flag:
    return _flag(subject, [c], [], Verdict.UNVERIFIABLE, sources)


def _side(claims: Sequence[Claim], sources: Sources) -> Side | None:
    if not claims:
        return None
    first = claims[0]
    source = sources.get(first.id)
    when = first.period or (Period.day(first.published) if first.published else None)
    return Side(
        claims=tuple(c.id for c in claims),
        period=when,
        source=first.attribution or first.outlet or first.doc,
        source_kind=source.kind if source else None,
    )


def _flag(
    subject: Subject, high: Sequence[Claim], low: Sequence[Claim], verdict: Verdict,
    sources: Sources, ratio: float | None = None, extra: Sequence[Claim] = (),
    estimates: Sequence[Sequence[Claim]] = (),
) -> Flag:
    """``high``/``low``: the two sides, deciding claim first; ``extra``: other claims the
    flag lists (a disputed flag lists every source's figures); ``estimates``: a disputed
    flag's figures per kind of source, each kind's highest first."""
    claims = list(dict.fromkeys([*high[:1], *low[:1], *high[1:], *low[1:], *extra]))
    if ratio is None and high and low and _central(low[0]) > 0:
        ratio = _central(high[0]) / _central(low[0])
    return Flag(
        subject=subject.key,
        label=subject.label,
        labels=subject.labels,
        claims=tuple(c.id for c in claims),
        verdict=verdict,
        ratio=round(ratio, 4) if ratio is not None else None,
        fingerprint=fingerprint(subject.key, verdict, claims),
        high=_side(high, sources),
        low=_side(low, sources),
        whole=subject.part_of,
        estimates=tuple(side for cs in estimates if (side := _side(cs, sources))),
    )


def fingerprint(subject: str, verdict: Verdict, claims: Sequence[Claim]) -> str:
    """Survives re-runs and edits elsewhere: subject, verdict, sources and figures only."""
    parts = sorted(f"{c.doc}\0{c.surface}" for c in claims)
    raw = "\n".join([subject, verdict.value, *parts])
    return hashlib.sha1(raw.encode()).hexdigest()[:16]

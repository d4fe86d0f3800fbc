"""Turn the mentions that are claims into ``Claim`` records.

Order matters and is the point of this module: neighbouring mentions are first joined
(garbles, ranges), then each claim is read for its hedge, kind and unit, and only then
for its counted thing, source and time, which all depend on where the figure ends.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from numcheck.extract import context
from numcheck.extract.endings import solid_length
from numcheck.extract.lexicon import Lexicon, UnitFallback, entry, fold
from numcheck.extract.quantulum import quantulum_parser
from numcheck.extract.scanner import Token
from numcheck.extract.unit_words import may_start_unit
from numcheck.model import Claim, Hedge, Kind
from numcheck.rulebook import Settings


@dataclass(slots=True)
class Draft:
    """A claim being assembled; becomes a frozen ``Claim`` in ``extract``."""

    start: int
    end: int
    value: float | None
    found_by: list[str]
    low: float | None = None
    high: float | None = None
    hedge: Hedge = Hedge.EXACT
    hedge_text: str | None = None
    kind: Kind = Kind.COUNT
    unit: str | None = None
    precision: float | None = None  # see ``Claim.precision``
    garbled: bool = False
    garble_reason: str | None = None
    candidate: float | None = None
    counted: str | None = None
    after: int = 0  # where the counted phrase may start
    extra: dict[str, Any] = field(default_factory=dict)


def join_neighbours(
    text: str, tokens: list[Token], lex: Lexicon, garbles: Mapping[str, Any]
) -> list[Draft]:
    """Placeholders, run-together figures and ranges become one draft each."""
    drafts: list[Draft] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        gap = text[tok.end : nxt.start] if nxt else None
        if tok.placeholder is not None:
            drafts.append(_garbled(tok, tok, None, tok.placeholder["reason"], "placeholder"))
        elif tok.too_large:
            drafts.append(_garbled(tok, tok, None, garbles["too_large"]["reason"], "too-large"))
        elif nxt is not None and gap is not None and nxt.placeholder is not None and _blank(gap):
            holder = nxt.placeholder
            guess = None
            if tok.value is not None:
                scale = float(holder["scale_after_small_number"])
                guess = tok.value * scale if tok.value < scale else tok.value
            draft = _garbled(tok, nxt, guess, holder["reason"], "placeholder/after-figure")
            draft.extra["guess_note"] = holder["guess_note"]
            drafts.append(draft)
            i += 1
        elif nxt is not None and gap is not None and _blank(gap) and _figures(tok, nxt):
            reason = garbles["run_together"]["reason"]
            drafts.append(_garbled(tok, nxt, None, reason, "run-together"))
            i += 1
        elif nxt is not None and gap is not None and (
                compound := _compound_duration(text, tok, nxt, gap, lex)) is not None:
            drafts.append(compound)  # "2 mn 30", "2 hours 30 minutes"
            i += 1
        elif (
            nxt is not None and gap is not None and not nxt.too_large
            and (lead := _range_lead(text, tok, nxt, gap, lex)) is not None
            and (bounds := _range_values(tok, nxt)) is not None
        ):
            low, high = bounds
            draft = Draft(tok.start, nxt.end, None, [tok.pattern, "range"],
                          low=low, high=high, hedge=Hedge.RANGE, hedge_text=lead or None)
            draft.after = nxt.end
            drafts.append(draft)
            i += 1
        elif nxt is not None and gap is not None and (
                joined := _rate(text, tok, nxt, gap, lex) or _hedged_pair(text, tok, nxt, gap, lex)
        ) is not None:
            drafts.append(joined)  # "80 mg/100 ml", "plus de 30 et moins de 50"
            i += 1
        else:
            draft = Draft(tok.start, tok.end, tok.value, [tok.pattern], after=tok.end,
                          precision=tok.precision)
            if tok.low is not None and tok.low == tok.high:  # "a couple of": exactly two
                draft.value = tok.low
            elif tok.low is not None:
                draft.low, draft.high, draft.hedge = tok.low, tok.high, Hedge.VAGUE
                draft.hedge_text = text[tok.start : tok.end]
                draft.extra["nominal"] = tok.nominal
            drafts.append(draft)
        i += 1
    return drafts


def _compound_duration(text: str, a: Token, b: Token, gap: str, lex: Lexicon) -> Draft | None:
    """'2 mn 30', '2 hours 30 minutes': a unit between two figures, the second a count of
    the next smaller unit, named or not."""
    m = lex.compound_unit.match(gap)
    if (m is None or a.value is None or b.value is None or b.pattern != "digits/plain"
            or b.end - b.start > 2):
        return None
    per = lex.compound_units[fold(m.group("u"))]
    if b.value >= per:
        return None
    unit = lex.durations[entry(m.group("u"))]
    end = b.end
    smaller = lex.units_after.match(text[b.end : b.end + lex.windows.second_unit_after])
    if smaller is not None and fold(smaller.group("u")) in lex.durations:
        if lex.durations[fold(smaller.group("u"))] == unit:
            return None  # "2 hours 30 hours" is no compound
        end = b.end + smaller.end()
    draft = Draft(a.start, end, a.value + b.value / per, [a.pattern, "duration/compound"],
                  kind=Kind.DURATION, unit=unit)
    draft.counted, draft.after = m.group("u"), end
    return draft


_RATE_SLASH = re.compile(r"\s?/\s?$")


def _rate(text: str, a: Token, b: Token, gap: str, lex: Lexicon) -> Draft | None:
    """'80 mg/100 ml': a quantity per so much of another, one measure of the first figure."""
    if len(gap) > 16 or "/" not in gap or a.value is None or b.value is None or b.scaled:
        return None
    unit = lex.units_after.match(gap)
    if unit is None or not _RATE_SLASH.fullmatch(gap, unit.end()):
        return None
    per = lex.units_after.match(text[b.end : b.end + lex.windows.second_unit_after])
    if per is None or entry(unit.group("u")) not in lex.units:
        return None
    per_unit = entry(per.group("u"))
    per_name = lex.units.get(per_unit) or lex.durations[per_unit]
    draft = Draft(a.start, b.end, a.value, [a.pattern, "rate/per-unit"], kind=Kind.MEASURE,
                  unit=f"{lex.units[entry(unit.group('u'))]}/{b.value:g} {per_name}")
    draft.after = b.end + per.end()
    return draft


def _hedged_pair(text: str, a: Token, b: Token, gap: str, lex: Lexicon) -> Draft | None:
    """'plus de 30 et moins de 50', 'at least 2 and at most 5': a floor and a ceiling
    hedging two figures make one interval, its ends open or closed as the hedges say."""
    if len(gap) > 24 or "\n" in gap or a.low is not None or b.low is not None:
        return None
    rest = _bare_joiner(gap, lex)
    join, _, ceiling = (rest or "").partition(" ")
    if not ceiling or join not in {j for lead, j in lex.ranges if lead}:
        return None
    high_hedge = lex.hedge_of.get(_hedge_key(ceiling.strip()))
    if high_hedge not in (Hedge.LESS_THAN, Hedge.AT_MOST):
        return None
    base = max(0, a.start - lex.windows.hedge_before)
    floor = lex.hedge_before.search(fold(text[base : a.start]))
    low_hedge = lex.hedge_of.get(_hedge_key(floor.group("h"))) if floor else None
    if floor is None or low_hedge not in (Hedge.MORE_THAN, Hedge.AT_LEAST):
        return None
    bounds = _range_values(a, b)
    if bounds is None or None in bounds:
        return None
    draft = Draft(a.start, b.end, None, [a.pattern, "range/hedged"], low=bounds[0],
                  high=bounds[1], hedge=Hedge.RANGE,
                  hedge_text=f"{text[base + floor.start('h') : a.start].strip()} … {ceiling}")
    draft.extra["open"] = (low_hedge is Hedge.MORE_THAN, high_hedge is Hedge.LESS_THAN)
    draft.after = b.end
    return draft


def _blank(gap: str) -> bool:
    return gap != "" and gap.strip() == "" and "\n" not in gap


def _figures(a: Token, b: Token) -> bool:
    return a.pattern.startswith("digits") and b.pattern.startswith("digits")


def _garbled(a: Token, b: Token, guess: float | None, reason: str, how: str) -> Draft:
    return Draft(a.start, b.end, None, [how], garbled=True, garble_reason=reason,
                 candidate=guess, after=b.end)


def _range_lead(text: str, a: Token, b: Token, gap: str, lex: Lexicon) -> str | None:
    """The lead word of a range ('entre'), '' when the joiner alone makes it, else None.

    The first figure may repeat the unit ("5% and 6%", "$10 to $15 billion"). "de 30 à
    20" after a change word ("passé de", "rose from") is a change: two figures.
    """
    if a.low is not None or b.low is not None or "\n" in gap:
        return None
    if len(gap) > lex.joiner_room and solid_length(gap) > lex.joiner_room:
        return None  # a sentence between two figures, not a joiner: no regex search over it
    joiner = _bare_joiner(gap, lex)
    if joiner is None:
        return None
    spaced_dash = joiner in ("-", "–") and gap != gap.strip()
    if spaced_dash and not (a.value is not None and b.value is not None and a.value < b.value):
        return None  # "1 – 0" is a score, "2000 - 2050" a pair of years
    before = fold(text[max(0, a.start - lex.windows.range_lead_before) : a.start]).split()
    prev = before[-1].lstrip("([«\"“'") if before else ""  # "(entre 3 et 6)"
    for lead, join in lex.ranges:
        if joiner == join and (not lead or prev == lead):
            if any(w.strip(",") in lex.change_words for w in before[-4:]):
                return None
            return lead
    return None


def _bare_joiner(gap: str, lex: Lexicon) -> str | None:
    """The joiner of a gap once a repeated percent, unit or currency is taken off."""
    rest = gap
    for pattern in (lex.percent, lex.currency_after, lex.units_after):
        if m := pattern.match(rest):
            rest = rest[m.end() :]
            break
    if m := lex.currency_before.search(rest):
        rest = rest[: m.start()]
    joiner = fold(rest.strip())
    return joiner or None


def _range_values(a: Token, b: Token) -> tuple[float | None, float | None] | None:
    """Both ends, the scale shared ("de 10 à 15 millions", "600-800 000"); None when the
    first figure is not the smaller: a score or a change, not a range."""
    low, high = a.value, b.value
    if low is None or high is None:
        return low, high
    if b.scaled and not a.scaled and low * b.scaled <= high:  # "entre 2 et 3 millions"
        low *= b.scaled
    elif 0 < low < high / 1000 and low < 1000 and "grouped" in b.pattern:  # "10-15 000"
        low *= 1000
    return (low, high) if low < high else None


def read_hedge(text: str, draft: Draft, sentence: tuple[int, int], lex: Lexicon) -> None:
    """The hedge before or after a figure, within its sentence.

    A hedge on a vague quantity applies to its figure: "plus d'une quinzaine" is
    (15, ∞), "pas moins d'une douzaine" [12, ∞).
    """
    nominal = draft.extra.get("nominal") if draft.hedge is Hedge.VAGUE else None
    if draft.hedge is not Hedge.EXACT and nominal is None:
        return
    base = max(sentence[0], draft.start - lex.windows.hedge_before)
    before = fold(text[base : draft.start])
    if money := lex.currency_before.search(before):  # "an estimated NZ $ 26 million"
        before = before[: money.start()]
    m = lex.hedge_before.search(before)
    if m and draft.found_by[0] == "fraction" and (
            _hedge_key(m.group("h")) in lex.fraction_not_hedged_by):
        m = None  # "dans les trois quarts des cas": the share's own article
    if m:
        if nominal is not None:
            draft.value, draft.low, draft.high = nominal, None, None
        draft.hedge = lex.hedge_of[_hedge_key(m.group("h"))]
        draft.hedge_text = text[base + m.start("h") : draft.start].strip()
        draft.found_by.append(f"hedge/{draft.hedge.value}")
        return
    if nominal is not None:
        return
    for pos in (draft.end, draft.after, _after_first_word(text, draft.after)):
        m = lex.hedge_after.match(
            fold(text[pos : min(pos + lex.windows.hedge_after, sentence[1])]))
        if m:
            draft.hedge = lex.hedge_of["after:" + re.sub(r"\s+", " ", m.group("h"))]
            draft.hedge_text = m.group("h")
            draft.found_by.append(f"hedge/{draft.hedge.value}-after")
            return


_FIRST_WORD = re.compile(r"\s*[\w'’-]+")
# between a figure with its unit and its conversion: "about 500 miles (800 km)"
_CONVERSION_GAP = re.compile(r"\s*(?:[^\W\d_][\w./°²³-]*\s*){1,3}\(\s*")


def restated_hedge(text: str, draft: Draft, previous: Claim | None, lex: Lexicon) -> None:
    """'about 500 miles (800 km)', 'plus de 2 000 ha (4 900 acres)': a conversion in
    parentheses restates the figure before it, hedge included."""
    if (previous is None or draft.hedge is not Hedge.EXACT or draft.kind is not previous.kind
            or draft.kind not in (Kind.MEASURE, Kind.MONEY)
            or previous.hedge in (Hedge.EXACT, Hedge.RANGE, Hedge.VAGUE)
            or previous.unit == draft.unit
            or draft.start - previous.end > lex.windows.conversion_gap
            or not _CONVERSION_GAP.fullmatch(text, previous.end, draft.start)):
        return
    draft.hedge, draft.hedge_text = previous.hedge, previous.hedge_text
    draft.found_by.append(f"hedge/{draft.hedge.value}-restated")


def _hedge_key(phrase: str) -> str:
    """'plus d'' is 'plus de' elided; 'more than a' is 'more than' before an article."""
    return re.sub(r"\s+", " ", phrase)


def _after_first_word(text: str, pos: int) -> int:
    m = _FIRST_WORD.match(text, pos)  # never text[pos:]: a copy of the rest per figure
    return m.end() if m else pos


def read_kind(text: str, draft: Draft, lex: Lexicon) -> None:
    if "duration/compound" in draft.found_by or "rate/per-unit" in draft.found_by:
        return  # "2 mn 30", "80 mg/100 ml": read when joined
    after = text[draft.end : draft.end + lex.windows.unit_after]
    if draft.found_by[0] == "fraction" and (m := lex.fraction_duration.match(after)):
        # "half an hour", "trois quarts d'heure": a part of the unit, not a share
        draft.kind, draft.unit = Kind.DURATION, lex.durations[entry(m.group("u"))]
        draft.value = draft.value / 100 if draft.value is not None else None
        draft.counted, draft.after = m.group("u"), draft.end + m.end()
    elif draft.found_by[0] == "fraction":  # "la moitié", "two-thirds": a share
        draft.kind, draft.unit = Kind.PERCENT, "%"
    elif m := lex.scaled_currency.match(after):
        draft.kind, draft.unit = Kind.MONEY, lex.scaled_currencies[m.group("s")][1]
        draft.after = draft.end + m.end()
    elif m := lex.percent.match(after):
        draft.kind, draft.unit, draft.after = Kind.PERCENT, "%", draft.end + m.end()
    elif m := lex.currency_after.match(after):
        draft.kind, draft.unit = Kind.MONEY, lex.currencies[entry(m.group("c"))]
        draft.after = draft.end + m.end()
    elif m := lex.currency_before.search(
            text[max(0, draft.start - lex.windows.currency_before) : draft.start]):
        draft.kind, draft.unit = Kind.MONEY, lex.currencies[entry(m.group("c"))]
    elif m := lex.unit_before.search(
            text[max(0, draft.start - lex.windows.unit_before) : draft.start]):
        draft.kind, draft.unit = Kind.MEASURE, lex.units_before[fold(m.group("u"))]
    elif m := lex.units_after.match(after):
        word = entry(m.group("u"))
        if word in lex.durations:
            draft.kind, draft.unit = Kind.DURATION, lex.durations[word]
            draft.counted = m.group("u")
        else:
            draft.kind, draft.unit = Kind.MEASURE, lex.units[word]
        draft.after = draft.end + m.end()
        if draft.value is not None and (half := lex.half_words.match(text, draft.after)):
            draft.value += 0.5  # "trois siècles et demi", "two hours and a half"
            draft.after = half.end()
    elif lex.unit_fallback is not None and not draft.garbled:
        _fallback_unit(text, draft, lex, lex.unit_fallback)


def _fallback_unit(text: str, draft: Draft, lex: Lexicon, fallback: UnitFallback) -> None:
    """The language's ``unit_fallback`` parser (quantulum3, the one parser known) knows
    far more units than our list; ask it about this figure only."""
    reach = lex.windows.fallback_unit_after
    nxt = re.match(r"\s?([^\W\d_][\w-]*)", text[draft.end : draft.end + reach])
    if not nxt or fold(nxt.group(1)) in lex.stopwords:
        return
    if re.search(r"\d[^\W\d_]+$", text[draft.start : draft.end]):
        return  # "175k troops": the suffix was a scale, quantulum would read kilobytes
    unit_text = text[draft.end + nxt.start(1) : draft.end + lex.windows.unit_name_after]
    if not may_start_unit(unit_text, fallback):
        return  # no quantulum3 unit starts with this word: skip a costly parse
    # quantulum3 is asked about a stand-in figure and a bounded tail, never the text's own
    # digits: its regexes backtrack for seconds over a long digit run ("1…1 feet").
    tail = text[draft.end : draft.end + reach].split("\n")[0]
    found = _quantulum_unit(_STAND_IN + tail, fallback.lang)
    if found is not None:
        entity, unit, end = found
        draft.kind = Kind.DURATION if entity == "time" else Kind.MEASURE
        draft.unit = unit
        draft.after = draft.end + max(0, end - len(_STAND_IN))
        draft.found_by.append("unit/quantulum3")


_STAND_IN = "2"


@functools.lru_cache(maxsize=4096)
def _quantulum_unit(window: str, lang: str) -> tuple[str, str, int] | None:
    """(entity, unit name, end) of the quantity quantulum3 reads at the start of ``window``."""
    quantities = list(quantulum_parser().parse(window, lang=lang))
    for quantity in quantities[:1]:
        entity = quantity.unit.entity.name
        if quantity.span[0] == 0 and entity not in ("dimensionless", "unknown", "currency"):
            return str(entity), str(quantity.unit.name), int(quantity.span[1])
    return None


def interval(draft: Draft, settings: Settings) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low_open, high_open) for a draft's hedge; None is unbounded."""
    low, high, low_open, high_open = _interval(draft, settings)
    return _tidy(low, draft.value, -1), _tidy(high, draft.value, 1), low_open, high_open


def _tidy(x: float | None, value: float | None, side: int) -> float | None:
    """175 000 × 1.1 is 192 500, not 192 500.00000000003; a bound that is the figure
    itself stays exact, and rounding never crosses the figure: low ≤ value ≤ high."""
    if x is None or x == value:
        return x
    tidy = float(f"{x:.12g}")
    if value is not None and (tidy - value) * side < 0:
        return x
    return tidy


def _interval(draft: Draft, settings: Settings) -> tuple[float | None, float | None, bool, bool]:
    v = draft.value
    h = draft.hedge
    if draft.garbled or h in (Hedge.RANGE, Hedge.VAGUE):
        low_open, high_open = draft.extra.get("open", (False, False))
        return draft.low, draft.high, low_open, high_open
    assert v is not None
    floor = 0.0 if v >= 0 else None  # "moins de 5" is [0, 5); "below -5 °C" has no floor
    if h is Hedge.APPROX:
        band = abs(v) * settings.approx_band
        return v - band, v + band, False, False
    if h is Hedge.NEARLY:  # just short of the figure's size, on either side of zero
        near = v * (1 - settings.nearly_band)
        return min(near, v), max(near, v), False, False
    if h is Hedge.MORE_THAN:
        return v, None, True, False
    if h is Hedge.AT_LEAST:
        return v, None, False, False
    if h is Hedge.LESS_THAN:
        return floor, v, False, True
    if h is Hedge.AT_MOST:
        return floor, v, False, False
    return v, v, False, False


_COMPOUND_HEAD = re.compile(r"-([^\W\d_]{2,})(?![\w-])")  # "six-storey": storey


def _is_base(counted: str, lex: Lexicon) -> bool:
    """"du PIB", "of GDP": the phrase after a percent names its base."""
    words = fold(counted).split()
    while words and words[0] in lex.noun_connectors:
        words.pop(0)
    return any(" ".join(words[:n]) in lex.percent_bases for n in range(1, len(words) + 1))


def _lead_start(draft: Draft) -> int:
    """Where the figure's own words begin: before its hedge ("de près de 4 %")."""
    hedged = draft.hedge_text is not None and draft.hedge is not Hedge.VAGUE
    return max(0, draft.start - (len(draft.hedge_text or "") + 1 if hedged else 0))


def read_counted(text: str, draft: Draft, lex: Lexicon) -> None:
    if draft.counted is None and draft.kind is Kind.COUNT:
        # a figure hyphened to a noun modifies what follows ("a six-storey block"): it
        # counts that noun, never a neighbour's people ("eight people … six-storey")
        compound = _COMPOUND_HEAD.match(text, draft.after)
        if compound is not None:
            draft.counted = compound.group(1)
            draft.found_by.append("counted/compound")
    if draft.counted is None:
        draft.counted = context.counted_after(text, draft.after, lex)
    if draft.kind is Kind.PERCENT and draft.counted and _is_base(draft.counted, lex):
        draft.counted = context.measured_before(text, _lead_start(draft), lex)
        draft.found_by.append("counted/share-of-base")
    if draft.counted is None and draft.kind is Kind.COUNT:
        draft.counted = context.counted_before(text, _lead_start(draft), lex)
        if draft.counted:
            draft.found_by.append("counted/before")

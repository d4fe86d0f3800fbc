"""Rules data for one language, compiled once into the regexes and sets the scanner uses.

All language knowledge comes from ``rules/languages/<lang>.yaml``; this module only
turns word lists into matchers, so a newsroom can extend a list without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from numcheck.extract.endings import Ending, longest
from numcheck.extract.letters import compiled
from numcheck.extract.wordtree import alternation, first_characters
from numcheck.model import Hedge
from numcheck.schemas.rules import Windows


def fold(text: str) -> str:
    """Lower-case with typographic apostrophes made plain, keeping string length.

    Called on a window around nearly every figure: ``str.translate`` with a mapping
    costs a dictionary lookup per character, ``str.replace`` a scan in C, so the
    apostrophes are replaced only when present.
    """
    if "’" in text or "ʼ" in text or "‘" in text:
        text = text.replace("’", "'").replace("ʼ", "'").replace("‘", "'")
    return text.lower()


def entry(matched: str) -> str:
    """The word-list key of matched text: a listed 'US $' or 'sq km' matches any run of
    spaces or a line break between its words ('$\nUS' raised KeyError)."""
    return re.sub(r"\s+", " ", fold(matched))


def _bounded(words: Iterable[str]) -> str:
    """Word-bounded alternation that also works for symbols such as '%' or '€'."""
    words = list(words)
    return rf"{first_characters(words)}(?<![\w])(?:{alternation(words)})(?![\w])"


@dataclass(frozen=True)
class Lexicon:
    lang: str
    raw: Mapping[str, Any]
    digits: re.Pattern[str]
    words: re.Pattern[str]
    vague: re.Pattern[str]
    vague_bounds: Mapping[str, tuple[float, float]]
    scale_after: re.Pattern[str]
    scale_words: Mapping[str, float]
    scale_suffixes: Mapping[str, float]
    hedge_before: Ending
    hedge_after: re.Pattern[str]
    hedge_of: Mapping[str, Hedge]
    dates: re.Pattern[str]
    times: re.Pattern[str]
    spelled_time: re.Pattern[str]
    ordinal: re.Pattern[str]
    percent: re.Pattern[str]
    percent_phrase: re.Pattern[str]
    currency_after: re.Pattern[str]
    currency_before: Ending
    unit_before: Ending  # "magnitude 6.8"
    units_before: Mapping[str, str]
    currencies: Mapping[str, str]
    units_after: re.Pattern[str]
    units: Mapping[str, str]
    unit_fallback: UnitFallback | None
    durations: Mapping[str, str]
    compound_unit: re.Pattern[str]
    scaled_currency: re.Pattern[str]
    scaled_currencies: Mapping[str, tuple[float, str]]
    compound_units: Mapping[str, int]
    time_expressions: re.Pattern[str]
    month_numbers: Mapping[str, int]
    boilerplate: tuple[re.Pattern[str], ...]
    attribution_marker: re.Pattern[str]
    attribution_verb: re.Pattern[str]
    leading_noise: re.Pattern[str]
    apposition_heads: frozenset[str]
    percent_bases: frozenset[str]
    percent_measured: re.Pattern[str]  # "un déficit de " before a share of a base
    not_reporting_after: frozenset[str]
    trailing_noise: re.Pattern[str]
    stopwords: frozenset[str]
    verb_suffixes: tuple[str, ...]
    noun_connectors: frozenset[str]
    phrase_word: re.Pattern[str]  # an elided connector ('d'') in group 1, else a word in 2
    counted_before: re.Pattern[str]
    participle_endings: tuple[str, ...]
    noun_head: str
    plural_endings: tuple[str, ...]
    plural_exceptions: tuple[str, ...]
    plural_min_length: int
    lemmatizer: str | None  # simplemma's language code
    section_headers: tuple[re.Pattern[str], ...]
    anaphora: frozenset[str]
    anaphoric_determiners: frozenset[str]
    anaphoric_pair_articles: frozenset[str]
    anaphora_selection: frozenset[str]
    article_numerals: frozenset[str]
    homograph_numerals: frozenset[str]
    homograph_count_after: frozenset[str]
    year_context: frozenset[str]
    abbreviations: frozenset[str]
    detect: frozenset[str]
    ranges: tuple[tuple[str, str], ...]
    decimal: str
    vague_values: Mapping[str, float]
    fractions: re.Pattern[str]
    fraction_values: Mapping[str, float]
    fraction_exclude: frozenset[str]
    fraction_duration: re.Pattern[str]
    fraction_ordinals: frozenset[str]
    fraction_not_hedged_by: frozenset[str]
    half_words: re.Pattern[str]
    units_exact: frozenset[str]
    ages: AgeRules
    identifiers: tuple[re.Pattern[str], ...]
    label_heads: frozenset[str]
    label_gap: frozenset[str]
    number_signs: frozenset[str]
    score_joiners: re.Pattern[str]
    pair_joiners: frozenset[str]  # what joins two figures: range and date-range joiners
    range_end: re.Pattern[str]  # "- 2500", "à 2000": a range's far end after a figure
    label_verb_subjects: frozenset[str]
    score_words: frozenset[str]
    change_words: frozenset[str]
    years: YearRules
    year_lead_strong: Ending
    decade_lead: frozenset[str]
    decade_suffix: re.Pattern[str]  # '1960s', "1960's"
    short_decade_suffix: re.Pattern[str]  # "'90's"
    year_determiners: frozenset[str]
    year_nouns: frozenset[str]
    irregular_plurals: frozenset[str]
    irregular_endings: tuple[str, ...]
    hedge_words: frozenset[str]
    one: OneRules
    relative_periods: Mapping[str, tuple[str, int]]
    relative_time: re.Pattern[str]
    joiner_room: int
    number_words: frozenset[str]
    range_joiners: frozenset[str]
    idioms: re.Pattern[str]
    direction: re.Pattern[str]
    direction_of: Mapping[str, str]
    windows: Windows  # characters read around a figure, per check


@dataclass(frozen=True)
class UnitFallback:
    """Compiled 'unit_fallback' rules: the parser, its language code, and the singulars
    of a plural unit word (ending → its singular endings; inner letters → theirs)."""

    parser: str
    lang: str
    singular_endings: tuple[tuple[str, tuple[str, ...]], ...]
    singular_inner: tuple[tuple[str, str], ...]

    def singulars(self, word: str) -> tuple[str, ...]:
        """Every candidate singular of ``word`` (the word itself is the caller's)."""
        out = [word[: len(word) - len(end)] + single for end, singles in self.singular_endings
               if word.endswith(end) for single in singles]
        out += [word.replace(inner, single) for inner, single in self.singular_inner
                if inner in word]
        return tuple(out)


def _unit_fallback(raw: Mapping[str, Any]) -> UnitFallback:
    return UnitFallback(
        parser=str(raw["parser"]),
        lang=str(raw["lang"]),
        singular_endings=tuple((end, tuple(singles))
                               for end, singles in raw["singular_endings"].items()),
        singular_inner=tuple(raw["singular_inner"].items()),
    )


@dataclass(frozen=True)
class YearRules:
    """Compiled 'years' rules: the spans (inclusive) of figures read as years."""

    plain: tuple[int, int]
    dated: re.Pattern[str]  # a year in a time scope, in group 1
    after_lead: tuple[int, int]
    attributive: tuple[int, int]
    attributive_plural_from: int
    digits: str  # a regex alternation of the 'plain' years
    span_before: re.Pattern[str]  # '1971-' ending the text before a figure: a span's end

    def is_plain(self, value: float) -> bool:
        return self.plain[0] <= value <= self.plain[1]


def number_range(low: int, high: int) -> str:
    """A regex alternation matching the whole numbers ``low``–``high`` written without
    leading zeros ('1[89]\\d\\d|20\\d\\d|2100' for 1800–2100); the caller bounds it."""
    pieces: list[str] = []
    for width in range(len(str(low)), len(str(high)) + 1):
        first, last = max(low, 10 ** (width - 1) if width > 1 else 0), min(high, 10**width - 1)
        if first <= last:
            pieces += _same_width(str(first), str(last))
    return "|".join(pieces)


def _same_width(low: str, high: str) -> list[str]:
    if low == high:
        return [low]
    if len(low) == 1:
        return [f"[{low}-{high}]"]
    if low[0] == high[0]:
        return [low[0] + rest for rest in _same_width(low[1:], high[1:])]
    rest = len(low) - 1
    out: list[str] = []
    lead_low, lead_high = int(low[0]), int(high[0])
    if low[1:] != "0" * rest:
        out += [low[0] + tail for tail in _same_width(low[1:], "9" * rest)]
        lead_low += 1
    tails: list[str] = []
    if high[1:] != "9" * rest:
        tails = [high[0] + tail for tail in _same_width("0" * rest, high[1:])]
        lead_high -= 1
    if lead_low <= lead_high:
        lead = str(lead_low) if lead_low == lead_high else f"[{lead_low}-{lead_high}]"
        out.append(lead + r"\d" * rest)
    return out + tails


def _years(raw: Mapping[str, Any]) -> YearRules:
    dated = number_range(*raw["dated"])
    plain = number_range(*raw["plain"])
    return YearRules(
        plain=(int(raw["plain"][0]), int(raw["plain"][1])),
        dated=re.compile(rf"(?<!\d)({dated})(?!\d)"),
        after_lead=(int(raw["after_lead"][0]), int(raw["after_lead"][1])),
        attributive=(int(raw["attributive"][0]), int(raw["attributive"][1])),
        attributive_plural_from=int(raw["attributive_plural_from"]),
        digits=plain,
        span_before=re.compile(rf"(?<!\d)(?:{plain})(?:[-–/]\d\d)*[-–/]$"),
    )


@dataclass(frozen=True)
class AgeRules:
    """Compiled 'ages' rules: regexes over the folded text around a figure."""

    before: Ending
    before_alone: Ending
    after: re.Pattern[str]
    person: Ending
    person_words: frozenset[str]  # folded; 'the suspect, 19,' is an apposed age
    years: re.Pattern[str]
    apposition: bool
    titled: re.Pattern[str]  # a capitalised noun before "de N ans" (a demonym), unfolded text
    at: Ending


@dataclass(frozen=True)
class OneRules:
    """Compiled 'one_words' rules: when the word for one counts."""

    words: frozenset[str]
    counts_by_default: bool
    nouns: frozenset[str]
    alone: frozenset[str]
    events: frozenset[str]
    window: int
    auxiliaries: frozenset[str]
    pronoun_before: frozenset[str]
    pronoun_after: frozenset[str]
    count_before: frozenset[str]
    count_after: frozenset[str]
    list_joiners: frozenset[str]
    ordinal_homographs: frozenset[str]
    partitive_before: frozenset[str]
    article_after: frozenset[str]


def compile_lexicon(lang: str, raw: Mapping[str, Any]) -> Lexicon:
    decimal = raw["decimal_separator"]
    # Any run of digits joined by separators; ``figures.read_digits`` decides what it says.
    # The pattern starts with its first digit (``(?<!\d\d)`` then says no digit precedes
    # it), not with a look-behind: re then skips from digit to digit in C instead of
    # trying the pattern at every character of the text.
    # Blanks and apostrophes ("10'000") only ever group; '.' and ',' are read per figure.
    spaces = "".join(re.escape(g) for g in raw["group_separators"] if g not in ".,")
    spaced = rf"\d{{0,2}}(?:[{spaces}]\d{{3}})+(?!\d)|" if spaces else ""
    digits = re.compile(rf"\d(?<!\d\d)(?:{spaced}\d*)(?:[.,]\d+)*")

    number_words = alternation(raw["number_words"])
    joiners = alternation(raw["number_joiners"])
    ordinals = alternation(raw["compound_ordinals"]) or "(?!x)x"
    words = compiled(
        rf"{first_characters(raw['number_words'])}(?<![\w-])(?:{number_words})"
        rf"(?:(?:-|\s+|\s+(?:{joiners})\s+|-(?:{joiners})-)"
        # "two-day", "three-nation": a compound modifier ends the number at its hyphen
        # ("vingt-et-unième" and "les Cent-Jours" are no such compound)
        rf"(?:{number_words}))*(?![\w])"
        rf"(?!-(?:{number_words}|{joiners}-|{ordinals}|(?-i:[{{CAP}}])))",
        re.IGNORECASE,
    )
    vague_bounds = {fold(v["text"]): (float(v["low"]), float(v["high"])) for v in raw["vague"]}
    scales = {fold(k): float(v) for k, v in raw["scales"].items()}
    hedge_of: dict[str, Hedge] = {}
    before: list[str] = []
    after: list[str] = []
    for name, where in raw["hedges"].items():
        for phrase in where["before"]:
            hedge_of[fold(phrase)] = Hedge(name)
            before.append(fold(phrase))
        for phrase in where["after"]:
            hedge_of["after:" + fold(phrase)] = Hedge(name)
            after.append(fold(phrase))
    months = alternation(raw["months"])
    weekdays = alternation(raw["weekdays"])
    joiners = alternation(raw["date_range_joiners"])
    suffix = alternation(raw["day_suffixes"])
    suffix = f"(?:{suffix})?" if suffix else ""
    day = rf"\d{{1,2}}{suffix}"
    stop = alternation(raw["stopwords"])
    clocks = "|".join(f"(?:{p})" for p in raw["clock_patterns"]) or "(?!x)x"
    dates = re.compile(
        # "du 23 au 26 avril", "May 3-5", "vendredi 28" (no noun counted after the day, no
        # clock time starting at it: "samedi 14 h")
        rf"{first_characters(raw['months'], raw['weekdays'], digits=True)}"
        rf"(?<![\w])(?:{day}\s*(?:{joiners})\s*{day}\s+(?:{months})(?![\w])"
        rf"|(?:{months})\.?\s+{day}\s*(?:{joiners})\s*{day}(?![\w])"
        rf"|(?:{weekdays})\s+(?!{clocks}){day}(?!\s*(?:%|:|\d))"
        rf"(?!\s+(?!(?:{stop})(?![\w]))[^\W\d_]{{3,}})"
        rf"|(?P<day>\d{{1,2}}){suffix}\s+(?:{months})\.?"
        rf"(?:\s+(?P<y1>\d{{4}}))?|(?:{months})\.?\s+(?P<day2>\d{{1,2}}){suffix}"
        rf"(?:,?\s+(?P<y2>\d{{4}}))?|(?:{months})\s+(?P<y3>\d{{4}})"
        r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\w])",
        re.IGNORECASE,
    )
    markers = alternation(raw["time_markers"])
    leads = alternation(raw["time_lead"])
    hours = alternation(w for w, unit in raw["durations"].items() if unit == "hour")
    clocks_digit_led = all(p.startswith("\\d") for p in raw["clock_patterns"])
    times = re.compile(
        # the look-ahead only when every clock pattern starts with a digit (rules may not)
        rf"{first_characters(raw['time_lead'], digits=True) if clocks_digit_led else ''}"
        rf"(?<![\w])(?:{clocks}"
        rf"|\d{{1,2}}\s?(?:{markers})(?![\w])|(?:{leads})\s+\d{{1,2}}\s+(?:{hours})"
        r"(?:\s+\d{2})?)",
        re.IGNORECASE,
    )
    ordinal = re.compile(rf"(?:{alternation(raw['ordinal_suffixes'])})(?![\w])")
    currencies = {fold(k): v for k, v in raw["currencies"].items()}
    symbols = alternation(k for k in raw["currencies"] if not re.search(r"[^\W\d_]", k))
    units = {fold(k): v for k, v in raw["units"].items()}
    durations = {fold(k): v for k, v in raw["durations"].items()}
    relatives = [*raw["relative_times"], *raw["relative_periods"]]
    relative = alternation(relatives)
    year_lead = alternation(raw["year_context"])
    years = _years(raw["years"])
    time_expressions = re.compile(
        rf"{first_characters(raw['year_context'], raw['weekdays'], relatives, digits=True)}"
        rf"(?<![\w])(?:(?:(?:{year_lead})\s+)?(?:\d{{1,2}}\s+(?:{months})\.?\s+)?"
        rf"(?:{years.digits})"
        rf"|(?:{year_lead})\s+(?:{months})(?:\s+\d{{4}})?"
        rf"|(?:{weekdays})|(?:{relative}))(?![\w])",
        re.IGNORECASE,
    )
    attribution = raw["attribution"]
    pairs = [fold(w) for w in [*(r["join"] for r in raw["ranges"]), *raw["date_range_joiners"]]]
    linked = _linked(raw["noun_connectors"])
    articles = [fold(a) for a in raw["article_numerals"]]
    direction, direction_of = _directions(raw["directions"])
    return Lexicon(
        lang=lang,
        raw=raw,
        digits=digits,
        words=words,
        vague=re.compile(_bounded(vague_bounds), re.IGNORECASE),
        vague_bounds=vague_bounds,
        scale_after=re.compile(
            rf"\s*(?:(?P<word>{alternation(scales)})(?![\w])"
            rf"|(?<=\d)(?P<suffix>{alternation(raw['scale_suffixes'])})(?![\w]))"
            # "3 Md€", "2 M$": a spaced suffix is a scale only when a currency sign follows
            rf"|(?<=\d)\s(?P<spaced>{alternation(raw['scale_suffixes'])})(?=\s?(?:{symbols}))",
            re.IGNORECASE,
        ),
        scale_words=scales,
        scale_suffixes={fold(k): float(v) for k, v in raw["scale_suffixes"].items()},
        # "more than a million": an article may stand between the hedge and the figure
        hedge_before=Ending.compile(
            rf"(?<![\w])(?P<h>{alternation(before)})(?:\s+(?:{alternation(articles)}))?\s*$",
            [*before, *articles]),
        hedge_after=re.compile(rf"^\s*,?\s*(?P<h>{alternation(after)})(?![\w])")
        if after
        else re.compile(r"(?!x)x"),
        hedge_of=hedge_of,
        dates=dates,
        times=times,
        # "onze heures du soir", "eleven o'clock": a spelled hour before a marker word
        spelled_time=re.compile(
            rf"\s+(?:{alternation(m for m in raw['time_markers'] if len(m) > 2) or '(?!x)x'})"
            r"(?![\w])", re.IGNORECASE),
        ordinal=ordinal,
        percent=re.compile(rf"^\s?(?:{alternation(raw['percent'])})(?![\w])", re.IGNORECASE),
        percent_phrase=re.compile(_bounded(raw["percent"]), re.IGNORECASE),
        currency_after=re.compile(
            rf"^\s?(?:(?:{linked})?(?P<c>{alternation(currencies)}))(?![\w])", re.IGNORECASE
        ),
        unit_before=Ending.compile(
            rf"(?<![\w])(?P<u>{alternation(raw['units_before']) or '(?!x)x'})\s?$",
            raw["units_before"], re.IGNORECASE),
        units_before={fold(k): v for k, v in raw["units_before"].items()},
        currency_before=Ending.compile(rf"(?P<c>{alternation(currencies)})\s?$", currencies,
                                       re.IGNORECASE),
        currencies=currencies,
        units_after=re.compile(
            # "l'an" is no litre: a unit letter before an apostrophe is an elided article
            rf"^(?:\s?|-)(?P<u>{_any_apostrophe(alternation([*units, *durations]))})(?![\w'’])",
            re.IGNORECASE
        ),
        units=units,
        unit_fallback=_unit_fallback(raw["unit_fallback"]) if raw["unit_fallback"] else None,
        durations=durations,
        compound_unit=re.compile(
            rf"^\s?(?P<u>{alternation(raw['compound_units']) or '(?!x)x'})\s?$", re.IGNORECASE),
        compound_units={fold(k): int(v) for k, v in raw["compound_units"].items()},
        # "100 MEUR", "18,5 ME": a scale and a currency in one suffix, in its own case
        scaled_currency=re.compile(
            rf"\s?(?P<s>{alternation(raw['scaled_currencies']) or '(?!x)x'})(?![\w])"),
        scaled_currencies={k: (float(v["scale"]), str(v["currency"]))
                           for k, v in raw["scaled_currencies"].items()},
        time_expressions=time_expressions,
        month_numbers={fold(k): int(v) for k, v in raw["months"].items()},
        boilerplate=tuple(re.compile(p, re.IGNORECASE) for p in raw["boilerplate"]),
        attribution_marker=re.compile(
            rf"(?<![\w])(?:{alternation(attribution['markers'])})\s+", re.IGNORECASE
        ),
        attribution_verb=re.compile(
            rf"(?<![\w])(?:{alternation(attribution['verbs'])})(?![\w])", re.IGNORECASE
        ),
        leading_noise=re.compile(
            rf"^(?:(?:{alternation(attribution['leading_noise'])})\s+)+", re.IGNORECASE
        ),
        apposition_heads=frozenset(fold(w) for w in attribution["apposition_heads"]),
        percent_bases=frozenset(fold(w) for w in raw["percent_bases"]),
        percent_measured=re.compile(
            rf"(?P<np>(?:[^\W\d_][\w'’-]*[ \t]+)?[^\W\d_][\w'’-]*)[ \t]+"
            rf"(?:{alternation(raw['percent_base_markers']) or '(?!x)x'})[ \t]*$",
            re.IGNORECASE),
        not_reporting_after=frozenset(fold(w) for w in attribution["not_after"]),
        trailing_noise=re.compile(
            rf"(?<!\S)(?:(?:{alternation(attribution['trailing_noise'])})(?:\s+|$))+$"
            if attribution["trailing_noise"] else r"(?!)", re.IGNORECASE
        ),
        stopwords=frozenset(fold(w) for w in raw["stopwords"]),
        verb_suffixes=tuple(raw["verb_suffixes"]),
        noun_connectors=frozenset(fold(w) for w in raw["noun_connectors"]),
        phrase_word=re.compile(
            rf"[ \t\u00a0\u202f\u2009]*(?:({_elided(raw['noun_connectors'])})"
            r"|([^\W\d_][\w'’-]*))"),
        counted_before=re.compile(
            rf"(?P<np>(?:[^\W\d_][\w'’-]*[ \t]+)?[^\W\d_][\w'’-]*)[ \t]+"
            rf"(?:{alternation(raw['counted_before_markers']) or '(?!x)x'})[ \t]+$",
            re.IGNORECASE,
        ),
        participle_endings=tuple(raw["participle_endings"]),
        noun_head=raw["noun_head"],
        plural_endings=tuple(raw["plural_endings"]),
        plural_exceptions=tuple(fold(w) for w in raw["plural_exceptions"]),
        plural_min_length=int(raw["plural_min_length"]),
        lemmatizer=raw["lemmatizer"]["lang"] if raw["lemmatizer"] else None,
        section_headers=tuple(re.compile(p, re.IGNORECASE) for p in raw["section_headers"]),
        anaphora=frozenset(fold(w) for w in raw["anaphora"]),
        anaphoric_determiners=frozenset(fold(w) for w in raw["anaphoric_determiners"]),
        anaphoric_pair_articles=frozenset(fold(w) for w in raw["anaphoric_pair_articles"]),
        anaphora_selection=frozenset(fold(w) for w in raw["anaphora_selection"]),
        article_numerals=frozenset(fold(w) for w in raw["article_numerals"]),
        homograph_numerals=frozenset(fold(w) for w in raw["homograph_numerals"]),
        homograph_count_after=frozenset(fold(w) for w in raw["homograph_count_after"]),
        year_context=frozenset(fold(w) for w in raw["year_context"]),
        abbreviations=frozenset(fold(w) for w in raw["abbreviations"]),
        detect=frozenset(fold(w) for w in raw["detect"]),
        ranges=tuple((fold(r["lead"]), fold(r["join"])) for r in raw["ranges"]),
        decimal=decimal,
        vague_values={fold(v["text"]): float(v.get("value", v["low"])) for v in raw["vague"]},
        fractions=re.compile(_bounded(raw["fractions"]["words"]), re.IGNORECASE),
        fraction_values={fold(k): float(v) for k, v in raw["fractions"]["words"].items()},
        fraction_exclude=frozenset(fold(w) for w in raw["fractions"]["exclude_before"]),
        fraction_duration=re.compile(
            rf"^\s*(?:(?:{alternation(raw['fractions']['duration_links'])})\s*)?"
            rf"(?P<u>{alternation(durations)})(?![\w])", re.IGNORECASE),
        fraction_ordinals=frozenset(fold(w) for w in raw["fractions"]["ordinal_before_noun"]),
        fraction_not_hedged_by=frozenset(
            re.sub(r"\s+", " ", fold(w)) for w in raw["fractions"]["not_hedged_by"]),
        half_words=re.compile(rf"\s+(?:{alternation(raw['half_words']) or '(?!x)x'})(?![\w])",
                              re.IGNORECASE),
        units_exact=frozenset([*raw["units"], *raw["durations"]]),
        ages=_ages(raw["ages"], raw["noun_connectors"], pairs),
        identifiers=_identifiers(raw["identifiers"]),
        label_heads=frozenset(fold(w) for w in raw["identifiers"]["before"]),
        label_gap=frozenset(fold(w) for w in raw["identifiers"]["gap"]),
        number_signs=frozenset(fold(w) for w in raw["identifiers"]["number_signs"]),
        score_joiners=re.compile(
            rf"\s+(?:{alternation(fold(w) for w in raw['score_joiners']) or '(?!x)x'})\s+"),
        pair_joiners=frozenset(pairs),
        range_end=re.compile(
            rf"\s*(?:{alternation(pairs) or '(?!x)x'})\s*\d[\d\s.,]*?(?=\s*[^\W\d_])"),
        label_verb_subjects=frozenset(fold(w) for w in raw["identifiers"]["verb_subjects"]),
        score_words=frozenset(fold(w) for w in raw["score_words"]),
        change_words=frozenset(fold(w) for w in raw["change_words"]),
        years=years,
        year_lead_strong=_ending(raw["year_lead_strong"]),
        decade_lead=frozenset(fold(w) for w in raw["decade_lead"]),
        decade_suffix=_suffix(raw["decade_suffixes"]),
        short_decade_suffix=_suffix(raw["short_decade_suffixes"]),
        year_determiners=frozenset(fold(w) for w in raw["year_determiners"]),
        year_nouns=frozenset(fold(w) for w in raw["year_nouns"]),
        irregular_plurals=frozenset(fold(w) for w in raw["irregular_plurals"]),
        irregular_endings=tuple(fold(w) for w in raw["irregular_plurals"] if len(w) > 4),
        hedge_words=frozenset(w for phrase in [*before, *after] for w in phrase.split()),
        one=_one(raw["one_words"]),
        relative_periods=_relative(raw["relative_periods"]),
        relative_time=re.compile(_bounded(fold(w) for w in raw["relative_periods"])),
        joiner_room=_joiner_room(raw),
        number_words=frozenset(fold(w) for w in raw["number_words"]),
        range_joiners=frozenset(fold(r["join"]) for r in raw["ranges"]),
        direction=direction,
        direction_of=direction_of,
        idioms=re.compile(_bounded(raw["idioms"]) if raw["idioms"] else "(?!x)x", re.IGNORECASE),
        windows=Windows.model_validate(raw["windows"]),
    )


def _any_apostrophe(pattern: str) -> str:
    """Units are listed folded ("sur l'échelle de richter"); the text may write ’."""
    return pattern.replace("'", "['’]")


def _joiner_room(raw: Mapping[str, Any]) -> int:
    """The most non-blank characters the text between a range's two figures can hold:
    a repeated percent, currency or unit ('5% and 6%', '$10 to $15'), the joiner, and a
    currency before the second figure. A longer gap joins nothing, and is not searched."""
    currency = longest(fold(w) for w in raw["currencies"])  # listed as folded
    units = longest(fold(w) for w in [*raw["units"], *raw["durations"]])
    # '5 millions de dollars': a connector may stand between a figure and its currency
    connector = longest(fold(w) for w in raw["noun_connectors"])
    repeated = max(longest(raw["percent"]), connector + currency, len("-") + units)
    return repeated + longest(fold(r["join"]) for r in raw["ranges"]) + currency


def _directions(raw: Mapping[str, Any]) -> tuple[re.Pattern[str], dict[str, str]]:
    """'word (link)?' ending the text before a figure, and the direction of each word."""
    words = {fold(w): side for side, listed in raw["words"].items() for w in listed}
    links = alternation(fold(w) for w in raw["links"]) or "(?!x)x"
    pattern = re.compile(
        rf"(?<![\w])(?P<w>{alternation(words) or '(?!x)x'})(?:\s*(?:{links}))?\s*$")
    return pattern, words


def _ending(words: Iterable[str]) -> Ending:
    """Matches when folded text ends with one of ``words`` (and blanks)."""
    folded = [fold(w) for w in words]
    alts = alternation(folded)
    return Ending.compile(rf"(?<![\w])(?:{alts or '(?!x)x'})\s*$", folded)


def _suffix(suffixes: Iterable[str]) -> re.Pattern[str]:
    """One of ``suffixes`` glued to a figure and ending a word, in its own case; a listed
    apostrophe stands for either ("1960's", "1960’s")."""
    alts = alternation(suffixes).replace("'", "['’]")
    return re.compile(rf"(?:{alts or '(?!x)x'})(?![\w])")


def _linked(connectors: Iterable[str]) -> str:
    """The noun connectors as they stand before a noun: an elided one glued to it ("d'"),
    the others followed by blanks ("de ", "of ")."""
    spaced = alternation(w for w in connectors if not w.endswith("'"))
    elided = _elided(connectors)
    return "|".join([*([rf"(?:{spaced})\s+"] if spaced else []), f"(?:{elided})"])


def _elided(connectors: Iterable[str]) -> str:
    """The elided noun connectors ("d'"), either apostrophe; never matches without one."""
    elided = alternation(w for w in connectors if w.endswith("'"))
    return elided.replace("'", "['’]") if elided else "(?!x)x"


def _ages(raw: Mapping[str, Any], connectors: list[str], pairs: list[str]) -> AgeRules:
    after = alternation(fold(w) for w in raw["after"]) or "(?!x)x"
    nouns = alternation(fold(w) for w in raw["person_nouns"]) or "(?!x)x"
    years = alternation(fold(w) for w in raw["years"]) or "(?!x)x"
    return AgeRules(
        before=_ending(raw["before"]),
        before_alone=_ending(raw["before_alone"]),
        after=re.compile(rf"^\s?(?:{after})(?![\w])"),
        # "l'enfant de 8 ans", "des jeunes (14 ans à 20 ans)"
        person=Ending.compile(rf"(?<![\w])(?:{nouns})\s+(?:{_linked(connectors)}|\(\s*)$",
                              [*(fold(w) for w in connectors), "("]),
        person_words=frozenset(fold(w).split()[-1] for w in raw["person_nouns"]),
        # "16 à 18 ans": the years word may come after the other end of a range
        years=re.compile(
            rf"^\s*(?:(?:{alternation(pairs) or '(?!x)x'})\s*\d{{1,3}}\s*)?(?:{years})(?![\w])"),
        apposition=bool(raw["apposition"]),
        titled=compiled(rf"(?<=\s)[{{CAP}}][{{SMALL}}'’-]+\s+(?:{_linked(connectors)})$")
        if raw["person_nouns"] else re.compile(r"(?!x)x"),
        at=_ending(raw["at"]),
    )


def _identifiers(raw: Mapping[str, Any]) -> tuple[re.Pattern[str], ...]:
    """Label words before, address words after, and the patterns, as span finders."""
    out = []
    suffixes = alternation(raw["number_suffixes"])
    suffixes = rf"(?:\s?(?:{suffixes}))?" if suffixes else ""
    if raw["after"]:
        out.append(re.compile(
            rf"(?<![\w.,])(?P<n>\d+){suffixes},?\s+(?:{alternation(raw['after'])})"
            rf"(?![\w])", re.IGNORECASE))
    out.extend(re.compile(p) for p in raw["patterns"])
    return tuple(out)


def _one(raw: Mapping[str, Any]) -> OneRules:
    # values are checked by numcheck/schemas/rules.py when the rules load
    return OneRules(
        words=frozenset(fold(w) for w in raw["words"]),
        counts_by_default=raw["default"] == "count",
        nouns=frozenset(fold(w) for w in raw["nouns"]),
        alone=frozenset(fold(w) for w in raw["alone"]),
        events=frozenset(fold(w) for w in raw["events"]),
        window=int(raw["window"]),
        auxiliaries=frozenset(fold(w) for w in raw["auxiliaries"]),
        pronoun_before=frozenset(fold(w) for w in raw["pronoun_before"]),
        pronoun_after=frozenset(fold(w) for w in raw["pronoun_after"]),
        count_before=frozenset(fold(w) for w in raw["count_before"]),
        count_after=frozenset(fold(w) for w in raw["count_after"]),
        list_joiners=frozenset(fold(w) for w in raw["list_joiners"]),
        ordinal_homographs=frozenset(fold(w) for w in raw["ordinal_homographs"]),
        partitive_before=frozenset(fold(w) for w in raw["partitive_before"]),
        article_after=frozenset(fold(w) for w in raw["article_after"]),
    )


def _relative(raw: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[str, int]]:
    out = {}
    for phrase, spec in raw.items():
        out[re.sub(r"\s+", " ", fold(phrase))] = (str(spec["unit"]), int(spec["offset"]))
    return out

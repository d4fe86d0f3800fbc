"""The rules files: one language file per language (the same keys in each, as dateparser's
per-language data), subjects, settings, garbled-figure notes and page chrome.

A new key of a language file is a field here and a line in every language file; a
newsroom's own folder may leave keys out (it adds to the shipped rules), never misspell
one. Bounds say what keeps the rules meaningful (a month is 1–12, a vague quantity's
low is at most its high); lists that mean nothing empty are ``Words``.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from numcheck.schemas.base import (
    INCOMPLETE,
    Days,
    KeyFault,
    NonNegative,
    Positive,
    Regex,
    Share,
    Strict,
    Text,
    Words,
    at_least,
    filling,
)

Month = Annotated[int, Field(ge=1, le=12)]
Head = Literal["first", "last"]  # which word of a noun phrase carries its number


def _every_month(months: dict[str, int]) -> dict[str, int]:
    unnamed = sorted(set(range(1, 13)) - set(months.values()))
    if unnamed:
        raise PydanticCustomError(INCOMPLETE, "no word for month {months}",
                                  {"months": ", ".join(map(str, unnamed))})
    return months


class Hedge(Strict):
    before: list[str]
    after: list[str]


class Hedges(Strict):
    approx: Hedge
    nearly: Hedge
    more_than: Hedge
    at_least: Hedge
    less_than: Hedge
    at_most: Hedge


class Fractions(Strict):
    words: dict[str, Annotated[float, Field(gt=0, le=100)]]
    exclude_before: list[str]
    duration_links: list[str]
    ordinal_before_noun: list[str]
    not_hedged_by: list[str]


class Vague(Strict):
    """A vague quantity ("a dozen"): the interval it stands for, and the figure read
    (``value``; ``low`` when not given)."""

    text: Text
    low: NonNegative
    high: NonNegative
    value: NonNegative | None = None

    @model_validator(mode="after")
    def _inside(self) -> Vague:
        if self.low > self.high:
            raise KeyFault(["low"], f"{self.low:g} is more than high ({self.high:g})")
        if self.value is not None and not self.low <= self.value <= self.high:
            raise KeyFault(["value"], f"{self.value:g} is outside low–high "
                                      f"({self.low:g}–{self.high:g})")
        return self


class RangeWords(Strict):
    lead: str
    join: Text


class Attribution(Strict):
    markers: Words
    verbs: Words
    leading_noise: list[str]
    apposition_heads: list[str]
    # a reporting word right after one of these is no one's report: "iodine is added",
    # "an estimated 10,000", "a report" (a noun)
    not_after: list[str]
    # words between the source and its verb that are not the source's: "has", "l'"
    trailing_noise: list[str]


class Ages(Strict):
    before: list[str]
    before_alone: list[str]
    after: list[str]
    person_nouns: list[str]
    years: list[str]
    apposition: bool
    at: list[str]


class Identifiers(Strict):
    before: list[str]
    after: list[str]
    patterns: list[Regex]
    gap: list[str]  # what may stand between a label word and its number ("articles 46 et 61")
    number_signs: list[str]  # a number after one of these is a label ("n° 33")
    number_suffixes: list[str]  # "12 bis rue": between a street number and its street word
    verb_subjects: list[str]


class OneWords(Strict):
    words: Words
    default: Literal["article", "count"]
    nouns: list[str]
    alone: list[str]
    events: list[str]
    window: Annotated[int, Field(ge=0, le=20)]
    auxiliaries: list[str]
    pronoun_before: list[str]
    pronoun_after: list[str]
    count_before: list[str]
    count_after: list[str]
    list_joiners: list[str]
    ordinal_homographs: list[str]
    partitive_before: list[str]
    article_after: list[str]


class ScaledCurrency(Strict):
    scale: Positive
    currency: Text


class Directions(Strict):
    words: dict[Literal["up", "down"], list[str]]
    links: list[str]


class UnitFallback(Strict):
    """A unit parser asked about the units the lists lack, the language it is given, and
    how a plural unit word is taken back to the names it lists (every candidate is tried:
    ending → singular endings, inner letters → their singular)."""

    parser: Literal["quantulum3"]
    lang: Text
    singular_endings: dict[Text, list[str]]
    singular_inner: dict[Text, str]


Year = Annotated[int, Field(ge=0, le=9999)]


def _ordered(span: list[int]) -> list[int]:
    if span[0] > span[1]:
        raise PydanticCustomError("order", "{low} is more than {high}",
                                  {"low": span[0], "high": span[1]})
    return span


YearSpan = Annotated[list[Year], Field(min_length=2, max_length=2), AfterValidator(_ordered)]


class Years(Strict):
    """Which figures read as years: the calendar the press of a language counts in (a
    press that counts years otherwise, as in the Buddhist era, sets its own spans)."""

    plain: YearSpan
    dated: YearSpan
    after_lead: YearSpan
    attributive: YearSpan
    attributive_plural_from: Year


class Lemmatizer(Strict):
    """A lemmatiser and the language code it is given (simplemma, the one known)."""

    name: Literal["simplemma"]
    lang: Text


class RelativePeriod(Strict):
    unit: Literal["year", "month", "day"]
    offset: Annotated[int, Field(ge=-100, le=100)]


Chars = Annotated[int, Field(ge=1, le=1000)]  # a window of text, in characters


class Windows(Strict):
    """``windows``: how many characters around a figure each check reads (the label
    phrase also in words). Bounded so a typo cannot make every figure scan a page."""

    hedge_before: Chars
    hedge_after: Chars
    range_lead_before: Chars
    range_end_after: Chars
    conversion_gap: Chars
    unit_after: Chars
    amount_after: Chars
    currency_before: Chars
    unit_before: Chars
    fallback_unit_after: Chars
    unit_name_after: Chars
    second_unit_after: Chars
    scale_money_before: Chars
    scale_money_after: Chars
    fraction_word_before: Chars
    half_before: Chars
    counted_after: Chars
    counted_before: Chars
    direction_before: Chars
    word_before: Chars
    word_after: Chars
    year_before: Chars
    age_before: Chars
    age_after: Chars
    apposition_before: Chars
    apposition_after: Chars
    name_before: Chars
    label_before: Chars
    label_before_words: Annotated[int, Field(ge=1, le=50)]
    tally_before: Chars
    tally_more_after: Chars
    tally_more_before: Chars
    plural_verb_before: Chars
    contrast_before: Chars
    clause_reach: Chars
    abbreviation_before: Chars
    span_reach: Chars


class Language(Strict):
    """``rules/languages/LANG.yaml``: how numbers, hedges and dates are written."""

    language: Text
    name: Text
    detect: Words
    decimal_separator: Text
    group_separators: list[str]
    number_words: Words
    number_joiners: list[str]
    article_numerals: list[str]
    homograph_numerals: list[str]
    homograph_count_after: list[str]
    scales: Annotated[dict[str, Positive], Field(min_length=1)]
    scale_suffixes: dict[str, Positive]
    hedges: Hedges
    half_words: list[str]
    fractions: Fractions
    vague: list[Vague]
    ranges: list[RangeWords]
    months: Annotated[dict[str, Month], AfterValidator(_every_month)]
    weekdays: Annotated[list[str], at_least(7, "weekdays")]
    year_context: list[str]
    relative_times: list[str]
    ordinal_suffixes: list[str]
    day_suffixes: list[str]
    clock_patterns: list[Regex]
    compound_ordinals: list[str]
    time_markers: list[str]
    time_lead: list[str]
    percent: Words
    currencies: dict[str, str]
    units: dict[str, str]
    units_before: dict[str, str]  # "magnitude 6.8": the unit leads
    unit_fallback: UnitFallback | None
    durations: dict[str, str]
    compound_units: dict[str, Annotated[int, Field(ge=2, le=1000)]]
    scaled_currencies: dict[str, ScaledCurrency]
    stopwords: Words
    verb_suffixes: list[str]
    noun_connectors: list[str]
    counted_before_markers: list[str]
    # a share "of GDP" is a ratio to that base, not a count of it: what it measures is
    # the noun before the figure ("a deficit of 4.4% of GDP"), linked by a base marker
    percent_bases: list[str]
    # "an estimate of 100,000": nouns that name a figure, never what it counts
    quantity_nouns: list[str]
    percent_base_markers: list[str]
    participle_endings: list[str]
    noun_head: Head
    plural_endings: list[str]
    plural_exceptions: list[str]
    plural_min_length: Annotated[int, Field(ge=1, le=20)]
    lemmatizer: Lemmatizer | None
    section_headers: list[Regex]
    anaphora: list[str]
    anaphoric_determiners: list[str]
    anaphoric_pair_articles: list[str]
    anaphora_selection: list[str]
    attribution: Attribution
    abbreviations: list[str]
    boilerplate: list[Regex]
    ages: Ages
    identifiers: Identifiers
    score_words: list[str]
    score_joiners: list[str]
    change_words: list[str]
    years: Years
    year_lead_strong: list[str]
    decade_lead: list[str]
    year_determiners: list[str]
    year_nouns: list[str]
    irregular_plurals: list[str]
    date_range_joiners: list[str]
    one_words: OneWords
    relative_periods: dict[str, RelativePeriod]
    name_connectors: list[str]
    idioms: list[str]
    directions: Directions
    windows: Windows
    decade_suffixes: list[str]
    short_decade_suffixes: list[str]


class Counted(Strict):
    label: Text
    words: Words
    default_event: Text
    people: bool = False
    holders: bool = False  # each figure is one holder's (a candidate's votes)
    feminine: bool = False  # its label takes the other words' feminine labels ("armées")
    # a toll that only grows while a story unfolds: a higher figure published later is
    # its update, not a conflict with the earlier one
    cumulative: bool = False


class Concept(Strict):
    label: Text
    words: Words
    label_feminine: Text | None = None  # agreeing with a feminine counted label


class Event(Strict):
    label: str  # empty: the event goes without saying ("affected")
    label_feminine: str | None = None  # agreeing with a feminine counted label
    words: list[str]  # an event may be named only through what it counts
    counted_as: str | None = None
    reporting: bool = False
    any_counted: bool = False


class Source(Strict):
    label: Text
    words: Words
    kind: Text


class Parts(Strict):
    before: list[str]
    after: list[str]
    enumeration: list[str]
    manner: list[str]  # "seven shot, two fatally": how some of the whole fared
    partitive: list[str]  # "Of the injured, 51…": a clause opening on the whole's noun


class Additions(Strict):
    """Words that make a figure an addition to one already given ("200 more")."""

    before: list[str]
    after: list[str]


class Margins(Strict):
    """Words that make a holder's figure a difference ("won by 424 votes")."""

    before: list[str]
    after: list[str]


class SubjectAges(Strict):
    before: list[str]
    after: list[str]


class PluralSuffix(Strict):
    suffix: Text
    replace: str


def _country_code(code: str) -> str:
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise ValueError(f"must be a two-letter country code (ISO 3166-1: CA, NL), got '{code}'")
    return code


CountryCode = Annotated[str, AfterValidator(_country_code)]


class LabelForms(Strict):
    """How a subject's label is put together in the language's reports."""

    town: Annotated[Text, filling(frozenset({"name"}))]  # a gazetteer town: "in {name}"
    area: Annotated[Text, filling(frozenset({"name"}))]  # a country, a region: "en {name}"
    join: Text  # between places: " and "
    part: Annotated[Text, filling(frozenset({"label"}))]  # a breakdown: "{label} (a part)"
    # an earlier event's figures, kept apart by their day: "{event} on {day}"
    dated: Annotated[Text, filling(frozenset({"event", "day"}))]
    holder: Annotated[Text, filling(frozenset({"name"}))]  # a candidate's: "de {name}"
    # a counted noun no rule names, quoted as the article writes it: "“{word}”"
    as_written: Annotated[Text, filling(frozenset({"word"}))]


class Subjects(Strict):
    """``rules/subjects/LANG.yaml``: what is counted, by whom, where, said by whom."""

    language: Text
    head: Head
    counted: dict[str, Counted]
    actors: dict[str, Concept]
    events: dict[str, Event]
    places: dict[str, Concept]
    sources: dict[str, Source]
    independent_kinds: list[str]
    parts: Parts
    additions: Additions
    ages: SubjectAges
    margins: Margins
    affiliations: list[str]  # "of the" before a holder's party: not the holder
    hypothetical: list[str]  # "would have been": the figure did not happen
    restating: list[str]  # "that number is closer to 40,000": the figure before, restated
    place_prepositions: list[str]
    plural_suffixes: list[PluralSuffix]
    fallback_stopwords: list[str]
    place_links: list[str]
    feminine_units: list[str]  # unit ids (hour, t) whose word is feminine
    # a country's form where it is not label_forms.area's ("au Canada", "in the Netherlands")
    country_forms: dict[Annotated[Text, filling(frozenset({"name"}))], list[CountryCode]]
    label_forms: LabelForms

    @model_validator(mode="after")
    def _references(self) -> Subjects:
        """Names that point at other entries point at existing ones (checked on a complete
        file, and on a newsroom's additions once merged into the shipped rules)."""
        for name, counted in self.counted.items():
            if counted.default_event not in self.events:
                raise KeyFault(["counted", name, "default_event"],
                               f"'{counted.default_event}' is not one of the events")
        for name, event in self.events.items():
            if event.counted_as is not None and event.counted_as not in self.counted:
                raise KeyFault(["events", name, "counted_as"],
                               f"'{event.counted_as}' is not one of the counted entries")
        kinds = {source.kind for source in self.sources.values()}
        for i, kind in enumerate(self.independent_kinds):
            if kind not in kinds:
                raise KeyFault(["independent_kinds", i], f"'{kind}' is no source's kind")
        seen: dict[str, str] = {}
        for form, codes in self.country_forms.items():
            for i, code in enumerate(codes):
                if code in seen:
                    raise KeyFault(["country_forms", form, i],
                                   f"'{code}' already takes the form '{seen[code]}'")
                seen[code] = form
        return self


class Settings(Strict):
    """``rules/settings.yaml`` (and the same keys in the project configuration).

    Bounds keep the gate able to fail: a band or slack of 100 % makes every pair of
    figures agree, a window under a day splits every story into one period per date,
    a ratio beyond 10 never calls anything divergent; a similarity and a weight are
    shares; fewer than three letters make every word meet.
    """

    approx_band: Annotated[float, Field(ge=0, le=0.5)]
    nearly_band: Annotated[float, Field(ge=0, le=0.5)]
    divergence_ratio: Annotated[float, Field(ge=1, le=10)]
    conflict_slack: Annotated[float, Field(ge=0, le=0.5)]
    period_window_days: Days
    place_min_population: Annotated[int, Field(ge=0)]
    story_similarity: Share
    story_entity_weight: Share
    story_window_days: Days
    story_span_days: Days
    story_day_gap_days: Annotated[int, Field(ge=0, le=366)]
    story_prefix_chars: Annotated[int, Field(ge=3, le=40)]


SETTING_NAMES = tuple(Settings.model_fields)


class Placeholder(Strict):
    token: Text
    reason: Text
    scale_after_small_number: Positive
    guess_note: Text


class Reason(Strict):
    reason: Text


class TooLarge(Strict):
    above: Positive
    reason: Text


class Garbles(Strict):
    """``rules/garbles.yaml``: figures that cannot be read, and what to tell the reader."""

    placeholders: list[Placeholder]
    run_together: Reason
    too_large: TooLarge


class Pages(Strict):
    """``rules/pages.yaml``: the class and id words of page chrome (paywalls, share bars)."""

    chrome_markers: Words

"""Subject vocabularies (``rules/subjects/<lang>.yaml``) compiled into matchers."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from numcheck.extract.lexicon import fold
from numcheck.extract.wordtree import alternation
from numcheck.rulebook import Rulebook

FAMILIES = ("counted", "actors", "events", "places", "sources")
_MEMO_SIZE = 4096


@dataclass(frozen=True)
class Family:
    """One concept family: a regex over folded text and phrase → concept id."""

    pattern: re.Pattern[str]
    concept_of: Mapping[str, str]
    labels: Mapping[str, str]
    feminine: Mapping[str, str] = field(default_factory=dict)  # labels agreeing with one
    # the spans of the last sentences looked up: claims of one sentence share them
    memo: dict[str, list[tuple[int, int, str]]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
        return [(s, concept) for s, _, concept in self.spans(text, start, end)]

    def spans(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, concept) of every phrase of the family in ``text[start:end]``."""
        found = self.memo.get(text)
        if found is None:
            if len(self.memo) > _MEMO_SIZE:
                self.memo.clear()
            found = self.memo[text] = [
                (m.start(), m.end(), self.concept_of[re.sub(r"\s+", " ", m.group(0))])
                for m in self.pattern.finditer(text)
            ]
        end = len(text) if end is None else end
        if start == 0 and end == len(text):
            return list(found)
        # a phrase counts when it lies within the window, as a search bounded by it found it
        return [(s, e, c) for s, e, c in found if s >= start and e <= end]


@dataclass(frozen=True)
class Vocabulary:
    lang: str
    head: str
    families: Mapping[str, Family]
    counted_info: Mapping[str, Mapping[str, Any]]
    counted_as: Mapping[str, str]
    reporting: frozenset[str]
    any_counted: frozenset[str]  # roles that name any counted thing ("345 pilgrims killed")
    plural_suffixes: tuple[tuple[str, str], ...]
    fallback_stopwords: frozenset[str]
    place_link: re.Pattern[str]
    source_kind: Mapping[str, str]  # source concept → its kind (authorities, organisers…)
    independent_kinds: frozenset[str]
    age_before: re.Pattern[str]  # searched up to the figure: ends right before it
    age_after: re.Pattern[str]  # matched right after the figure
    part_before: re.Pattern[str]  # searched up to the figure: ends right before it
    part_after: re.Pattern[str]  # matched right after the figure (and its counted phrase)
    part_partitive: re.Pattern[str]  # searched up to the figure: "Of the injured, "
    part_manner: re.Pattern[str]  # matched right after a figure after a comma: "two fatally"
    enumeration: re.Pattern[str]  # what may join the items of a breakdown
    addition_before: re.Pattern[str]  # searched up to the figure: "another 15", "encore 15"
    addition_after: re.Pattern[str]  # matched right after the figure: "200 more", "15 autres"
    place_lead: re.Pattern[str]  # searched up to a name: a preposition right before it
    common_words: frozenset[str]  # capitalised at a sentence start, never a place name
    hypothetical: re.Pattern[str]  # searched between the previous figure and this one
    restating: re.Pattern[str]  # searched between the previous figure and this one
    margin_before: re.Pattern[str]  # searched up to the figure: "won by 424 votes"
    margin_after: re.Pattern[str]  # matched right after the figure: "500 voix d'avance"
    affiliation: re.Pattern[str]  # searched up to a name: "of the" before a party
    stopwords: frozenset[str]  # the language's function words
    noun_connectors: tuple[str, ...]  # "capacity of", "capacité de"
    quantity_nouns: frozenset[str]  # "an estimate of": names a figure, not a thing
    participle_endings: tuple[str, ...]  # the language's participle endings (verbs)
    label_forms: Mapping[str, str]  # how a subject's label is put together (see Subjects)
    unit_words: Mapping[str, str]  # unit id (hour, eur, km) → the language's word for it
    feminine_units: frozenset[str]  # unit ids whose word is feminine (labels agree)
    country_forms: Mapping[str, str]  # country code → its form where not label_forms.area's

    def lemma(self, word: str) -> str:
        """A crude singular, enough to let 'analystes' and 'analyste' meet."""
        low = fold(word)
        for suffix, replace in self.plural_suffixes:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                return low[: -len(suffix)] + replace
        return low


def vocabulary(rules: Rulebook, lang: str) -> Vocabulary | None:
    return _compile(rules, lang) if lang in rules.subjects else None


@functools.lru_cache(maxsize=16)
def _compile(rules: Rulebook, lang: str) -> Vocabulary:
    raw = rules.subjects[lang]
    events: Mapping[str, Mapping[str, Any]] = raw.get("events", {})
    families = {}
    for family in FAMILIES:
        concept_of: dict[str, str] = {}
        labels: dict[str, str] = {}
        feminine: dict[str, str] = {}
        for concept, data in raw.get(family, {}).items():
            labels[concept] = data["label"]
            if data.get("label_feminine") is not None:
                feminine[concept] = data["label_feminine"]
            for word in data.get("words", []):
                concept_of.setdefault(fold(word), concept)
        pattern = re.compile(rf"(?<![\w-])(?:{alternation(concept_of) or '(?!x)x'})(?![\w-])")
        families[family] = Family(pattern, concept_of, labels, feminine)
    return Vocabulary(
        lang=lang,
        head=raw.get("head", "first"),
        families=families,
        counted_info=raw.get("counted", {}),
        counted_as={k: v["counted_as"] for k, v in events.items() if "counted_as" in v},
        reporting=frozenset(k for k, v in events.items() if v.get("reporting")),
        any_counted=frozenset(k for k, v in events.items() if v.get("any_counted")),
        plural_suffixes=tuple((p["suffix"], p["replace"]) for p in raw.get("plural_suffixes", [])),
        fallback_stopwords=frozenset(fold(w) for w in raw.get("fallback_stopwords", [])),
        place_link=_place_link(raw.get("place_links", [])),
        source_kind={k: v["kind"] for k, v in raw.get("sources", {}).items()},
        independent_kinds=frozenset(raw.get("independent_kinds", [])),
        age_before=_ending(raw.get("ages", {}).get("before", [])),
        age_after=_leading(raw.get("ages", {}).get("after", [])),
        part_before=_ending(raw.get("parts", {}).get("before", [])),
        part_after=_leading(raw.get("parts", {}).get("after", []), skip_words=True),
        part_partitive=_partitive(raw.get("parts", {}).get("partitive", [])),
        part_manner=_leading(raw.get("parts", {}).get("manner", [])),
        enumeration=_enumeration(raw.get("parts", {}).get("enumeration", [])),
        addition_before=_ending(raw.get("additions", {}).get("before", [])),
        addition_after=_leading(raw.get("additions", {}).get("after", [])),
        place_lead=_place_lead(raw.get("place_prepositions", [])),
        common_words=_common_words(rules, lang, families),
        hypothetical=_anywhere(raw.get("hypothetical", [])),
        restating=_anywhere(raw.get("restating", [])),
        margin_before=_ending(raw.get("margins", {}).get("before", [])),
        margin_after=_leading(raw.get("margins", {}).get("after", []), skip_words=True),
        affiliation=_place_lead(raw.get("affiliations", [])),
        stopwords=frozenset(fold(w) for w in rules.languages.get(lang, {}).get("stopwords", [])),
        noun_connectors=tuple(
            fold(w) for w in rules.languages.get(lang, {}).get("noun_connectors", [])),
        quantity_nouns=frozenset(
            fold(w) for w in rules.languages.get(lang, {}).get("quantity_nouns", [])),
        participle_endings=tuple(rules.languages.get(lang, {}).get("participle_endings", [])),
        label_forms=raw.get("label_forms", {}),
        unit_words=_unit_words(rules.languages.get(lang, {})),
        feminine_units=frozenset(raw.get("feminine_units", [])),
        country_forms={code: form for form, codes in raw.get("country_forms", {}).items()
                       for code in codes},
    )


def _unit_words(language: Mapping[str, Any]) -> dict[str, str]:
    """The first word of the language's lists naming each unit ("heures" for hour,
    "euros" for EUR): a subject counting a unit no rule names is labelled with it."""
    words: dict[str, str] = {}
    for key in ("durations", "currencies", "units"):
        for word, unit in (language.get(key) or {}).items():
            if any(ch.isalpha() for ch in word):
                words.setdefault(str(unit).lower(), word)
    return words


def _place_lead(words: list[str]) -> re.Pattern[str]:
    """A preposition right before a name: "à Paris", "d'Alger", "in Derna"."""
    alt = alternation(fold(w) for w in words) or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alt})(?:[\s\u00a0]+|')$")


def _common_words(rules: Rulebook, lang: str, families: Mapping[str, Family]) -> frozenset[str]:
    """Function words, months, weekdays and every vocabulary word of the language."""
    language = rules.languages.get(lang, {})
    words = {fold(w) for key in ("stopwords", "weekdays") for w in language.get(key, [])}
    words |= {fold(w) for w in language.get("months", {})}
    for family in families.values():
        words |= set(family.concept_of)
    return frozenset(words)


def _anywhere(words: list[str]) -> re.Pattern[str]:
    """Whole words or phrases, wherever they stand in the window searched."""
    alt = alternation(fold(w) for w in words) or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


def _ending(words: list[str]) -> re.Pattern[str]:
    """Words that must stand right before the figure (only spaces between)."""
    alt = alternation(fold(w) for w in words) or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{alt})[\s\u00a0,]*$")


def _partitive(words: list[str]) -> re.Pattern[str]:
    """A clause opening on a partitive and up to two words, then a comma, right before
    the figure: "Of the injured, 51", "Parmi les blessés, 51"."""
    alt = alternation(fold(w) for w in words) or "(?!x)x"
    return re.compile(
        rf"(?:^|[.;:]\s*)(?:{alt})\s+[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?\s*,\s*$")


def _leading(words: list[str], *, skip_words: bool = False) -> re.Pattern[str]:
    """Words right after the figure ("-year-old"); ``skip_words`` allows its counted noun
    first ("three [victims] of them")."""
    alt = alternation(fold(w) for w in words) or "(?!x)x"
    noun = r"(?:[^\W\d_][\w'’-]*\s+){0,2}?" if skip_words else ""
    return re.compile(rf"[\s\u00a0-]*{noun}(?:{alt})(?![\w-])")


def _enumeration(words: list[str]) -> re.Pattern[str]:
    alt = alternation(fold(w) for w in words) or "(?!x)x"
    return re.compile(rf"^[\s,;]*(?:(?:{alt})\s+)?$")


def _place_link(words: list[str]) -> re.Pattern[str]:
    """What may stand between a place word and an actor word that only qualifies it.

    "frontière ukrainienne", "Ukrainian border", "border with the Kyiv-held area":
    the actor word names the place, not whose troops are counted.
    """
    links = alternation(fold(w) for w in words) or "(?!x)x"
    return re.compile(rf"(?:[\s'-]+|(?:{links})(?!\w))*")

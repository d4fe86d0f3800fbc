"""Subject vocabularies (``rules/subjects/<lang>.yaml``) compiled into matchers."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from numcheck.extract.lexicon import alternation, fold
from numcheck.rulebook import Rulebook

FAMILIES = ("counted", "actors", "events", "places")


@dataclass(frozen=True)
class Family:
    """One concept family: a regex over folded text and phrase → concept id."""

    pattern: re.Pattern[str]
    concept_of: Mapping[str, str]
    labels: Mapping[str, str]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
        end = len(text) if end is None else end
        return [
            (m.start(), self.concept_of[re.sub(r"\s+", " ", m.group(0))])
            for m in self.pattern.finditer(text, start, end)
        ]


@dataclass(frozen=True)
class Vocabulary:
    lang: str
    head: str
    families: Mapping[str, Family]
    counted_info: Mapping[str, Mapping[str, Any]]
    counted_as: Mapping[str, str]
    plural_suffixes: tuple[tuple[str, str], ...]
    fallback_stopwords: frozenset[str]

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
    families = {}
    for family in FAMILIES:
        concept_of: dict[str, str] = {}
        labels: dict[str, str] = {}
        for concept, data in raw.get(family, {}).items():
            labels[concept] = data["label"]
            for word in data.get("words", []):
                concept_of.setdefault(fold(word), concept)
        pattern = re.compile(rf"(?<![\w-])(?:{alternation(concept_of) or '(?!x)x'})(?![\w-])")
        families[family] = Family(pattern, concept_of, labels)
    return Vocabulary(
        lang=lang,
        head=raw.get("head", "first"),
        families=families,
        counted_info=raw.get("counted", {}),
        counted_as={k: v["counted_as"] for k, v in raw.get("events", {}).items() if "counted_as" in v},
        plural_suffixes=tuple((p["suffix"], p["replace"]) for p in raw.get("plural_suffixes", [])),
        fallback_stopwords=frozenset(fold(w) for w in raw.get("fallback_stopwords", [])),
    )

"""What an article is about, as two bags of features: content words and names.

News-clustering systems tell events apart by what is named (a city, a street, a
victim, a union) more than by the vocabulary of the event type (*shooting*, *killed*,
*manifestants*), which two shootings on the same day share. So an article yields
content words (function words, months and weekdays dropped, compared by their first
letters so *blessé*/*blessés* meet) and, separately, **names**: capitalised words
that do not start a sentence (*Lyon*, *CGT*, *Dupont*; *Russia*/*Russian* meet by
their first letters too). Names are shared across languages, which lets a French and
an English report of one event meet.

Pure Python and per document, so it runs while documents stream through extraction
and its result can be cached beside the extraction.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from numcheck.model import Claim, Document
from numcheck.rulebook import Rulebook
from numcheck.stories.event_days import event_days
from numcheck.stories.headline import headline

_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_BREAK = re.compile(r"[.!?:;«»\"“”()\[\]—–|]")
# A line with this share of capitalised words is a headline in title case (or a
# menu): its capitals say nothing about names.
_TITLE_CASE_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Features:
    """One article's content words and names (lower-cased), with repetitions."""

    words: tuple[str, ...]
    names: tuple[str, ...]
    title: str = ""  # the article's headline (see ``headline``), kept for its story
    days: tuple[int, ...] = ()  # the days its figures are about (see ``event_days``)


def features_of(document: Document, rules: Rulebook, claims: Iterable[Claim] = ()) -> Features:
    """``claims``: the document's, whose periods give the days it is about."""
    ignored = _ignored(rules, document.lang)
    connectors = _connectors(rules, document.lang)
    abbreviations = _abbreviations(rules, document.lang)
    prefix = int(rules.settings.story_prefix_chars)
    words: list[str] = []
    phrases: list[tuple[str, bool]] = []  # (name as written, lower-cased; starts a sentence)
    for line in document.text.splitlines():
        found = list(_WORD.finditer(line))
        if not found:
            continue
        capitals = sum(1 for m in found if m.group()[0].isupper())
        title_case = len(found) >= 3 and capitals / len(found) >= _TITLE_CASE_SHARE
        previous_end = 0
        previous = ""  # the word before, as written
        current: list[str] = []  # the name being read, word by word
        pending: list[str] = []  # connectors read after it ("of", "de"), kept if a name follows
        initial = False
        for m in found:
            word = m.group()
            lower = _fold(word)
            between = line[previous_end:m.start()]
            breaks = previous_end == 0 or (
                bool(_SENTENCE_BREAK.search(between))
                and not (between.strip() == "." and previous.lower() in abbreviations)
            )
            previous_end, previous = m.end(), word
            if lower not in ignored and len(lower) >= 3:
                words.append(lower[:prefix])
            if title_case:
                continue
            capital = word[0].isupper() and lower not in ignored
            if capital and current and not breaks and _joins(between):
                current += [*pending, lower[:prefix]]
                pending = []
                continue
            if current and not capital and not breaks and lower in connectors and not pending:
                pending = [lower]
                continue
            if current:
                phrases.append((" ".join(current), initial))
            current, pending, initial = [], [], False
            if capital:
                current, initial = [lower[:prefix]], breaks
        if current:
            phrases.append((" ".join(current), initial))
    # A capitalised phrase is a name when it appears inside a sentence at least once;
    # then its sentence-initial uses count too.
    names = {p for p, initial in phrases if not initial}
    return Features(tuple(words), tuple(p for p, _ in phrases if p in names),
                    headline(document, rules), event_days(claims))


def _joins(between: str) -> bool:
    """Words of one name are separated by spaces, hyphens or an apostrophe only."""
    return all(ch in " -'’\u00a0" for ch in between)


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower case without accents: *États-Unis* and *Etats-Unis* are one name."""
    lower = word.lower()
    if lower.isascii():
        return lower
    return unicodedata.normalize("NFKD", lower).encode("ascii", "ignore").decode() or lower


@functools.lru_cache(maxsize=16)
def _ignored(rules: Rulebook, lang: str) -> frozenset[str]:
    """Words that say nothing about which event: function words, months, weekdays, numbers."""
    language = rules.language(lang)
    words = {_fold(w).rstrip("'’") for w in language["stopwords"]}
    for key in ("months", "weekdays", "number_words"):
        words |= {_fold(w) for w in language[key]}
    return frozenset(words)


@functools.lru_cache(maxsize=16)
def _abbreviations(rules: Rulebook, lang: str) -> frozenset[str]:
    """Words whose full stop ends no sentence: *Lt.* Marcus Hale is a name inside one."""
    return frozenset(w.lower().rstrip(".") for w in rules.language(lang)["abbreviations"])


@functools.lru_cache(maxsize=16)
def _connectors(rules: Rulebook, lang: str) -> frozenset[str]:
    """Small words inside names: Fire *and* Rescue Service, Plan-*de*-Cuques."""
    return frozenset(_fold(w).rstrip("'’") for w in rules.language(lang)["name_connectors"])

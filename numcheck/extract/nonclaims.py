"""Decide which numeric mentions are not claims, and say why.

A figure that is a date, a year, a time of day, an ordinal, part of a name or of page
chrome is still reported (as an ``OtherMention`` with its reason), never dropped.
Each check is a small named unit; the first that recognizes a mention wins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from numcheck.extract import labels, one_words
from numcheck.extract.lexicon import Lexicon, fold
from numcheck.extract.plurals import plural
from numcheck.extract.scanner import Token
from numcheck.model import Reason

_PREV_WORD = re.compile(r"([\w'’-]+)\W*$")
_TAIL = re.compile(r"-?([\w²/]+)")
_NEXT = re.compile(r"\s*([^\W\d_][\w'’-]*|.)?", re.S)


@dataclass(frozen=True)
class Spans:
    """Regions of the text found once per document: chrome lines, dates, times."""

    chrome: list[tuple[int, int, str]]
    dates: list[tuple[int, int]]
    years_in_dates: set[tuple[int, int]]
    times: list[tuple[int, int]]
    identifiers: list[tuple[int, int]]
    idioms: list[tuple[int, int]]

    @staticmethod
    def of(text: str, lex: Lexicon) -> Spans:
        chrome = []
        pos = 0
        section = False  # inside a "Related articles" block
        for line in text.splitlines(keepends=True):
            if not line.strip():
                section = False
            elif any(p.search(line) for p in lex.section_headers):
                section = True
                chrome.append((pos, pos + len(line), "chrome/section-header"))
            elif section:
                chrome.append((pos, pos + len(line), "chrome/section"))
            elif any(p.search(line) for p in lex.boilerplate):
                chrome.append((pos, pos + len(line), "chrome/boilerplate"))
            pos += len(line)
        dates: list[tuple[int, int]] = []
        years: set[tuple[int, int]] = set()
        for m in lex.dates.finditer(text):
            dates.append((m.start(), m.end()))
            for group in ("y1", "y2", "y3"):
                if m.group(group):
                    years.add(m.span(group))
        times = [m.span() for m in lex.times.finditer(text)]
        idioms = [m.span() for m in lex.idioms.finditer(text)]
        return Spans(chrome, dates, years, times, labels.identifier_spans(text, lex), idioms)


def _inside(spans: list[tuple[int, int]], token: Token, lex: Lexicon) -> bool:
    i = bisect.bisect_right(spans, (token.start, float("inf"))) - 1
    # spans may nest (identifier patterns overlap): look back over the few that could hold it
    while i >= 0 and spans[i][0] > token.start - lex.windows.span_reach:
        if spans[i][0] <= token.start and token.end <= spans[i][1]:
            return True
        i -= 1
    return False


Check = Callable[[str, Token, Lexicon, Spans], str | None]


def chrome(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    # chrome lines are disjoint and in order: the one starting last at or before the token
    i = bisect.bisect_right(spans.chrome, (token.start, float("inf"), "")) - 1
    if i >= 0 and spans.chrome[i][0] <= token.start < spans.chrome[i][1]:
        return spans.chrome[i][2]
    return None


def idiom(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    """'fifteen minutes of fame', 'encore une fois': a set phrase that counts nothing."""
    return "idiom/phrase" if _inside(spans.idioms, token, lex) else None


def year_in_date(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    if (token.start, token.end) in spans.years_in_dates:
        return "year/in-date"
    return None


def date(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    return "date/day-month" if not token.words and _inside(spans.dates, token, lex) else None


def time(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    if token.words:  # "onze heures du soir"
        spelled = token.value is not None and token.value <= 24 and lex.spelled_time.match(
            text, token.end)
        return "time/spelled" if spelled else None
    return "time/clock" if _inside(spans.times, token, lex) else None


def ordinal(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    if token.words or token.scaled:
        return None
    return "ordinal/suffix" if lex.ordinal.match(text, token.end) else None


def name(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    """Digits glued to letters (G7, Covid-19, F-16, MH17) name things; they count nothing."""
    if token.words or token.pattern.startswith(("vague", "placeholder")):
        return None
    before = text[max(0, token.start - 2) : token.start]
    if re.search(r"[^\W\d_]-?$", before) or before.endswith(("°", "#")):
        return "name/letters-before"
    after = text[token.end : token.end + 1]
    hyphen_word = after == "-" and text[token.end + 1 : token.end + 2].isalpha()
    if after and (after.isalpha() or hyphen_word):
        tail = _TAIL.match(text, token.end)  # "40-mile convoy", "5kW"
        raw = tail.group(1) if tail else ""
        word = fold(raw)
        # short symbols keep their case: "5G" is a network, "5g" five grams
        long_unit = word in lex.units or word in lex.durations
        unit = raw in lex.units_exact if len(raw) <= 3 else long_unit
        if unit or word in lex.currencies:
            return None
        if hyphen_word and raw[:1].islower() and raw.isalpha():
            return None  # "a 131-page document", "a 12-member panel": a count
        return "name/letters-after"
    return None


def year(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    """A bare four-digit number is a year unless a counted noun follows it ("2000 soldats")."""
    if token.pattern != "digits/plain" or token.value is None:
        return None
    if not (lex.years.is_plain(token.value) and token.end - token.start == 4):
        return None
    nxt = _NEXT.match(text, token.end)
    word = nxt.group(1) if nxt else None
    noun = bool(word and word[0].isalpha() and word.islower() and fold(word) not in lex.stopwords)
    low, high = lex.years.attributive
    if noun and fold(word or "") in lex.year_nouns and low <= token.value <= high:
        return "year/reference"  # "10% of 2000 levels", "below 1990 levels"
    window = lex.windows
    before = fold(text[max(0, token.start - window.year_before) : token.start])
    if lex.hedge_before.search(before):
        return None  # "plus de 2000", "about 1900": a hedged figure is a quantity
    after = text[token.end : token.end + window.amount_after]
    unit = lex.units_after.match(after)
    if unit and _singular_duration(fold(unit.group("u")), lex):
        unit = None  # "2018 day five": no count above one takes a singular duration
    if lex.percent.match(after) or lex.currency_after.match(after) or unit or (
            lex.currency_before.search(
                text[max(0, token.start - window.currency_before) : token.start])):
        return None  # "2000 €", "1500 m", "$1200": an amount
    ranged = labels.range_counts_after(text, token.end, lex)
    prev = _PREV_WORD.search(text[max(0, token.start - window.word_before) : token.start])
    context = lex.year_lead_strong.search(before) or (
        prev is not None and fold(prev.group(1)) in lex.year_context)
    if context:
        # "en 2001 conseillère", "de 1830 fixa": after a year word only a plural counts
        if ranged or (noun and plural(word or "", lex)):
            return None  # "and 1950 tanks", "de 2000 à 2500 soldats"
        return "year/context"
    if ranged or (noun and plural(word or "", lex)):
        return None  # "2000 soldats", "2000 - 2500 calories": the counted noun wins
    return "year/bare"  # "World Cup 2018 day five", "1945 marque": no 2018 days counted


def _singular_duration(word: str, lex: Lexicon) -> bool:
    """'day', 'jour': a duration word whose plural is listed too; an abbreviation such as
    'min' (a compound unit, '2 min 30') stands for any number."""
    return word in lex.durations and word not in lex.compound_units and any(
        word + ending in lex.durations for ending in lex.plural_endings)


def anaphoric(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    """'les deux dirigeants' points back at people already named; it asserts no figure."""
    if not token.words or token.pattern.startswith("fraction"):
        return None  # "les trois quarts des cas" is a share
    prev = _PREV_WORD.search(text[max(0, token.start - lex.windows.word_before) : token.start])
    word = fold(prev.group(1)) if prev else ""
    if word in lex.anaphoric_determiners:
        return "anaphoric/determiner"
    if word not in lex.anaphoric_pair_articles or _COMPOUND.match(text, token.end):
        return None  # "the two-year plan": a size, whatever the article
    nxt = labels.next_words(text, token.end, 1)
    if nxt and _said_before(text, token, nxt[0]):
        return "anaphoric/repeat"  # "trois divisions … les trois divisions"
    if token.value == 2 and not (nxt and nxt[0] in lex.anaphora_selection):
        return "anaphoric/pair"
    return None


def _said_before(text: str, token: Token, noun: str) -> bool:
    """The same figure counted the same noun earlier in the text."""
    figure = re.escape(fold(text[token.start : token.end]))
    pattern = rf"(?<![\w]){figure}\s+(?:[\w'’-]+\s+)?{re.escape(noun)}(?![\w])"
    return re.search(pattern, fold(text[: token.start])) is not None


_COMPOUND = re.compile(r"\s?-\s?[^\W\d_]")


def one_word(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    return one_words.one_word(text, token, lex)


def identifier(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    if token.pattern.startswith(("vague", "placeholder", "one")):
        return None
    if labels.labelled(text, token, lex):
        return "identifier/label"
    if token.pattern == "digits/plain" and text[token.start] == "0" and token.end - token.start > 1:
        return "identifier/leading-zero"  # "la 023", "007": a code, no quantity has one
    return "identifier/pattern" if _inside(spans.identifiers, token, lex) else None


def age(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    return labels.age(text, token, lex)


def year_like(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    return labels.year_like(text, token, lex)


def proper_name(text: str, token: Token, lex: Lexicon, spans: Spans) -> str | None:
    return labels.proper_name(text, token, lex) or labels.spelled_name(text, token, lex)


# The checks in order, each with the reason it gives; ``None``: the rule that fired
# decides (``ONE_WORD_REASONS``: "un"/"one" is an article or a pronoun).
CHECKS: tuple[tuple[Reason | None, Check], ...] = (
    (Reason.CHROME, chrome),
    (Reason.IDIOM, idiom),
    (None, one_word),
    (Reason.YEAR, year_in_date),
    (Reason.DATE, date),
    (Reason.TIME, time),
    (Reason.IDENTIFIER, identifier),
    (Reason.AGE, age),
    (Reason.YEAR, year_like),
    (Reason.ORDINAL, ordinal),
    (Reason.NAME, name),
    (Reason.YEAR, year),
    (Reason.NAME, proper_name),
    (Reason.ANAPHORIC, anaphoric),
)
ONE_WORD_REASONS: dict[str, Reason] = {
    "pronoun/after": Reason.PRONOUN,
    "pronoun/before": Reason.PRONOUN,
    "pronoun/alone": Reason.PRONOUN,
    "article/default": Reason.ARTICLE,
}
Found = tuple[Reason, tuple[str, ...]]


def classify(text: str, token: Token, lex: Lexicon, spans: Spans) -> Found | None:
    """(reason, found_by) when the mention is not a claim, else None."""
    for reason, check in CHECKS:
        found = check(text, token, lex, spans)
        if found:
            return reason or ONE_WORD_REASONS[found], (found,)
    return None

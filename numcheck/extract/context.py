"""What surrounds a figure: its sentence, the thing it counts, who says it, and when.

These are shallow, rule-driven readings (word lists from ``rules/``), chosen over a
full parse so extraction stays fast and every reading can be explained. They are
as good as the sentence allows and no better: ``None`` when the text does not say.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from numcheck.extract.labels import previous_word
from numcheck.extract.letters import compiled
from numcheck.extract.lexicon import Lexicon, fold
from numcheck.extract.plurals import regular_plural
from numcheck.model import Period

# A run of end marks is tried from its first mark only: tried from each, a line of dots
# would cost the square of its length.
_BOUNDARY = re.compile(r"(?:(?<![.!?…])[.!?…]++[\"»”’)\]]*+|\n\s*\n?)(?=\s|$)|\n")
# A comma between digits is a decimal mark ("1,1 million"), not a clause break.
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:«»\"“”()\[\]–—]")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Sentences:
    """Sentence spans of one document, looked up by offset."""

    spans: list[tuple[int, int]]

    @staticmethod
    def of(text: str, lex: Lexicon) -> Sentences:
        spans = []
        start = 0
        for m in _BOUNDARY.finditer(text):
            if m.group(0).startswith(".") and _is_abbreviation(text, m.start(), lex):
                continue
            end = m.end()
            spans.append(_trim(text, start, end))
            start = end
        spans.append(_trim(text, start, len(text)))
        return Sentences([p for s in spans if s[1] > s[0] for p in _pieces(text, s)])

    def around(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.spans, (pos, float("inf"))) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return (pos, pos)

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.spans, (pos, float("inf"))) - 1


LONGEST_SENTENCE = 2000
"""Longer 'sentences' (a feed with no full stops, a table flattened into one line) are
read as pieces of at most this many characters, cut at a clause break or a space that
splits no figure. Everything read from a sentence (source, time, ellipsis) then costs
a bounded amount per figure, so extraction stays linear in the length of a line; no
real sentence of news comes near it."""


def _pieces(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    out = []
    while end - start > LONGEST_SENTENCE:
        cut = _cut(text, start + LONGEST_SENTENCE // 2, start + LONGEST_SENTENCE)
        out.append(_trim(text, start, cut))
        start = cut
    out.append(_trim(text, start, end))
    return [p for p in out if p[1] > p[0]]


_CUTS = (re.compile(r"[,;:]\s"), re.compile(r"(?<!\d)\s|\s(?!\d)"))


def _cut(text: str, low: int, high: int) -> int:
    """Where to end a piece within [low, high): after the last clause break, else after
    the last space not inside a figure, else at ``high``."""
    for pattern in _CUTS:
        ends = [m.end() for m in pattern.finditer(text, low, high)]
        if ends:
            return ends[-1]
    return high


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def _is_abbreviation(text: str, dot: int, lex: Lexicon) -> bool:
    m = re.search(r"(\S+)$", text[max(0, dot - lex.windows.abbreviation_before) : dot])
    if not m:
        return False
    word = fold(m.group(1) + ".")
    if word in lex.abbreviations or fold(m.group(1).split("(")[-1] + ".") in lex.abbreviations:
        return True
    return len(m.group(1)) == 1 and m.group(1).isupper()  # initials: "J. Biden"


def counted_after(text: str, pos: int, lex: Lexicon) -> str | None:
    """The noun phrase a figure counts: '175 000 [soldats russes], ainsi que…'.

    The phrase never crosses a line break: a headline's figure does not count the
    first words of the next paragraph.
    """
    words: list[str] = []
    i = pos
    m = lex.phrase_word.match(text, i)
    if m and (m.group(1) or fold(m.group(2) or "") in lex.noun_connectors):  # "d'euros", "of"
        i = m.end()
    limit = 4
    while len(words) < limit:
        m = lex.phrase_word.match(text, i)
        if not m or not m.group(2):
            break
        word = m.group(2)
        low = fold(word)
        if low in lex.noun_connectors and words:
            nxt = lex.phrase_word.match(text, m.end())
            follows = nxt.group(2) if nxt else None
            if follows and _content(follows, lex) and not follows[0].isupper():
                words.append(word)
                i = m.end()
                continue
            break
        if not _content(word, lex) or (words and _participle(word, lex)):
            break  # "a 40-mile convoy | stretched north"
        if words and word[0].isupper() and not words[-1][0].isupper():
            break  # a proper noun after the phrase starts something else
        if (words and lex.noun_head == "last" and regular_plural(words[-1], lex)
                and not regular_plural(word, lex)):
            break  # the plural head ends the phrase: "62% of Americans | oppose"
        words.append(word)
        i = m.end()
        if low in lex.anaphora:
            break
    while words and (fold(words[-1]) in lex.noun_connectors or _participle(words[-1], lex)):
        words.pop()
    return " ".join(words) or None


def counted_before(text: str, start: int, lex: Lexicon) -> str | None:
    """'Kyiv puts [Russian force] at 150,000': the counted noun stands before the figure."""
    return _phrase_before(text, start, lex.counted_before, lex)


def measured_before(text: str, start: int, lex: Lexicon) -> str | None:
    """'un [déficit] de 4,4 % du PIB', 'a [deficit] of 4.4% of GDP': what a share of a
    base measures; None when no such phrase stands right before (the share then
    counts nothing nameable and is never compared)."""
    return _phrase_before(text, start, lex.percent_measured, lex)


def _phrase_before(text: str, start: int, pattern: re.Pattern[str], lex: Lexicon) -> str | None:
    """The content words of ``pattern``'s ``np`` ending right at ``start`` (two words and
    a marker). The phrase is read from a bounded window, never from the start of a
    (possibly megabyte-long) line; the window starts at a word."""
    window = max(0, start - lex.windows.counted_before)
    line_start = text.rfind("\n", window, start) + 1 or window
    if line_start == window and window > 0:
        space = _SPACE.search(text, window, start)
        line_start = space.end() if space else start
    m = pattern.search(text, line_start, start)
    if not m:
        return None
    words = [w for w in m.group("np").split() if _content(w, lex) and not _participle(w, lex)]
    return " ".join(words) or None


def _content(word: str, lex: Lexicon) -> bool:
    low = fold(word)
    return low not in lex.stopwords and not any(low.endswith(s) for s in lex.verb_suffixes)


def _participle(word: str, lex: Lexicon) -> bool:
    """Participles ending a phrase ('troops returned', 'people died') are verbs."""
    return len(word) >= 4 and fold(word).endswith(tuple(lex.participle_endings) or ("\0",))


class Sources:
    """A sentence's attribution markers and verbs with the source each names, found once
    for all its figures (a sentence dense with figures would otherwise be searched once
    per figure); the verbs only when a figure of the sentence needs them."""

    def __init__(self, sentence: str, lex: Lexicon) -> None:
        self.sentence = sentence
        self.lex = lex
        # start, end, the clause after 'selon'
        self.markers: list[tuple[int, int, str | None]] = [
            (m.start(), m.end(), _clause(sentence, m.end(), lex, forward=True))
            for m in lex.attribution_marker.finditer(sentence)
        ]

    @functools.cached_property
    def verbs(self) -> list[tuple[int, str | None]]:
        """(start, who) of each reporting verb: 'X said' or 'said X'."""
        out: list[tuple[int, str | None]] = []
        for m in self.lex.attribution_verb.finditer(self.sentence):
            if previous_word(self.sentence, m.start(), self.lex) in self.lex.not_reporting_after:
                continue  # "is added", "an estimated 10,000": a passive or an adjective
            who = _clause(self.sentence, m.start(), self.lex, forward=False)
            if not who or not re.search(r"[^\W\d_]", who) or _DIGIT.search(who):
                # "…, a annoncé le ministère" / "…, said Lt. Hall": the source follows the
                # verb; a clause before it that holds digits is the claim, not its source
                # ("two US officials told" keeps its source: a number word may name one)
                who = self._inverted(m.end())
            out.append((m.start(), who))
        return out

    def _inverted(self, pos: int) -> str | None:
        named = compiled(_INVERTED).match(self.sentence, pos)
        if named:
            return named.group(1)
        after = _clause(self.sentence, pos, self.lex, forward=True)
        first = after.split()[0] if after else ""
        if first and (fold(first) in self.lex.apposition_heads
                      or fold(re.split(r"(?<=['’])", first)[0]) in self.lex.apposition_heads):
            return after
        return None


_DIGIT = re.compile(r"\d")
_INVERTED = r"\s+((?:[{CAP}][\w'’.-]*\s*){1,4})"  # "said Lt. Hall": up to 4 capitalised words


def sources(text: str, span: tuple[int, int], lex: Lexicon) -> Sources:
    return Sources(text[span[0] : span[1]], lex)


def attribution(
    text: str, span: tuple[int, int], claim_start: int, lex: Lexicon, claim_end: int | None = None,
    found: Sources | None = None,
) -> str | None:
    """Who makes the claim: 'selon X', 'X a déclaré', 'X said', 'according to X'.

    ``found`` is ``sources`` of the sentence when the caller keeps it.
    """
    found = found or sources(text, span, lex)
    rel = claim_start - span[0]
    rel_end = (claim_end if claim_end is not None else claim_start) - span[0]
    marked = _marked_source(found, rel, rel_end, lex)
    if marked:
        return marked
    best: str | None = None
    best_distance = None
    for verb_start, who in found.verbs:
        if not who:
            continue
        distance = abs(verb_start - rel) + (0 if verb_start <= rel else 1000)
        if best_distance is None or distance < best_distance:
            best, best_distance = who, distance
    return _clean(best, lex) if best else None


def _marked_source(found: Sources, rel: int, rel_end: int, lex: Lexicon) -> str | None:
    """The 'selon X' of the figure's own clause, so each figure keeps its own source.

    "À Marseille, 30 000 selon la police, 140 000 selon les syndicats": the first marker
    after the figure with no other figure in between is its own; else the last marker
    before it, unless another figure stands between that marker and the clause start
    ("30 000 selon la police, …": the police's figure, not the next one's).
    """
    sentence = found.sentence
    figure = _FIGURE_END.match(sentence, rel_end)
    rel_end = figure.end() if figure else rel_end
    for m_start, _, who in found.markers:
        if who and m_start >= rel_end and not _has_figure(sentence[rel_end:m_start], lex):
            return _clean(who, lex)
    for m_start, m_end, who in reversed(found.markers):
        if not who or m_end > rel:
            continue
        head = _CLAUSE_BREAK.split(sentence[:m_start])[-1]
        if not _has_figure(head, lex):
            return _clean(who, lex)
    return None


_FIGURE_END = re.compile(r"[\d\s.,\u00a0\u202f\u2009]*\d")  # the rest of a figure's digits


def _has_figure(text: str, lex: Lexicon) -> bool:
    return bool(re.search(r"\d", text) or lex.words.search(text))


def _clause(sentence: str, pos: int, lex: Lexicon, *, forward: bool) -> str | None:
    if forward:
        m = _CLAUSE_BREAK.search(sentence, pos)
        segment = sentence[pos : m.start() if m else len(sentence)]
        return " ".join(segment.split()[:8]) or None
    head = sentence[:pos]
    parts = _CLAUSE_BREAK.split(head)
    last = parts[-1].strip()
    # "le porte-parole du département, John Kirby, a confirmé": keep the apposition
    if len(parts) >= 3 and not last and parts[-2].strip():
        last = parts[-2].strip()
        parts = parts[:-1]
    if len(parts) >= 2 and last and all(w[:1].isupper() for w in last.split()):
        previous = parts[-2].strip()
        if previous and fold(previous.split()[0]) in lex.apposition_heads:
            last = f"{previous}, {last}"
    words = last.split()
    return " ".join(words[-12:]) or None


def _clean(who: str, lex: Lexicon) -> str | None:
    who = lex.leading_noise.sub("", who.strip(" ,.;:")).strip()
    who = lex.trailing_noise.sub("", who).strip()
    return who or None


def time_scope(
    text: str, span: tuple[int, int], claim: tuple[int, int], lex: Lexicon,
    found: list[tuple[int, int, str]] | None = None,
) -> str | None:
    """The time expression nearest the figure in its sentence ('en 2021', 'samedi').

    ``found`` is ``time_expressions`` of the sentence when the caller keeps it: the
    regular expression is costly, and a sentence holding many figures needs it once.
    """
    best: tuple[int, str] | None = None
    for m_start, m_end, words in found if found is not None else time_expressions(
        text, span, lex
    ):
        if m_start <= claim[0] < m_end:
            continue
        distance = claim[0] - m_end if m_end <= claim[0] else m_start - claim[1]
        if best is None or distance < best[0]:
            best = (distance, words)
    return best[1] if best else None


def time_expressions(text: str, span: tuple[int, int], lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, words) of each time expression of a sentence."""
    return [
        (m.start(), m.end(), " ".join(m.group(0).split()))
        for m in lex.time_expressions.finditer(text, span[0], span[1])
    ]


_WORDS = re.compile(r"[^\W\d_]+")


def resolve_period(time_scope: str | None, published: date | None, lex: Lexicon) -> Period | None:
    """'en 2021' → the year 2021; 'in January' → January 2022 for an article of February 2022.

    A month without a year is the latest such month not after publication; without a
    publication date it cannot be placed, and the claim is dated by nothing more.
    """
    if not time_scope:
        return None
    year_match = lex.years.dated.search(time_scope)
    month = next(
        (
            lex.month_numbers[w]
            for w in map(fold, _WORDS.findall(time_scope))
            if w in lex.month_numbers
        ),
        None,
    )
    if year_match:
        year = int(year_match.group(1))
        return Period.month(year, month) if month else Period.year(year)
    if published is None:
        return None
    if month is None:
        return _relative_period(fold(" ".join(time_scope.split())), published, lex)
    year = published.year if month <= published.month else published.year - 1
    return Period.month(year, month)


def _relative_period(scope: str, published: date, lex: Lexicon) -> Period | None:
    """'l'an dernier' → the year before publication; 'hier' → the day before; 'mardi' →
    the latest Tuesday on or before publication (relative_periods and weekdays in rules)."""
    if m := lex.relative_time.search(scope):
        unit, offset = lex.relative_periods[" ".join(m.group(0).split())]
        if unit == "year":
            return Period.year(published.year + offset)
        if unit == "month":
            index = published.year * 12 + published.month - 1 + offset
            return Period.month(index // 12, index % 12 + 1)
        return Period.day(published + timedelta(days=offset))
    weekdays = [fold(w) for w in lex.raw["weekdays"]]
    for word in _WORDS.findall(scope):
        if word in weekdays:
            back = (published.weekday() - weekdays.index(word)) % 7
            return Period.day(published - timedelta(days=back))
    return None

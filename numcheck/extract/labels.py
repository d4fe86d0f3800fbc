"""Numbers that label, locate or describe rather than count.

Real news is full of figures nobody should set against another: a person's age, a
street number, a road or an article of law, a product or an index named with a number,
a sports score, the one of "one of the reasons". A false claim becomes a false flag, so
each of these is recognised here and listed as a non-claim with its reason. The word
lists and patterns are rules data (``ages``, ``identifiers``, ``score_words``,
``one_words``…); this module only applies them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from numcheck.extract.letters import compiled
from numcheck.extract.lexicon import Lexicon, fold
from numcheck.extract.plurals import plural
from numcheck.extract.scanner import Token
from numcheck.model import Reason

_WORDS_AFTER = re.compile(r"[\s,]*([^\W\d_][\w'’-]*|\d+)")
_CAPITALISED_BEFORE = re.compile(r"([^\W\d_][\w&.+'’-]*)[ \u00a0]$")
_APPOSED = re.compile(r"(?<![\w])[^\W\d_][\w'’-]+(?:,\s?|\s\()$")
_PLAIN_INT = ("digits/plain", "words/text2num")
_SENTENCE_PUNCT = re.compile(r"[.;:!?]")
_ELIDED_END = re.compile(r"[^\W\d_]+['’]$")
_LAST_WORD = re.compile(r"([\w'’-]+)\W*$")
_FIRST_WORD_AFTER = re.compile(r"[ \t\u00a0]*([^\W\d_][\w'’-]*)")
_SPACED_WORD = re.compile(r"[ \u00a0]([^\W\d_][\w'’-]*)")
_WORD_BEFORE_SPACES = re.compile(r"([^\W\d_][\w'’-]*)\s+$")


def identifier_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where the identifier patterns (label words, addresses, phones, codes) match."""
    spans = []
    for pattern in lex.identifiers:
        for m in pattern.finditer(text):
            has_n = "n" in pattern.groupindex and m.group("n") is not None
            spans.append(m.span("n") if has_n else m.span())
    return sorted(spans)


_CLAUSE_GOES_ON = re.compile(r"\s*,")
_LIST_NUMBER = re.compile(r"\d+(?:[.\-/]\d+)*,?$")


def labelled(text: str, token: Token, lex: Lexicon) -> bool:
    """'l'article 3', 'la ligne 7', 'articles 46 et 61', 'n° 33', 'Route 9', '#2', 'day five'.

    The label word is looked up in a set (``identifiers.before``), never searched for
    across the text: this runs once per figure.
    """
    if text[max(0, token.start - 1) : token.start] == "#":
        return True
    window = lex.windows
    before = text[max(0, token.start - window.label_before) : token.start]
    words = fold(before).split()[-window.label_before_words :]
    # between a label word and its number: the language's gap words ("n°", "et") and
    # earlier numbers of a list
    while words and (words[-1] in lex.label_gap or words[-1] == ","
                     or _LIST_NUMBER.match(words[-1])):
        if words[-1] in lex.number_signs:
            return True
        words.pop()
    if not words or _label_word(words[-1]) not in _last_words(lex.label_heads):
        return False  # every label phrase ends with the word just before the number
    if len(words) > 1 and _label_word(words[-2]) in lex.label_verb_subjects:
        return False  # "il porte deux plumes": the label word is a verb
    words = [_label_word(w) for w in words[-3:]]
    return any(" ".join(words[i:]) in lex.label_heads for i in range(len(words)))


def _label_word(word: str) -> str:
    """A folded word as label phrases list it: "l'article" is "article", "(route" "route"."""
    return word.rpartition("'")[2].strip("([«\"“")


@functools.cache
def _last_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split(" ")[-1] for p in phrases)


def next_words(text: str, pos: int, n: int) -> list[str]:
    """Up to ``n`` folded words after ``pos`` in the same sentence (a few commas allowed)."""
    out: list[str] = []
    i = pos
    while len(out) < n:
        m = _WORDS_AFTER.match(text, i)
        if not m or "\n" in text[i : m.start(1)] or _SENTENCE_PUNCT.search(text, i, m.start(1)):
            break
        out.append(fold(m.group(1)))
        i = m.end()
    return out


def previous_word(text: str, pos: int, lex: Lexicon) -> str:
    """The folded word just before ``pos``; an elided article ("l'une") is its own word."""
    before = text[max(0, pos - lex.windows.word_before) : pos]
    if m := _ELIDED_END.search(before):
        return fold(m.group(0))  # "l'", "qu'", "quelqu'"
    m = _LAST_WORD.search(before)
    return fold(m.group(1)) if m else ""


def counts_after(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether a content word (a counted noun) follows: '2000 soldats', not '2000.'."""
    m = _FIRST_WORD_AFTER.match(text, pos, pos + lex.windows.counted_after)
    return m is not None and m.group(1)[0].islower() and fold(m.group(1)) not in lex.stopwords


def range_counts_after(text: str, pos: int, lex: Lexicon) -> bool:
    """'2000 - 2500 calories', 'de 1500 à 2000 soldats': the range's far end counts."""
    m = lex.range_end.match(text, pos, pos + lex.windows.range_end_after)
    return m is not None and counts_after(text, m.end(), lex)


def age(text: str, token: Token, lex: Lexicon) -> str | None:
    """'a 21-year-old man', 'âgé de 57 ans', "l'enfant de 8 ans", 'Name, 57,'."""
    if token.value is None or token.low is not None:
        return None
    rules, window = lex.ages, lex.windows
    after = fold(text[token.end : token.end + window.age_after])
    if rules.after.match(after):
        return "age/after"
    if token.value > 130:
        return None
    before = fold(text[max(0, token.start - window.age_before) : token.start])
    if rules.before.search(before):
        return "age/before"
    if rules.before_alone.search(before) and not counts_after(text, token.end, lex):
        return "age/before-alone"
    years = rules.years.match(after)
    if years and (rules.person.search(before) or rules.titled.search(
            text, max(0, token.start - window.age_before), token.start)):
        return "age/person"  # "l'enfant de 8 ans", "cette Lyonnaise de 26 ans"
    if (years and rules.at.search(before) and _CLAUSE_GOES_ON.match(after, years.end())
            and not lex.hedge_before.search(before)):
        return "age/at"  # "qu'à 26 ans, il devient": not "condamné à 5 ans", "durée à 3 ans."
    if rules.apposition and token.value == int(token.value) and _apposed(text, token, lex):
        return "age/apposition"
    return None


def _apposed(text: str, token: Token, lex: Lexicon) -> bool:
    """'Christopher Thompkins, 57, said' / 'Jean Dupont (57 ans)' / 'the suspect, 19, was'.

    A capitalised name or a listed person noun: 'In Leeds, 40 people' is no age because
    nothing closes the apposition after the figure.
    """
    m = _APPOSED.search(text, max(0, token.start - lex.windows.apposition_before), token.start)
    if not m:
        return False
    name = m.group(0).rstrip(" ,(")
    if not name[0].isupper() and fold(name) not in lex.ages.person_words:
        return False
    if fold(name) in lex.stopwords or fold(name) in lex.month_numbers or _weekday(name, lex):
        return False
    rest = text[token.end : token.end + lex.windows.apposition_after]
    years = lex.ages.years.match(fold(rest))
    if years:
        rest = rest[years.end() :]
    closer = ")" if m.group(0).endswith("(") else ","
    return rest.lstrip().startswith(closer)


def _weekday(word: str, lex: Lexicon) -> bool:
    return fold(word) in {fold(w) for w in lex.raw["weekdays"]}


def proper_name(text: str, token: Token, lex: Lexicon) -> str | None:
    """'Internet Explorer 6', 'CAC 40', 'Boeing 737', 'Vostok 1': a number naming a thing."""
    if token.pattern not in _PLAIN_INT or token.words or token.end - token.start > 5:
        return None
    m = _CAPITALISED_BEFORE.search(text, max(0, token.start - lex.windows.name_before),
                                   token.start)
    if not m:
        return None
    word = re.split(r"['’]", m.group(1))[-1] or m.group(1)  # "l'Interstate 80"
    if token.end - token.start == 5 and not word.isupper():
        return None  # "HIP 12961" names a star; "Lyon 12961" is no name
    low = fold(word)
    if (not word[0].isupper() or low in lex.stopwords or low in lex.month_numbers
            or low in lex.hedge_words or low in lex.year_context or _weekday(word, lex)):
        return None
    if _title_case_line(text, token.start):
        return None  # "Rebels Kill 12 Soldiers": a headline in title case names nothing
    after = text[token.end : token.end + lex.windows.amount_after]
    if (lex.percent.match(after) or lex.currency_after.match(after)
            or lex.units_after.match(after)):
        return None
    nxt = _SPACED_WORD.match(after)
    if (nxt and nxt.group(1)[0].islower() and fold(nxt.group(1)) not in lex.stopwords
            and plural(nxt.group(1), lex)):
        return None  # "Texas 12 people": a count after a place name
    return "name/capitalised-before"


def _title_case_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[start : end if end >= 0 else None])
             if len(w) > 3]
    return 4 <= len(words) <= 14 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def spelled_name(text: str, token: Token, lex: Lexicon) -> str | None:
    """'la guerre de Trente Ans', 'Les Cent Arpents': a capitalised number word mid-sentence."""
    if not token.words or not text[token.start].isupper():
        return None
    before = text[max(0, token.start - 3) : token.start]
    if not before or re.search(r"(?:^|[.!?\n»\"“(]\s*)$", before) or before.endswith("\n"):
        return None
    reach = lex.windows.word_after
    nxt = _SPACED_WORD.match(text, token.end, token.end + reach)
    if nxt and fold(nxt.group(1)) in {fold(w) for w in lex.raw["name_connectors"]}:
        # "Quatre du Texas": a small word of a name may stand before its next capital
        nxt = _SPACED_WORD.match(text, nxt.end(), nxt.end() + reach)
    return "name/capitalised-words" if nxt and nxt.group(1)[0].isupper() else None


def year_like(text: str, token: Token, lex: Lexicon) -> str | None:
    """Years the plain year rule misses: 'en 1450', 'vers 731', '(1779)', '1971-72',
    'les années 80', '1960s', 'the 1969 film' (the spans are the language's ``years``)."""
    if token.pattern != "digits/plain" or token.value is None:
        return None
    value, width = token.value, token.end - token.start
    years = lex.years
    if width in (2, 4) and years.span_before.search(text, max(0, token.start - 16), token.start):
        return "year/span"
    before = fold(text[max(0, token.start - lex.windows.year_before) : token.start])
    if lex.hedge_before.search(before):
        return None
    prev = previous_word(text, token.start, lex)
    if prev in lex.decade_lead and value % 10 == 0 and width in (2, 4):
        return "year/decade"
    decade = (lex.decade_suffix if width == 4 else lex.short_decade_suffix if width == 2
              else None)
    if value % 10 == 0 and decade is not None and decade.match(text, token.end):
        return "year/decade"  # "1960s", "90's"
    strong = lex.year_lead_strong.search(before) if width in (3, 4) else None
    if (strong and years.after_lead[0] <= value <= years.after_lead[1]
            and (width == 4 or fold(strong.group(0).strip()) not in _range_leads(lex))
            and not (counts_after(text, token.end, lex)
                     and plural(next_words(text, token.end, 1)[0], lex))
            and not range_counts_after(text, token.end, lex)):
        return "year/context"
    if width == 4 and years.is_plain(value) and re.search(r"\($", before) and re.match(
            r"\s*(?:\)|[-–]\s*\d{4}\s*\))", text[token.end : token.end + 10]):
        return "year/parenthesis"
    if (width == 4 and years.attributive[0] <= value <= years.attributive[1]
            and prev in lex.year_determiners
            and counts_after(text, token.end, lex)):
        nxt = next_words(text, token.end, 1)
        if nxt and (not plural(nxt[0], lex) or value >= years.attributive_plural_from):
            return "year/attributive"  # "the 1969 film", "the 2014 protests"
    return None


def _range_leads(lex: Lexicon) -> set[str]:
    return {lead for lead, _ in lex.ranges if lead}


def scores(text: str, tokens: Sequence[Token], lex: Lexicon,
           sentence_of: dict[int, tuple[int, int]]) -> set[int]:
    """Indices of tokens that are the two sides of a sports score ('2-0', '36-32', '1 – 1').

    A dash pair whose first figure is not smaller can never be a range; a smaller-first
    pair, or a pair joined by a word ("81 à 71"), is a score only in a sentence that
    speaks of a match (``score_words``).
    """
    out: set[int] = set()
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if (a.pattern not in SCORE_PATTERNS or b.pattern not in SCORE_PATTERNS
                or a.value is None or b.value is None or a.value > 300 or b.value > 300):
            continue
        gap = text[a.end : b.start]
        if _tally(text, a, b, gap, lex):
            out.update((i, i + 1))  # "Internet: 1, Scientology: 0": two named sides
            continue
        dash = re.fullmatch(r"\s*[-–—]\s*", gap) is not None
        worded = lex.score_joiners.fullmatch(gap) is not None
        if not dash and not worded:
            continue
        start, end = sentence_of.get(i, (0, len(text)))
        words = set(re.findall(r"[^\W\d_][\w'’-]*", fold(text[start:end])))
        match_talk = not words.isdisjoint(lex.score_words)
        teams = dash and _capitalised_word_before(text, a.start, lex) and compiled(
            r"\s+[{CAP}]").match(text, b.end, b.end + 3) is not None  # "Tunisia 1 – 2 England"
        if (dash and a.value >= b.value) or teams or (
                match_talk and (dash or a.value > b.value)):
            out.update((i, i + 1))
    return out | _listed_scores(text, tokens, out)


SCORE_PATTERNS = frozenset({"digits/plain", "words/text2num", "one"})  # "un à zéro" too
_SCORE_PAIR = re.compile(r"\d{1,3}-\d{1,3}")
_SIDE = r"[{CAP}][\w'’.-]*(?:\s[{CAP}][\w'’.-]*){0,2}"  # a capitalised name, up to 3 words
_TALLY_BEFORE = rf"(?<![\w]){_SIDE}\s?:\s*$"
_TALLY_GAP = rf"\s*[,;]\s*{_SIDE}\s?:\s*"
_SCORE_LIST_GAP = re.compile(r"\s*[,;/]\s*")


def _tally(text: str, a: Token, b: Token, gap: str, lex: Lexicon) -> bool:
    """'Internet: 1, Scientology: 0': two capitalised sides, one digit each, no third side
    (a longer list, or 'Republicans: 52, Democrats: 48', is a count per side)."""
    window, tally_gap = lex.windows, compiled(_TALLY_GAP)
    return (a.end - a.start == 1 and b.end - b.start == 1 and tally_gap.fullmatch(gap) is not None
            and compiled(_TALLY_BEFORE).search(
                text, max(0, a.start - window.tally_before), a.start) is not None
            and tally_gap.match(text, b.end, b.end + window.tally_more_after) is None
            and tally_gap.search(text, max(0, a.start - window.tally_more_before), a.start)
            is None)


def _listed_scores(text: str, tokens: Sequence[Token], scored: set[int]) -> set[int]:
    """'(0-2, 1-0)': a glued dash pair listed right next to a score is a score too."""
    out: set[int] = set()
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if i in scored or not _SCORE_PAIR.fullmatch(text, a.start, b.end):
            continue
        for j in (i - 1, i + 2):
            if j in scored and 0 <= j < len(tokens):
                gap = (text[tokens[j].end : a.start] if j < i
                       else text[b.end : tokens[j].start])
                if _SCORE_LIST_GAP.fullmatch(gap):
                    out.update((i, i + 1))
    return out


def _capitalised_word_before(text: str, pos: int, lex: Lexicon) -> bool:
    m = _WORD_BEFORE_SPACES.search(text, max(0, pos - lex.windows.word_before), pos)
    return m is not None and m.group(1)[0].isupper()


_SHARED_REASONS = frozenset(
    (Reason.AGE, Reason.IDENTIFIER, Reason.NAME, Reason.YEAR, Reason.DATE))


def spread(text: str, tokens: Sequence[Token],
           reasons: list[tuple[Reason, tuple[str, ...]] | None], lex: Lexicon) -> None:
    """A range shares its reading: 'aged 8–10 years', 'BWV 1007 à 1012', 'entre 1715 et 1717'.

    When one end of a joined pair is an age, identifier, name or year and the other end
    was read as a claim, the other end takes the same reason.
    """
    joins = lex.pair_joiners
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        between = text[a.end : b.start]
        if len(between) > 12 or "\n" in between:
            continue  # the length first: the text between two figures may be a paragraph
        if len(between) > 5 and (unit := lex.units_after.match(between)):
            between = between[unit.end() :]  # "14 ans à 20 ans": the unit repeated
        if fold(between.strip()) not in joins:
            continue
        ra, rb = reasons[i], reasons[i + 1]
        for src, dst in ((ra, i + 1), (rb, i)):
            if not src or reasons[dst] is not None:
                continue
            if src[0] is not Reason.AGE and counts_after(text, tokens[dst].end, lex):
                continue  # "de 1900 à 2000 soldats", "D2 et 2 saisons": the counted noun wins
            if src[0] in _SHARED_REASONS:
                reasons[dst] = (src[0], (*src[1], "range/shared"))

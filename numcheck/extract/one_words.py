"""When the word for one counts: 'One person was shot', 'une semaine', 'only one vote'.

'One' and 'un' are far more often an article or a pronoun than a figure ('One poster
wrote', 'un homme'); news copy still uses them to count. A word for one counts only on
evidence: a casualty noun or event, a hedge, a limiting word before it ('only', 'dont'),
a unit after it ('une semaine'), a distributive ('one vote in each'), another figure it
is listed with ('quatre prêtres et un laïc') or contrasted with ('36 shells … one
shell'), or the far end of a range ('une à deux semaines'). The words are rules data
(``one_words``); this module applies them.
"""

from __future__ import annotations

import re

from text_to_num import text2num

from numcheck.extract.labels import next_words, previous_word
from numcheck.extract.lexicon import Lexicon, fold
from numcheck.extract.scanner import Token

_CLAUSE_END = re.compile(r"[.;:!?()\n]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d\s.,]*\d|\d")


def one_word(text: str, token: Token, lex: Lexicon) -> str | None:
    """'un soldat a été tué', 'One person was shot' count; 'l'un des', 'one of the' do not."""
    if token.pattern != "one":
        return None
    rules = lex.one
    nxt = next_words(text, token.end, max(rules.window, 3) + 1)
    prev = previous_word(text, token.start, lex)
    first = nxt[0] if nxt else ""
    if first[:1].isdigit() or first in rules.article_after:
        return "article/default"  # "au mieux un 5 %", "une telle politique"
    if first in rules.nouns or first in rules.alone or prev in rules.count_before:
        return None  # "un mort", "un seul", "only one", "dont une"
    if (prev in rules.partitive_before and (not first or first in lex.stopwords)
            and _group_before(text, token, lex)):
        return None  # "20 blessés, dont un en réanimation": one of them, standing alone
    window = lex.windows
    before = fold(text[max(0, token.start - window.hedge_before) : token.start])
    if lex.hedge_before.search(before) or lex.hedge_after.match(
            fold(text[token.end : token.end + window.hedge_after])):
        return None  # "au moins une", "plus d'un", "one or more"
    if _range_start(text, token, lex):
        return None  # "une à deux semaines"
    if first in rules.pronoun_after:
        if any(w in rules.nouns for w in nxt[1:4]):
            return None  # "l'une des victimes": one of a counted group
        return "pronoun/after"
    if prev in rules.pronoun_before:
        return "pronoun/before"
    if not first or (first in lex.stopwords and first not in lex.range_joiners):
        return "pronoun/alone"  # "the new one.", "a serious one would": it stands for a noun
    for w in nxt[1 : 1 + rules.window]:
        # "un soldat tué", "un soldat a été tué"; not "un Italien qui fut arrêté"
        if w in rules.events:
            return None
        if w not in rules.auxiliaries:
            break
    if rules.counts_by_default or _counts(text, token, lex, nxt):
        return None
    return "article/default"


def _counts(text: str, token: Token, lex: Lexicon, nxt: list[str]) -> bool:
    first = nxt[0]
    if first in lex.durations and first not in lex.one.ordinal_homographs:
        return True  # "une semaine après", "one day to test it"
    if any(w in lex.one.count_after for w in nxt[1:4]):
        return True  # "one vote in each referendum"
    start, end = _clause(text, token, lex)
    return _listed(text, token, start, end, lex) or _contrasted(text, token, first, start, end, lex)


def _group_before(text: str, token: Token, lex: Lexicon) -> bool:
    """A counted figure earlier in the clause: the group the word for one is part of."""
    start, _ = _clause(text, token, lex)
    return any(_counted_figure(text, m, lex) for m in _WORD.finditer(text, start, token.start))


def _clause(text: str, token: Token, lex: Lexicon) -> tuple[int, int]:
    reach = lex.windows.clause_reach
    start = max(0, token.start - reach)
    ends = list(_CLAUSE_END.finditer(text, start, token.start))
    start = ends[-1].end() if ends else start
    after = _CLAUSE_END.search(text, token.end, token.end + reach)
    return start, after.start() if after else min(len(text), token.end + reach)


def _is_figure(word: str, lex: Lexicon) -> bool:
    """Digits (not a year) or a number word other than the word for one (an article)."""
    if word[0].isdigit():
        return not (len(word) == 4 and word.isdigit() and lex.years.is_plain(int(word)))
    low = fold(word)
    return low in lex.number_words and low not in lex.one.words


def _counted_figure(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """A figure that counts things: no percent, currency or unit after it."""
    if not _is_figure(m.group(0), lex):
        return False
    after = text[m.end() : m.end() + lex.windows.amount_after]
    return not (lex.percent.match(after) or lex.currency_after.match(after)
                or lex.units_after.match(after))


def _listed(text: str, token: Token, start: int, end: int, lex: Lexicon) -> bool:
    """'quatre prêtres diocésains et un laïc', 'un pilier central, six câbles': one item of
    a list of counts; the other figure is at most three words away, with a conjunction
    just before the later item or a comma right before it."""
    joins = lex.one.list_joiners
    before = list(_WORD.finditer(text, start, token.start))[-4:]
    comma_before = text[: token.start].rstrip().endswith(",")
    for i, m in enumerate(before):
        gap = before[i + 1 :]
        if _counted_figure(text, m, lex) and 1 <= len(gap) <= 3 and (
                fold(gap[-1].group(0)) in joins or comma_before):
            return True
    after = list(_WORD.finditer(text, token.end, end))[:4]
    for i, m in enumerate(after):
        if 1 <= i <= 3 and _counted_figure(text, m, lex):
            joined = fold(after[i - 1].group(0)) in joins
            return joined or text[: m.start()].rstrip().endswith(",")
    return False


def _contrasted(text: str, token: Token, noun: str, start: int, end: int,
                lex: Lexicon) -> bool:
    """'fired 36 shells … fired one shell', '2 fois … une fois': the same noun counted."""
    if noun in lex.stopwords or len(noun) < 3:
        return False
    plural = "|".join(re.escape(e) for e in lex.plural_endings)
    for m in re.finditer(rf"(?<![\w]){re.escape(noun)}(?:{plural})?(?![\w])",
                         fold(text[start:end])):
        at = start + m.start()
        if token.start <= at <= token.end + 2:
            continue  # the noun after this very 'one'
        words = list(_WORD.finditer(text, max(start, at - lex.windows.contrast_before), at))[-2:]
        if any(_counted_figure(text, w, lex) for w in words):
            return True
    return False


def _range_start(text: str, token: Token, lex: Lexicon) -> bool:
    """'une à deux semaines', 'one to three days': the low end of a range."""
    m = re.match(r"\s*(?:-|–|[^\W\d_]+)\s*([^\W\d_]+|\d+)",
                 text[token.end : token.end + lex.windows.range_end_after])
    if not m or fold(m.group(0).split()[0]) not in lex.range_joiners:
        return False
    far = m.group(1)
    if far.isdigit():
        return int(far) > 1
    try:
        return float(text2num(fold(far), lex.lang)) > 1
    except (ValueError, KeyError):
        return False

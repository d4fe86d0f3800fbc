"""Find every numeric mention in a text: digits, number words, vague quantities, placeholders.

The scanner decides only *where* the numbers are and what value their own text holds;
whether a mention is a claim, a date or page chrome is decided afterwards
(``nonclaims``), so that nothing numeric is dropped without a reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from text_to_num import text2num

from numcheck.extract.figures import read_digits
from numcheck.extract.lexicon import Lexicon, entry, fold

_WORD_SPLIT = re.compile(r"[\s-]+")
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’-]*)")


@dataclass(slots=True)
class Token:
    """A numeric mention before classification; ``pattern`` says which recognizer found it."""

    start: int
    end: int
    value: float | None
    pattern: str
    words: bool = False
    low: float | None = None
    high: float | None = None
    scaled: float | None = None  # the scale word or suffix applied, if any
    precision: float | None = None  # "1,28 million": rounded to 10 000 (see ``Claim``)
    placeholder: Mapping[str, Any] | None = None
    too_large: bool = False  # beyond ``garbles.too_large.above``: no value is given
    nominal: float | None = None  # a vague quantity's figure, for a hedge to apply to


def scan(text: str, lex: Lexicon, garbles: Mapping[str, Any]) -> list[Token]:
    tokens: list[Token] = []
    for m in lex.vague.finditer(text):
        key = re.sub(r"\s+", " ", fold(m.group(0)))
        low, high = lex.vague_bounds[key]
        tokens.append(Token(m.start(), m.end(), None, "vague", low=low,
                            high=high, nominal=lex.vague_values.get(key)))
    for m in lex.fractions.finditer(text):
        reach = lex.windows.fraction_word_before
        prev = re.search(r"([\w'’]+)\W*$", text[max(0, m.start() - reach) : m.start()])
        if prev and fold(prev.group(1)) in lex.fraction_exclude:
            continue  # "the first half", "la première moitié"
        window = text[max(0, m.start() - lex.windows.half_before) : m.end()]
        if any(h.end() == len(window) for h in lex.half_words.finditer(window)):
            continue  # "two hours and a half": the half belongs to the figure before
        if fold(m.group(0)) in lex.fraction_ordinals and _noun_follows(text, m.end(), lex):
            continue  # "a third goal": an ordinal
        value = lex.fraction_values[re.sub(r"\s+", " ", fold(m.group(0)))]
        tokens.append(Token(m.start(), m.end(), value, "fraction", words=True))
    for holder in garbles["placeholders"]:
        if holder["token"] not in text:
            continue  # most texts hold none: no pattern tried at each of their characters
        for m in re.finditer(rf"(?<![\w]){re.escape(holder['token'])}(?![\w])", text):
            tokens.append(Token(m.start(), m.end(), None, "placeholder", placeholder=holder))
    for m in lex.digits.finditer(text):
        for token in _digit_tokens(m, lex):
            _apply_scale(text, token, lex)
            _apply_sign(text, token)
            tokens.append(token)
    # "cinq pour cent": the "cent" of a percent phrase is a unit, never a figure
    masked = lex.percent_phrase.sub(lambda m: " " * len(m.group(0)), text)
    for m in lex.words.finditer(masked):
        tokens.extend(_word_tokens(text, m, lex))
    ceiling = float(garbles["too_large"]["above"])
    for token in tokens:
        if token.value is not None and not abs(token.value) <= ceiling:  # inf and NaN too
            token.value, token.too_large = None, True
    return _without_overlaps(tokens)


def _digit_tokens(m: re.Match[str], lex: Lexicon) -> list[Token]:
    """One token for a figure, or one per digit run when the figure fits no reading."""
    reading = read_digits(m.group(0), lex.decimal)
    if reading is not None:
        return [Token(m.start(), m.end(), reading.value, f"digits/{reading.how}")]
    return [
        Token(m.start() + r.start(), m.start() + r.end(), float(r.group(0)), "digits/plain")
        for r in re.finditer(r"\d+", m.group(0))
    ]


def _apply_sign(text: str, token: Token) -> None:
    """'-6°C', '−3 %', '(-1)': a minus glued to the figure, not a hyphen inside a word or range."""
    if token.start and text[token.start - 1] in "-−" and token.value is not None:
        before = text[token.start - 2] if token.start >= 2 else " "
        if before.isspace() or before in "([«\"':;=":
            token.value = -token.value
            token.start -= 1


def _apply_half(text: str, token: Token, lex: Lexicon, scale: float | None) -> None:
    """'un million et demi', '1 million and a half': half the scale is added."""
    if scale and token.value is not None and (m := lex.half_words.match(text, token.end)):
        token.value += scale / 2
        token.end = m.end()


def _apply_scale(text: str, token: Token, lex: Lexicon) -> None:
    if token.value is not None and (money := lex.scaled_currency.match(text, token.end)):
        factor = lex.scaled_currencies[money.group("s")][0]  # "100 MEUR": the kind is read later
        token.value *= factor
        token.scaled = factor
        return
    m = lex.scale_after.match(text, token.end)
    if not m or token.value is None:
        return
    if m.group("word"):
        factor = lex.scale_words[entry(m.group("word"))]
    elif m.group("spaced"):
        factor = lex.scale_suffixes[fold(m.group("spaced"))]
    else:
        suffix = m.group("suffix")
        # "15m" is metres unless money is being counted ("$15m", "15m€").
        if suffix in lex.raw["units"] and not _money_around(text, token.start, m.end(), lex):
            return
        factor = lex.scale_suffixes[fold(suffix)]
    written = text[token.start : token.end]
    if lex.decimal in written:
        decimals = len(written.rsplit(lex.decimal, 1)[1])
        token.precision = factor / 10**decimals if 0 < decimals <= 3 else None
    token.value *= factor
    token.scaled = factor
    token.end = m.end()
    token.pattern += "+scale"
    _apply_half(text, token, lex, factor)


def _money_around(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A currency sign or word right before the figure or right after its suffix."""
    return bool(
        lex.currency_before.search(text[max(0, start - lex.windows.scale_money_before) : start])
        or lex.currency_after.match(text[end : end + lex.windows.scale_money_after])
    )


def _word_tokens(text: str, m: re.Match[str], lex: Lexicon) -> list[Token]:
    surface = m.group(0)
    words = [w for w in _WORD_SPLIT.split(fold(surface)) if w]
    if len(words) == 1:
        word = words[0]
        if word in lex.one.words:  # "un", "une", "one": claim, article or pronoun, decided later
            return [Token(m.start(), m.end(), 1.0, "one", words=True)]
        if word in lex.article_numerals:
            return []
        if word in lex.homograph_numerals and not (
                _noun_follows(text, m.end(), lex) or _counted_after_verb(text, m.start(), lex)):
            return []
    value = _words_value(surface, lex)
    if value is not None:
        token = Token(m.start(), m.end(), value, "words/text2num", words=True)
        _apply_half(text, token, lex, lex.scale_words.get(words[-1]))
        return [token]
    # not one number ("deux trois"): read each word on its own
    out = []
    for w in re.finditer(r"[^\s-]+", surface):
        single = _words_value(w.group(0), lex)
        if single is not None and fold(w.group(0)) not in lex.article_numerals:
            start = m.start() + w.start()
            out.append(Token(start, start + len(w.group(0)), single, "words/text2num", words=True))
    return out


def _words_value(surface: str, lex: Lexicon) -> float | None:
    try:
        return float(text2num(fold(surface).replace("’", "'"), lex.lang))
    except (ValueError, KeyError, OverflowError):
        return None


_WORDS_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+(?:([^\W\d_][\w'’-]*)\s+)?$")


def _counted_after_verb(text: str, pos: int, lex: Lexicon) -> bool:
    """'Ils sont sept.', 'ils étaient déjà neuf à…': a plural verb, at most one word
    between, makes a homograph a count standing alone."""
    if not lex.homograph_count_after:
        return False
    m = _WORDS_BEFORE.search(text, max(0, pos - lex.windows.plural_verb_before), pos)
    return m is not None and any(
        w is not None and fold(w) in lex.homograph_count_after for w in m.groups())


def _noun_follows(text: str, pos: int, lex: Lexicon) -> bool:
    m = _NEXT_WORD.match(text, pos)
    return m is not None and fold(m.group(1)) not in lex.stopwords


_PRIORITY = {"vague": 0, "fraction": 1, "placeholder": 2, "digits": 3, "words": 4, "one": 5}


def _without_overlaps(tokens: list[Token]) -> list[Token]:
    """Keep the longest, most specific token where recognizers overlap."""
    ranked = sorted(
        tokens, key=lambda t: (_PRIORITY[t.pattern.split("/")[0]], t.start - t.end, t.start)
    )
    kept: list[Token] = []
    taken = bytearray(max((t.end for t in tokens), default=0))  # 1 where a kept token is
    for t in ranked:
        if taken.find(1, t.start, t.end) == -1:
            kept.append(t)
            taken[t.start : t.end] = b"\x01" * (t.end - t.start)
    return sorted(kept, key=lambda t: t.start)

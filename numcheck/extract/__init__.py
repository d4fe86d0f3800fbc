"""Extraction: every numeric mention of a document becomes a claim or a listed non-claim."""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date

from numcheck.extract import claims as build
from numcheck.extract import labels
from numcheck.extract.borrowing import Lenders
from numcheck.extract.context import (
    Sentences,
    Sources,
    attribution,
    resolve_period,
    sources,
    time_expressions,
    time_scope,
)
from numcheck.extract.direction import direction_before
from numcheck.extract.lexicon import Lexicon, compile_lexicon
from numcheck.extract.nonclaims import Found, Spans, classify
from numcheck.extract.scanner import Token, scan
from numcheck.ingest.language import detect_language
from numcheck.model import Claim, Document, Extraction, OtherMention, Reason, claim_id
from numcheck.rulebook import Rulebook, load_rules

__all__ = ["extract", "extract_document", "lexicon"]


def extract(
    text: str,
    *,
    lang: str | None = None,
    doc: str = "<text>",
    published: date | None = None,
    outlet: str | None = None,
    rules: Rulebook | None = None,
) -> list[Claim]:
    """The claims in ``text``; the language is detected unless given."""
    rules = rules or load_rules()
    document = Document(
        name=doc,
        path=doc,
        text=text,
        lang=lang or detect_language(text, rules),
        published=published,
        outlet=outlet,
    )
    return list(extract_document(document, rules).claims)


def lexicon(rules: Rulebook, lang: str) -> Lexicon:
    return _lexicon(rules, lang)


@functools.lru_cache(maxsize=32)
def _lexicon(rules: Rulebook, lang: str) -> Lexicon:
    return compile_lexicon(lang, rules.language(lang))


class _Positions:
    """1-based line and column of an offset, for annotations that point at a figure."""

    def __init__(self, text: str) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def __call__(self, pos: int) -> tuple[int, int]:
        line = bisect.bisect_left(self.newlines, pos)
        line_start = self.newlines[line - 1] + 1 if line else 0
        return line + 1, pos - line_start + 1


_TIME_READINGS = (Reason.YEAR, Reason.DATE, Reason.TIME)


def _not_times(tokens: list[Token], found: list[Found | None]) -> list[int]:
    """Starts of the figures read as something other than a time.

    The time-expression pattern takes any '1900'-like number for a year; a number already
    read as an address, a name or a count ('at 1520 Main Street', '1950 tanks') must not
    become the period of the claims around it.
    """
    return sorted(t.start for t, f in zip(tokens, found, strict=True)
                  if f is None or f[0] not in _TIME_READINGS)


def _holds_any(starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def extract_document(document: Document, rules: Rulebook | None = None) -> Extraction:
    rules = rules or load_rules()
    lex = lexicon(rules, document.lang)
    text = document.text
    spans = Spans.of(text, lex)
    sentences = Sentences.of(text, lex)
    position = _Positions(text)
    others: list[OtherMention] = []
    claim_tokens = []
    tokens = scan(text, lex, rules.garbles)
    found_all = [classify(text, token, lex, spans) for token in tokens]
    sentence_of = {i: sentences.around(t.start) for i, t in enumerate(tokens)
                   if t.pattern in labels.SCORE_PATTERNS}
    for i in labels.scores(text, tokens, lex, sentence_of):
        current = found_all[i]
        if current is None or current[0] is Reason.NAME:
            found_all[i] = (Reason.SCORE, ("score/pair",))
    labels.spread(text, tokens, found_all, lex)
    for token, found in zip(tokens, found_all, strict=True):
        if found is None:
            claim_tokens.append(token)
            continue
        line, col = position(token.start)
        others.append(
            OtherMention(document.name, token.start, token.end, text[token.start : token.end],
                         found[0], found[1], line, col)
        )
    out: list[Claim] = []
    not_times = _not_times(tokens, found_all)
    lenders = Lenders(sentences, lex)
    moments: dict[tuple[int, int], list[tuple[int, int, str]]] = {}  # per sentence
    said: dict[tuple[int, int], Sources] = {}  # per sentence
    for draft in build.join_neighbours(text, claim_tokens, lex, rules.garbles):
        sentence = sentences.around(draft.start)
        build.read_kind(text, draft, lex)
        build.read_hedge(text, draft, sentence, lex)
        build.restated_hedge(text, draft, out[-1] if out else None, lex)
        build.read_counted(text, draft, lex)
        lenders.resolve_anaphora(draft)
        lenders.resolve_ellipsis(draft, sentence)
        low, high, low_open, high_open = build.interval(draft, rules.settings)
        if sentence not in moments:
            moments[sentence] = [m for m in time_expressions(text, sentence, lex)
                                 if not _holds_any(not_times, m[0], m[1])]
            said[sentence] = sources(text, sentence, lex)
        scope = time_scope(text, sentence, (draft.start, draft.end), lex, moments[sentence])
        surface = text[draft.start : draft.end]
        line, col = position(draft.start)
        out.append(
            Claim(
                id=claim_id(document.name, draft.start, draft.end, surface),
                doc=document.name,
                start=draft.start,
                end=draft.end,
                surface=surface,
                value=draft.value,
                low=low,
                high=high,
                hedge=draft.hedge,
                kind=draft.kind,
                unit=draft.unit,
                garbled=draft.garbled,
                garble_reason=draft.garble_reason,
                candidate=draft.candidate,
                counted=draft.counted,
                attribution=attribution(text, sentence, draft.start, lex, draft.end,
                                        said[sentence]),
                time_scope=scope,
                sentence=text[sentence[0] : sentence[1]],
                sentence_start=sentence[0],
                lang=document.lang,
                published=document.published,
                line=line,
                col=col,
                found_by=tuple(draft.found_by),
                precision=draft.precision,
                hedge_text=draft.hedge_text,
                low_open=low_open,
                high_open=high_open,
                outlet=document.outlet,
                period=resolve_period(scope, document.published, lex),
                direction=direction_before(text, draft.start, sentence[0], lex.direction,
                                           lex.direction_of, lex.windows.direction_before),
            )
        )
        lenders.add(out[-1])
    return Extraction(document, tuple(out), tuple(others))

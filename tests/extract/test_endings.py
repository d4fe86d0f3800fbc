"""``Ending.search`` answers exactly what the plain ``pattern.search`` answers.

It skips windows that cannot end a match; a last character missed by ``last`` would
lose a hedge, a currency or an age. Windows are built from the shipped phrases
themselves (in any case, with any blanks), cut anywhere, between words and punctuation.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck import load_rules
from numcheck.extract import lexicon
from numcheck.extract.endings import Ending

RULES = load_rules()


def _endings(lang: str) -> dict[str, Ending]:
    lex = lexicon(RULES, lang)
    return {"hedge_before": lex.hedge_before, "currency_before": lex.currency_before,
            "year_lead_strong": lex.year_lead_strong, "ages.before": lex.ages.before,
            "ages.before_alone": lex.ages.before_alone, "ages.person": lex.ages.person}


def _phrases(lang: str) -> list[str]:
    raw = RULES.language(lang)
    words = [*raw["currencies"], *raw["article_numerals"], *raw["year_lead_strong"],
             *raw["ages"]["before"], *raw["ages"]["before_alone"], *raw["ages"]["person_nouns"]]
    for where in raw["hedges"].values():
        words.extend(where["before"])
    return sorted(set(words))


def _window(lang: str) -> st.SearchStrategy[str]:
    phrase = st.sampled_from(_phrases(lang)).flatmap(
        lambda p: st.sampled_from([p, p.upper(), p.title(), p.replace(" ", "  ")]))
    bit = st.one_of(phrase, st.sampled_from([" ", "  ", "\n", ",", "(", "'", "’", "x", "de ",
                                             "d'", "É", "1", "\u00a0"]))
    return st.tuples(st.lists(bit, max_size=8).map("".join), st.integers(0, 40)).map(
        lambda w: w[0][w[1]:])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_search_matches_plain_search(lang: str) -> None:
    endings = _endings(lang)

    @settings(max_examples=200, derandomize=True, database=None, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(window=_window(lang))
    def check(window: str) -> None:
        for name, ending in endings.items():
            fast, plain = ending.search(window), ending.pattern.search(window)
            assert (fast and (fast.span(), fast.groups())) == (
                plain and (plain.span(), plain.groups())), (name, window)

    check()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_listed_phrase_is_found_at_the_end(lang: str) -> None:
    """The boundary: each phrase alone, and after other words, is a match."""
    lex = lexicon(RULES, lang)
    for phrase in RULES.language(lang)["currencies"]:
        for window in (phrase, f"soit {phrase} ", f"({phrase}\n"):
            assert lex.currency_before.search(window), window
    for phrase in (p for where in RULES.language(lang)["hedges"].values()
                   for p in where["before"]):
        window = f"x, {phrase.lower()} "
        assert lex.hedge_before.search(window), window


def test_no_last_characters_means_no_match_without_searching() -> None:
    ending = Ending.compile(r"(?:(?!x)x)\s*$", [])
    assert ending.search("anything ") is None
    blank = Ending.compile(r"(?:\s+)$", [" "])  # a blank phrase: every window is searched
    assert blank.last is None and blank.search("a  ") is not None
    assert re.compile(r"(?:\s+)$").search("a  ") is not None

"""Whether a noun is plural: the language's endings, confirmed by a lemmatiser.

An ending alone calls 'census', 'virus', 'news', 'mois', 'prix' or 'pays' plural, and a
plural noun decides readings ('in 2010 census data': a year, not 2010 data; 'and 1950
tanks': a count). simplemma (pure Python, MIT, its dictionaries shipped in the wheel and
read from there, nothing fetched) knows these invariable nouns: a word whose lemma is
the word itself is not plural. It is asked only about words the endings already call
plural, imported on first use (``numcheck --help`` never loads it) and costs one
dictionary load per language and process (measured 0.2-0.3 s; then about a microsecond
a word, cached). A language without ``lemmatizer`` in its rules is read by its endings.

The unit gate (``unit_words``) keeps suffix rules instead: quantulum3's unit names are
rarely in a general dictionary (simplemma leaves 'arcseconds', 'attowatts', 'centibars'
as they are), and that gate must never say no to a unit.
"""

from __future__ import annotations

import functools

from numcheck.extract.lexicon import Lexicon, fold


def plural(word: str, lex: Lexicon) -> bool:
    """A plural noun ('soldats', 'tanks') or a listed irregular one ('people'), alone or
    ending a compound ('schoolchildren', 'policemen')."""
    low = fold(word)
    if low in lex.irregular_plurals or low.endswith(lex.irregular_endings):
        return True
    return regular_plural(word, lex)


def regular_plural(word: str, lex: Lexicon) -> bool:
    """A plural shown by its ending (the irregular ones left out)."""
    low = fold(word)
    if (len(low) < lex.plural_min_length or not low.endswith(lex.plural_endings)
            or low.endswith(lex.plural_exceptions)):
        return False
    return lex.lemmatizer is None or fold(lemma(word, lex.lemmatizer)) != low


@functools.lru_cache(maxsize=16384)
def lemma(word: str, lang: str) -> str:
    """simplemma's lemma of ``word`` (its case kept: 'Americans' is 'American')."""
    import simplemma  # imported on first use: its dictionaries load per language

    found: str = simplemma.lemmatize(word, lang=lang)
    return found

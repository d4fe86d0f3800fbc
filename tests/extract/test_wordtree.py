"""A word list written as a tree matches exactly what the flat, longest-first list matched.

The flat alternation is the specification (it is what ``alternation`` returned before the
tree); hypothesis draws word lists sharing beginnings, differing in case and holding
spaces, and texts made of those words, and both are searched and matched the same way.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.extract.wordtree import alternation


def flat(words: list[str]) -> str:
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


letters = st.one_of(st.text(alphabet="abse -.", min_size=1, max_size=6),  # trees
                    st.text(alphabet="aAbBsSſ ée-.\t", min_size=1, max_size=6))
word_lists = st.lists(letters, min_size=1, max_size=12)


def compiled(alt: str, flags: int) -> re.Pattern[str]:
    # the shapes the lexicon builds: bounded words, then something that can fail after them
    return re.compile(rf"(?<![\w])(?:{alt})(?:\s*(?P<tail>b))?(?![\w])", flags)


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(words=word_lists, glue=st.lists(st.sampled_from([" ", "  ", "\n", "x", ",", "b"]),
                                       min_size=1, max_size=8),
       flags=st.sampled_from([0, re.IGNORECASE]))
def test_tree_matches_what_the_flat_list_matched(words: list[str], glue: list[str],
                                                 flags: int) -> None:
    text = "".join(w + g for w, g in zip(words * 2, glue * 3, strict=False))
    text += text.upper()
    tree, reference = compiled(alternation(words), flags), compiled(flat(words), flags)
    assert [(m.span(), m.groups()) for m in tree.finditer(text)] == [
        (m.span(), m.groups()) for m in reference.finditer(text)]
    for pos in range(len(text)):
        a, b = tree.match(text, pos), reference.match(text, pos)
        assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_shared_beginnings_are_one_branch() -> None:
    assert alternation(["six", "sixty", "sixteen", "seven", "a dozen", "a"]) == (
        r"a(?:\s+dozen)?|s(?:ix(?:t(?:een|y))?|even)")


def test_case_variants_and_odd_blanks_keep_the_flat_list() -> None:
    assert alternation(["M", "md", "Mds"]) == flat(["M", "md", "Mds"])
    assert alternation(["a  b", "ab"]) == flat(["a  b", "ab"])
    assert alternation([]) == ""

"""Word lists as regular expressions that re can search fast.

``re`` tries the branches of an alternation one after the other, at every position
of the text it searches: a flat list of two hundred listed words costs two hundred
tries at each character of an article, and the whole-text patterns (number words,
dates, time expressions, vague quantities) are built from such lists. Written as a
tree of shared beginnings (``s(?:ix(?:t(?:een|y))?|even…)|t(?:wo|en…)``), a position
costs one try per distinct first letter, and the rest only where the text begins
like a listed word.

The tree matches what the flat list matched. Listed words that match at the same
place are each other's beginnings (they are literal text), so they lie on one path of
the tree, where a longer word is tried before a shorter one, as in the list sorted
longest first. Two things could break that, and then the flat list is written
instead: words that differ only in case at a branching point (``M`` and ``m``, under
``re.IGNORECASE`` both match), and blanks other than single spaces between words (a
space is ``\\s+``, which a tab or a second space would compete with).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_BLANK = r"\s+"


def alternation(words: Iterable[str]) -> str:
    """Longest first, so 'pas moins de' wins over 'moins de'; '' for no words."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not any(_odd_blank(w) for w in unique):
        tree = _branches([tuple(_BLANK if c == " " else re.escape(c) for c in w)
                          for w in unique])
        if tree is not None:
            return "|".join(tree)
    return "|".join(re.escape(w).replace(r"\ ", _BLANK) for w in unique)


def _odd_blank(word: str) -> bool:
    """A blank other than one space between two words."""
    return word != word.strip(" ") or "  " in word or any(
        c.isspace() and c != " " for c in word)


def _branches(words: Sequence[tuple[str, ...]]) -> list[str] | None:
    """The alternatives of a tree of ``words`` (escaped characters, longest first), one
    per first character; None when two first characters differ only in case."""
    rests: dict[str, list[tuple[str, ...]]] = {}  # in order of first appearance
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    if _case_variants(list(rests)):
        return None
    out = []
    for head, after in rests.items():
        longer = [rest for rest in after if rest]
        # a word ending here comes after every longer word that begins with it
        optional = "?" if len(longer) < len(after) else ""
        if not longer:
            out.append(head)
        elif len(longer) == 1:
            rest = "".join(longer[0])
            out.append(f"{head}(?:{rest}){optional}" if optional else head + rest)
        else:
            inner = _branches(longer)
            if inner is None:
                return None
            if len(inner) == 1 and not optional:
                out.append(head + inner[0])
            else:
                out.append(f"{head}(?:{'|'.join(inner)}){optional}")
    return out


def _case_variants(heads: list[str]) -> bool:
    """Whether two of ``heads`` may be the same letter to ``re.IGNORECASE`` (generously:
    any shared lower, upper or folded form, 'ſ' and 's', 'İ' and 'i')."""
    seen: set[str] = set()
    for head in heads:
        forms = {head.lower(), head.upper(), head.casefold(), head.lower()[:1],
                 head.casefold()[:1]}
        if forms & seen:
            return True
        seen |= forms
    return False


def first_characters(*lists: Iterable[str], digits: bool = False) -> str:
    """A look-ahead for the characters a match can start with: the first characters of
    the words of ``lists``, and any digit when ``digits``.

    Put before a pattern's look-behind, it costs one test at a position where no
    listed word starts, instead of the look-behind and a try of every branch. It is
    '' (no look-ahead) when a list is empty or a word starts with a blank: then an
    alternation could match from anywhere, and nothing is skipped.
    """
    firsts: set[str] = set()
    for words in lists:
        listed = [w for w in words if w]
        if not listed or any(w[0].isspace() for w in listed):
            return ""
        firsts.update(w[0] for w in listed)
    digit = r"\d" if digits else ""
    return f"(?=[{digit}{''.join(re.escape(c) for c in sorted(firsts))}])"

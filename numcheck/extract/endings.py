"""Patterns that must end where the text ends, searched only where a match could start.

The words just before a figure are read with patterns anchored at the end of a window
("plus de" before "175 000", "US $" before "26 million", "âgé de" before "57"): one
search per figure. A plain ``search`` tries every position of the window with every
listed phrase, and most positions cannot start a match that reaches the end: a listed
phrase holds a known number of non-blank characters (its blanks match any run of
blanks), so a match starts no earlier than where that many non-blank characters are
left, and it ends with the last character of a listed phrase. A window ending with
any other character is no match; any other is searched from where a match can start.
Either way the answer is the plain search's, far sooner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


def solid_length(text: str) -> int:
    """Characters that are not blanks: a listed phrase matches with any run of blanks."""
    return len("".join(text.split()))


def longest(words: Iterable[str]) -> int:
    """The most non-blank characters among ``words`` (0 for none)."""
    return max((solid_length(w) for w in words), default=0)


def tail_start(text: str, room: int) -> int:
    """The first offset from which at most ``room`` non-blank characters remain."""
    i = len(text)
    solid = 0
    while i > 0:
        if not text[i - 1].isspace():
            if solid == room:
                break
            solid += 1
        i -= 1
    return i


TAIL = 3
"""How many of a phrase's last characters are checked before a window is searched."""


@dataclass(frozen=True)
class Ending:
    """A compiled pattern ending in blanks and ``$``; ``search`` gives what
    ``pattern.search`` gives (a lookbehind still sees the text before the start offset).

    ``room`` is the most non-blank characters a match holds; ``last`` finds (with the
    pattern's own case rules) the last ``TAIL`` characters a match can end with before
    its blanks, or is None when any can: a window ending otherwise is no match.
    """

    pattern: re.Pattern[str]
    room: int
    last: re.Pattern[str] | None

    @staticmethod
    def compile(pattern: str, ends: Iterable[str], room: int, flags: int = 0) -> Ending:
        """``ends``: the phrases a match can end with, as listed; ``room``: the most
        non-blank characters of a match (the longest phrase, or phrases in a row)."""
        words = [e.split() for e in ends if e]
        tails = sorted({re.escape(w[-1][-TAIL:]) for w in words if w})
        last = None if any(not w for w in words) else re.compile(
            rf"(?:{'|'.join(tails) or '(?!x)x'})\Z", flags)
        return Ending(re.compile(pattern, flags), room, last)

    def search(self, text: str) -> re.Match[str] | None:
        if self.last is not None:
            end = len(text.rstrip())
            if not self.last.search(text, max(0, end - TAIL), end):
                return None
        return self.pattern.search(text, tail_start(text, self.room))

"""Patterns that must end where the text ends, searched only when a match could end there.

The words just before a figure are read with patterns anchored at the end of a window
("plus de" before "175 000", "US $" before "26 million", "âgé de" before "57"): one
search per figure, and a plain ``search`` tries every position of the window with
every listed phrase. A match ends with the last characters of a listed phrase (then
blanks), so a window that ends otherwise is no match, found without searching.
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


TAIL = 3
"""How many of a phrase's last characters are checked before a window is searched."""


@dataclass(frozen=True)
class Ending:
    """A compiled pattern ending in blanks and ``$``; ``search`` gives what
    ``pattern.search`` gives.

    ``last`` finds (with the pattern's own case rules) the last ``TAIL`` characters a
    match can end with before its blanks, or is None when any can.
    """

    pattern: re.Pattern[str]
    last: re.Pattern[str] | None

    @staticmethod
    def compile(pattern: str, ends: Iterable[str], flags: int = 0) -> Ending:
        """``ends``: the phrases a match can end with, as listed."""
        words = [e.split() for e in ends if e]
        tails = sorted({re.escape(w[-1][-TAIL:]) for w in words if w})
        last = None if any(not w for w in words) else re.compile(
            rf"(?:{'|'.join(tails) or '(?!x)x'})\Z", flags)
        return Ending(re.compile(pattern, flags), last)

    def search(self, text: str) -> re.Match[str] | None:
        if self.last is not None:
            end = len(text.rstrip())
            if not self.last.search(text, max(0, end - TAIL), end):
                return None
        return self.pattern.search(text)

"""Capital and small letters of every script, for regular expressions.

Python's ``re`` has no ``\\p{Lu}``: a class spelled ``[A-ZÀ-Ý]`` takes 'Łódź', 'Šefčovič'
or 'Ōsaka' for uncapitalised words, and '×' for a letter. ``{CAP}`` and ``{SMALL}`` in a
pattern given to ``compiled`` stand for the contents of a character class of every capital
or small letter of the Basic Multilingual Plane (``str.isupper``, ``str.islower``), built
once, on first use (a few milliseconds): importing the extractor costs nothing more.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_PLANE = 0x10000


@functools.cache
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled, ``{CAP}`` and ``{SMALL}`` in it replaced by the letters."""
    return re.compile(pattern.replace("{CAP}", _letters(str.isupper))
                      .replace("{SMALL}", _letters(str.islower)), flags)


@functools.cache
def _letters(test: Callable[[str], bool]) -> str:
    """The characters passing ``test``, as the inside of a character class (ranges)."""
    ranges: list[tuple[int, int]] = []
    for code in range(_PLANE):
        if test(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(low)) if low == high
                   else f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)

"""The direction of a change a figure measures: 'en baisse de 3 %', 'a drop of 4.2 percent'.

A change is reported as a size and a word for its direction; the figure keeps its size
and the claim records the direction ('up' or 'down'), so that '3 % de baisse' is never
read as a level of 3 % nor as -3 % against a source that wrote the sign. The words are
rules data (``directions``); this module only looks for them right before the figure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from numcheck.extract.lexicon import fold


def direction_before(text: str, start: int, sentence_start: int, pattern: re.Pattern[str],
                     words: Mapping[str, str], reach: int) -> str | None:
    """'up' or 'down' when a change word stands right before the figure at ``start``
    (within ``reach`` characters, the language's ``windows.direction_before``)."""
    before = fold(text[max(sentence_start, start - reach) : start])
    m = pattern.search(before)
    return words[re.sub(r"\s+", " ", m.group("w"))] if m else None

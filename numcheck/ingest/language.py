"""Which language a document is in, from the function words each rules file lists."""

from __future__ import annotations

import re
from collections import Counter

from numcheck.rulebook import Rulebook

_WORDS = re.compile(r"[^\W\d_]+")


def detect_language(text: str, rules: Rulebook, default: str = "en") -> str:
    """The language whose frequent words occur most in the first 5 000 characters.

    Counting function words is crude but fast and deterministic, and numbers are
    read correctly as long as French and English are told apart.
    """
    counts: Counter[str] = Counter(w.lower() for w in _WORDS.findall(text[:5000]))
    scores = {
        lang: sum(counts[w] for w in data["detect"]) for lang, data in rules.languages.items()
    }
    best = max(sorted(scores), key=lambda lang: scores[lang])
    return best if scores[best] > 0 else default

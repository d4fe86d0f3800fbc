"""Figures in the claims table, written the way the article's language writes them.

French articles give ``175 000`` and ``1,5``; English ones ``175,000`` and ``1.5``.
The separators come from the language rules, so a new language needs no code.
Reports write figures in the *reader's* language instead (``render/words.py``).
"""

from __future__ import annotations

import functools

from numcheck.errors import RulesError
from numcheck.rulebook import load_rules


@functools.lru_cache(maxsize=16)
def _separators(lang: str) -> tuple[str, str]:
    try:
        data = load_rules().language(lang)
    except RulesError:
        return (",", ".")
    return (data["group_separators"][0], data["decimal_separator"])


def number(x: float | None, lang: str = "en") -> str:
    if x is None:
        return "?"
    group, decimal = _separators(lang)
    if float(x).is_integer():
        body, frac = f"{int(x):,}", ""
    else:
        text = f"{x:,.2f}".rstrip("0").rstrip(".")
        body, _, frac = text.partition(".")
    body = body.replace(",", group)
    return f"{body}{decimal}{frac}" if frac else body


def interval_text(
    low: float | None, high: float | None, low_open: bool, high_open: bool, lang: str = "en"
) -> str:
    """[157 500, 192 500], (100 000, ∞), [0, 10 000)."""
    if low is None and high is None:
        return "—"
    left = "(" if low_open or low is None else "["
    right = ")" if high_open or high is None else "]"
    lo = number(low, lang) if low is not None else "−∞"
    hi = number(high, lang) if high is not None else "∞"
    return f"{left}{lo}, {hi}{right}"

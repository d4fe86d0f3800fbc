"""Read one written figure ('175 000', '1,234,567', '0.27', '1.234,5') as a number.

The document's language says which of ',' and '.' is the decimal separator, but a
figure can settle the question itself, and then the figure wins: a separator that
appears twice ('1,234,567' in French, '1.234.567' in English) can only group
thousands, a separator not followed by exactly three digits ('0.27' in French copy,
'1,5' in English) can only be a decimal one, and in '1,234.5' or '1.234,5' the last
separator is the decimal one. Only a figure that fits no reading ('1.2.3',
'12.03.2022') is left to be read digit run by digit run, so no digit is lost.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_PARTS = re.compile(r"(\d+)|([.,])|(\s|['’])")  # an apostrophe groups: "10'000"


class Reading(NamedTuple):
    value: float
    how: str  # plain, space-grouped, comma-grouped, dot-grouped, decimal


def read_digits(surface: str, decimal: str) -> Reading | None:
    """The value of a run of digits and separators, or None when it is no one figure."""
    groups: list[str] = []
    seps: list[str] = []
    for m in _PARTS.finditer(surface):
        if m.group(1):
            groups.append(m.group(1))
        else:
            seps.append("space" if m.group(3) else m.group(2))
    marks = [s for s in seps if s != "space"]
    spaced = len(marks) < len(seps)
    if not marks:
        return Reading(float("".join(groups)), "space-grouped" if spaced else "plain")
    if len(marks) == 1:
        head, tail = "".join(groups[:-1]), groups[-1]
        mark = marks[0]
        grouping = mark != decimal and len(tail) == 3 and (spaced or len(head) <= 3)
        if grouping:
            return Reading(float(head + tail), _grouped(mark))
        return Reading(float(f"{head}.{tail}"), "decimal")
    if spaced:
        return None
    first = marks[0]
    last_is_decimal = marks[-1] != first
    grouping_marks = marks[:-1] if last_is_decimal else marks
    grouped = groups[:-1] if last_is_decimal else groups
    if any(m != first for m in grouping_marks) or not _thousands(grouped):
        return None
    whole = "".join(grouped)
    if last_is_decimal:
        return Reading(float(f"{whole}.{groups[-1]}"), "decimal")
    return Reading(float(whole), _grouped(first))


def _grouped(mark: str) -> str:
    return "comma-grouped" if mark == "," else "dot-grouped"


def _thousands(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])

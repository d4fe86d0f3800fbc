"""Which words can start a quantulum3 unit: a cheap gate before asking quantulum3.

``quantulum3.parser.parse`` costs milliseconds per call and seconds on first use, and
English figures are mostly followed by plain nouns ("175,000 Russian troops") that
name no unit. Reading quantulum3's own unit files gives the words its unit regex can
start with; only figures followed by one of them (or a plural of one) are passed on.
The set is a superset on purpose: a false "maybe" costs one parse, a false "no"
would change a claim.
"""

from __future__ import annotations

import functools
import json
import re
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from numcheck.extract.lexicon import UnitFallback

_WORDS = re.compile(r"[^\s.,;:!?()\[\]\"'«»“”‘’]+")

# quantulum3.load.METRIC_PREFIXES, copied so the gate does not import quantulum3.
_PREFIXES = {
    "Y": "yotta", "Z": "zetta", "E": "exa", "P": "peta", "T": "tera", "G": "giga",
    "M": "mega", "k": "kilo", "h": "hecto", "da": "deca", "d": "deci", "c": "centi",
    "m": "milli", "µ": "micro", "n": "nano", "p": "pico", "f": "femto", "a": "atto",
    "z": "zepto", "y": "yocto", "Ki": "kibi", "Mi": "mebi", "Gi": "gibi", "Ti": "tebi",
    "Pi": "pebi", "Ei": "exbi", "Zi": "zebi", "Yi": "yobi",
}


def may_start_unit(text: str, fallback: UnitFallback) -> bool:
    """False only when no quantulum3 unit surface or symbol of the fallback's language can
    begin ``text``, a plural word taken back to its singulars by the language's rules.

    ``text`` is what follows the figure, from its first word on. The singulars come from
    rules, not from the lemmatiser (``plurals``): measured over quantulum3's 663 unit
    words whose plural it does not list itself, simplemma takes 384 plurals back to no
    unit ('arcseconds', 'attowatts', 'centibars': not in its dictionary), the ending rules
    37 (inflect's own oddities, 'kilohertzzes'); a missed unit would change a claim.
    """
    table = _first_words(fallback.lang)
    if table is None:  # quantulum3 layout unknown: always ask it
        return True
    # "2,000 feet." — sentence punctuation is not part of the unit word
    words = [w.strip(".,;:!?»)\"'’") for w in text.lower().split(None, 2)]
    if not words:
        return False
    low = words[0]
    for part in {low, low.split("-")[0], low.split("/")[0], low.rstrip("0123456789²³")}:
        for stem in (part, *fallback.singulars(part)):
            seconds = table.get(stem)
            if seconds is None:
                continue
            if "" in seconds:  # a one-word unit
                return True
            nxt = words[1] if len(words) > 1 else ""
            if any(w in seconds for w in (nxt, *fallback.singulars(nxt))):
                return True
    return False


@functools.cache
def _first_words(lang: str) -> dict[str, frozenset[str]] | None:
    """First word of every unit key → the second words it may take ("" if none)."""
    spec = find_spec("quantulum3")
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    files = [root / "units.json", root / "_lang" / lang / "units.json"]
    if not all(f.is_file() for f in files):
        return None
    words: dict[str, set[str]] = {}
    for file in files:
        units: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
        for unit in units.values():
            surfaces = list(unit.get("surfaces", []))
            symbols = list(unit.get("symbols", []))
            for prefix in unit.get("prefixes", []):
                surfaces += [_PREFIXES.get(prefix, "") + s for s in unit.get("surfaces", [])]
                symbols += [prefix + s for s in unit.get("symbols", [])]
            for key in surfaces + symbols:
                head = key.lower().split()
                if head:
                    words.setdefault(head[0], set()).add(head[1] if len(head) > 1 else "")
    return {k: frozenset(v) for k, v in words.items()}

"""Adversarial texts for the extractor, and the promises every extraction must keep.

The texts are built from fragments a hostile or unlucky input holds: digits with every
separator (``,`` ``.`` space, U+00A0, U+202F, U+2009), figures grouped the other
language's way, scale abbreviations in any case, ``XNUMX``, number words of both
languages, hedges, currencies and units, Unicode digits, emoji, figures of hundreds of
digits and lines of many kilobytes. ``violations`` states the promises: no exception,
``text[start:end] == surface`` for claims and non-claims, no NaN or infinite figure,
``low ≤ value ≤ high``, and every ASCII digit run inside a claim or a listed non-claim.
``tests/extract/test_fuzz.py`` checks them on a few thousand texts per CI run (with
hypothesis, which shrinks a failure to its smallest text); this runs many more.

Usage: ``python -m bench.fuzz [--texts 50000] [--seed 1]``
"""

from __future__ import annotations

import argparse
import bisect
import math
import random
import re
import time
import traceback
from collections import Counter
from collections.abc import Sequence

from numcheck import load_rules
from numcheck.extract import extract_document
from numcheck.model import Document, Extraction

FRAGMENTS: dict[str, tuple[str, ...]] = {
    "figures": ("0", "7", "12", "175", "2021", "1000000", "007", "175 000", "175\u00a0000",
                "175\u202f000", "175\u2009000", "1,234,567", "1.234.567", "100.000", "1,5",
                "0.27", "1.234,5", "1,234.5", "12.03.2022", "1.2.3", "10-15 000", "3/4",
                ".5", "1,", "1.", "1 000 000,25"),
    "separators": (",", ".", " ", "\u00a0", "\u202f", "\u2009", "-", "–", "/", "'", "  "),
    "scales": ("k", "K", "m", "M", "b", "B", "bn", "BN", "Bn", "mn", "MN", "Md", "md", "Mds",
               "MRD", "mrd", "tn", "Tn", " million", " milliards", " mille", " billion",
               " thousand", " k", " M"),
    "money": ("$", "€", "£", "%", " %", " euros", " dollars", "M€", " Md€", " pour cent",
              " percent", "US$"),
    "units": (" km", " feet", " m", " tonnes", " miles", " ans", " years", " mph", " kWh",
              " km²", "°C", " hours"),
    "french": (" deux", " vingt-neuf", " cent mille", " un", " une", " neuf", " mille",
               " quatre-vingt-dix", " des dizaines de milliers", " une centaine", " soldats",
               " selon l'armée", " en 2021", " samedi", " autres", " les deux", " a déclaré"),
    "english": (" two", " twenty-nine", " a hundred thousand", " one", " dozens",
                " hundreds of thousands", " troops", " officials said", " according to Kyiv",
                " in January", " others", " and", " the two", " people"),
    "hedges": (" environ ", " plus de ", " moins de ", " presque ", " au moins ", " jusqu'à ",
               " entre ", " et ", " about ", " more than ", " at least ", " up to ",
               " nearly ", " between ", " or more", " to ", " de ", " à "),
    "garbles": (" XNUMX", "XNUMX", " XNUMX XNUMX", "xnumx"),
    "unicode": ("٣", "١٢٣", "４２", "²", "½", "৩", "𝟝", "Ⅻ", "⁴"),
    "emoji": ("😀", "🇫🇷", "👍🏽", "\u200d", "\ufeff", "\u0301", "\ufffd"),
    "punctuation": (". ", "! ", "? ", "…", "\n", "\n\n", "; ", ": ", "(", ")", "«", "»", '"',
                    "G7", "F-16", "1er", "10:30", "15 mars", "March 3", "Read more", "\r\n",
                    "\t", "..."),
}
_POOLS = tuple(FRAGMENTS.values())
_ASCII_DIGITS = re.compile(r"[0-9]+")


def digit_run(rng: random.Random) -> str:
    """Mostly short runs; sometimes hundreds of digits (beyond a float's range)."""
    if rng.random() < 0.03:
        return rng.choice("19") * rng.randint(300, 420)
    return str(rng.randint(0, 10 ** rng.randint(1, 20)))


def text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 30)):
        parts.append(digit_run(rng) if rng.random() < 0.25 else rng.choice(rng.choice(_POOLS)))
    out = "".join(parts)
    if rng.random() < 0.02:  # a long line: the same fragments, many kilobytes, no newline
        line = out.replace("\n", " ").replace("\r", " ")
        out = line * max(1, rng.randint(2_000, 40_000) // max(1, len(line)))
    return out


def violations(text: str, found: Extraction) -> list[str]:
    """The promises ``found`` breaks, as readable lines (empty: all kept)."""
    bad = []
    for c in found.claims:
        if text[c.start : c.end] != c.surface:
            bad.append(f"claim span {c.start}:{c.end} is not its surface {c.surface!r}")
        for name in ("value", "low", "high", "candidate"):
            x = getattr(c, name)
            if x is not None and not math.isfinite(x):
                bad.append(f"claim {c.surface!r}: {name} is {x}")
        if c.value is not None and (
            (c.low is not None and not c.low <= c.value)
            or (c.high is not None and not c.value <= c.high)
        ):
            bad.append(f"claim {c.surface!r}: value {c.value!r} outside [{c.low!r}, {c.high!r}]")
    for o in found.others:
        if text[o.start : o.end] != o.surface:
            bad.append(f"non-claim span {o.start}:{o.end} is not its surface {o.surface!r}")
    spans = sorted([(c.start, c.end) for c in found.claims]
                   + [(o.start, o.end) for o in found.others])
    reach = _reach(spans)
    for m in _ASCII_DIGITS.finditer(text):
        if not _covered(spans, reach, m.start(), m.end()):
            bad.append(f"digits {m.group(0)[:20]!r} at {m.start()} are in no claim or non-claim")
    return bad


def _reach(spans: list[tuple[int, int]]) -> list[int]:
    """reach[i]: the furthest end among spans[0..i]."""
    out, far = [], -1
    for _, end in spans:
        far = max(far, end)
        out.append(far)
    return out


def _covered(spans: list[tuple[int, int]], reach: list[int], start: int, end: int) -> bool:
    """Whether the digit run [start, end) lies inside one span.

    A run never straddles two spans (a span boundary inside a run of digits would cut
    a figure), so it is enough that the spans starting at or before it reach its end.
    """
    i = bisect.bisect_right(spans, (start, math.inf)) - 1  # last span starting by ``start``
    while i >= 0 and reach[i] > start:  # spans that may still cover the run
        if spans[i][0] <= start and end <= spans[i][1]:
            return True
        i -= 1
    return False


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--texts", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rules = load_rules()
    rng = random.Random(args.seed)
    for lang in ("en", "fr"):  # first calls load quantulum3 and compile the rules
        extract_document(Document("warm-up", "warm-up", "12 fathoms, 3 km", lang), rules)
    crashes: Counter[str] = Counter()
    broken: Counter[str] = Counter()
    examples: dict[str, str] = {}
    slowest = (0.0, "", "")
    total_chars = 0
    started = time.perf_counter()
    for i in range(args.texts):
        sample = text(rng)
        lang = "fr" if i % 2 else "en"
        total_chars += len(sample)
        start = time.perf_counter()
        try:
            found = extract_document(Document("fuzz", "fuzz", sample, lang), rules)
        except Exception as err:  # the point: count every kind of failure, go on
            key = f"{type(err).__name__}: {str(err)[:80]}"
            crashes[key] += 1
            examples.setdefault(key, f"{lang} {sample[:300]!r}\n{traceback.format_exc()}")
            continue
        seconds = time.perf_counter() - start
        if seconds > slowest[0]:
            slowest = (seconds, lang, sample)
        for line in violations(sample, found):
            key = re.sub(r"\d+", "N", line.split(":")[0])
            broken[key] += 1
            examples.setdefault(key, f"{lang} {sample[:300]!r}: {line}")
    elapsed = time.perf_counter() - started
    print(f"texts: {args.texts} (seed {args.seed}, {total_chars / 1e6:.1f} M characters) "
          f"in {elapsed:.0f} s")
    print(f"crashes: {sum(crashes.values())}; broken promises: {sum(broken.values())}")
    for key, n in [*crashes.most_common(), *broken.most_common()]:
        print(f"  {n} × {key}\n    e.g. {examples[key]}")
    seconds, lang, sample = slowest
    shown = sample if len(sample) <= 120 else f"{sample[:120]!r}… ({len(sample)} characters)"
    print(f"slowest: {seconds:.3f} s ({lang}) {shown!r}")


if __name__ == "__main__":
    main()

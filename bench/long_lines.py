"""Extraction time against line length: one-line articles of 4 KB, 32 KB and 256 KB.

A news page scraped badly, or a feed that strips newlines, gives one very long line;
extraction must cost the same per byte on it as on a normal article. The texts are
the synthetic corpus's paragraphs (``bench/corpus.py``) joined into a single line,
in two shapes: ``sentences`` keeps the full stops (many sentences on one line), and
``run-on`` turns every full stop into a comma (one sentence as long as the line).
Growth is the time per KB relative to the previous size: about 1× means linear, a
quadratic scan shows about 8× per step.

Usage: ``python -m bench.long_lines [--sizes 4 32 256] [--repeat 3] [--also-mb 5]``
(``--also-mb`` adds a single line of that many MB, timed once; ``--article-mb`` a
multi-line article of that many MB).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Iterator, Sequence
from datetime import date

from bench.corpus import _stories, article
from numcheck import load_rules
from numcheck.extract import extract_document
from numcheck.model import Document


def _articles(lang: str, seed: int) -> Iterator[str]:
    """Generated ``lang`` articles, endlessly."""
    rng = random.Random(seed)
    stories = _stories()
    while True:
        got, _, text, _ = article(0, rng, stories, date(2022, 1, 1))
        if got == lang:
            yield text


def one_line(lang: str, size: int, shape: str, seed: int = 7) -> str:
    """Paragraphs of generated ``lang`` articles joined into one line of ``size`` chars."""
    parts: list[str] = []
    total = 0
    for text in _articles(lang, seed):
        if total >= size:
            break
        paragraphs = text.splitlines()[3:-3]  # without page chrome
        parts += paragraphs
        total += sum(len(p) + 1 for p in paragraphs)
    line = " ".join(parts)[:size]
    if shape == "run-on":
        line = re.sub(r"[.!?](?=\s)", ",", line)
    return line


def multi_line(lang: str, size: int, seed: int = 7) -> str:
    """Whole generated articles, one after another, up to ``size`` chars."""
    parts: list[str] = []
    total = 0
    for text in _articles(lang, seed):
        if total >= size:
            break
        parts.append(text)
        total += len(text)
    return "\n".join(parts)


def time_extraction(text: str, lang: str, repeat: int) -> tuple[float, int]:
    rules = load_rules()
    doc = Document("long", "long", text, lang)
    best = float("inf")
    claims = 0
    for _ in range(repeat):
        start = time.perf_counter()
        claims = len(extract_document(doc, rules).claims)
        best = min(best, time.perf_counter() - start)
    return best, claims


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 32, 256], help="KB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--also-mb", type=float, default=0.0)
    parser.add_argument("--article-mb", type=float, default=0.0)
    args = parser.parse_args(argv)
    time_extraction("Warm-up: 12 soldats, 3 km.", "fr", 1)
    time_extraction("Warm-up: 12 soldiers, 3 fathoms.", "en", 1)
    print(f"{'lang':4} {'shape':9} {'KB':>6} {'claims':>7} {'seconds':>8} {'ms/KB':>6} growth")
    for lang in ("en", "fr"):
        for shape in ("sentences", "run-on"):
            previous = None
            for kb in args.sizes:
                text = one_line(lang, kb * 1024, shape)
                seconds, claims = time_extraction(text, lang, args.repeat)
                per_kb = seconds * 1000 / kb
                growth = f"{per_kb / previous:.2f}×" if previous else "-"
                print(f"{lang:4} {shape:9} {kb:6} {claims:7} {seconds:8.3f} {per_kb:6.2f} "
                      f"{growth}", flush=True)
                previous = per_kb
    for mb, label in ((args.also_mb, "one line"), (args.article_mb, "article")):
        if not mb:
            continue
        size = int(mb * 1024 * 1024)
        text = one_line("en", size, "sentences") if label == "one line" else multi_line(
            "en", size)
        seconds, claims = time_extraction(text, "en", 1)
        print(f"en {label} of {mb:g} MB: {claims} claims in {seconds:.1f} s "
              f"({seconds * 1000 / (size / 1024):.2f} ms/KB)", flush=True)


if __name__ == "__main__":
    main()

"""Benchmark: group + compare cost per claim at 1 000, 10 000 and 100 000 claims.

Not a test: run it by hand and record the figures in the README
(``python bench/compare_scaling.py``). Claims are ``numcheck.model.Claim`` records
built directly, deterministic from ``--seed``: articles of 2 to 12 figures, each
about one of a few hundred realistic subjects (troops, deaths, tanks… of an actor,
an event and a place, in French or English), the sizes of subjects skewed as in
news (a handful of big stories, a long tail), dates spread over two years. The
number of subjects grows with the corpus, so each subject stays news-sized: if the
work were quadratic in all claims, the time per claim would grow tenfold per step.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta

from numcheck import Comparison, Rulebook, compare, group, load_rules
from numcheck.model import Claim, Hedge, Kind

COUNTED = {
    "fr": ["soldats", "militaires", "morts", "blessés", "chars", "réfugiés", "enseignants"],
    "en": ["troops", "soldiers", "deaths", "wounded", "tanks", "refugees", "teachers"],
}
ACTORS = {
    "fr": ["russes", "ukrainiens", "américains", "de l'Otan", "français", ""],
    "en": ["Russian", "Ukrainian", "American", "NATO", "French", ""],
}
EVENTS = {
    "fr": ["sont massés", "sont rentrés à leur base", "ont été envoyés", "ont été recensés"],
    "en": ["are massed", "have returned to base", "were sent", "were reported"],
}
PLACES = {
    "fr": ["près de la frontière", "en Pologne", "en Roumanie", "dans le Donbass", ""],
    "en": ["near the border", "in Poland", "in Romania", "in the Donbas", ""],
}
HEDGES = [Hedge.EXACT, Hedge.EXACT, Hedge.APPROX, Hedge.MORE_THAN, Hedge.AT_LEAST]


def _sentence(rng: random.Random, lang: str, story: tuple[int, int, int, int]) -> tuple[str, str]:
    counted, actor, event, place = story
    noun, who = COUNTED[lang][counted], ACTORS[lang][actor]
    phrase = f"{noun} {who}".strip() if lang == "fr" else f"{who} {noun}".strip()
    return phrase, f"{{n}} {phrase} {EVENTS[lang][event]} {PLACES[lang][place]}.".replace(" .", ".")


def synthetic_claims(n: int, seed: int) -> list[Claim]:
    """``n`` claims in articles of 2-12 figures; story sizes follow a Zipf-like law."""
    rng = random.Random(seed)
    stories = [
        (rng.randrange(7), rng.randrange(6), rng.randrange(4), rng.randrange(5))
        for _ in range(max(10, n // 50))
    ]
    weights = [1 / (rank + 1) for rank in range(len(stories))]
    claims: list[Claim] = []
    start = date(2021, 1, 1)
    doc_no = 0
    while len(claims) < n:
        doc, lang = f"a{doc_no:06d}.txt", rng.choice(("fr", "en"))
        published = start + timedelta(days=rng.randrange(730))
        for i in range(rng.randint(2, 12)):
            if len(claims) == n:
                break
            story = rng.choices(stories, weights)[0]
            counted, text = _sentence(rng, lang, story)
            value = float(round(rng.lognormvariate(8, 1.5)))
            hedge = rng.choice(HEDGES)
            sentence = text.replace("{n}", f"{value:.0f}")
            claims.append(_claim(doc, i, sentence, value, hedge, counted, lang, published,
                                 garbled=rng.random() < 0.01))
        doc_no += 1
    return claims


def _claim(doc: str, i: int, sentence: str, value: float, hedge: Hedge, counted: str,
           lang: str, published: date, *, garbled: bool) -> Claim:
    low, high = {
        Hedge.EXACT: (value, value),
        Hedge.APPROX: (value * 0.9, value * 1.1),
        Hedge.MORE_THAN: (value, None),
        Hedge.AT_LEAST: (value, None),
    }[hedge]
    surface = f"{value:.0f}"
    return Claim(
        id=f"c{doc}-{i}", doc=doc, start=i * 1000, end=i * 1000 + len(surface),
        surface=surface, value=None if garbled else value, low=None if garbled else low,
        high=None if garbled else high, hedge=hedge, kind=Kind.COUNT, unit=None,
        garbled=garbled, garble_reason="placeholder" if garbled else None, candidate=None,
        counted=counted, attribution=None, time_scope=None, sentence=sentence,
        sentence_start=i * 1000, lang=lang, published=published, line=i + 1, col=1,
        found_by=("bench",), low_open=hedge is Hedge.MORE_THAN,
    )


def grouped(claims: list[Claim], rules: Rulebook) -> Comparison:
    """Grouping and comparison, the two stages whose cost this measures."""
    return compare(claims, group(claims, rules), rules)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args(argv)
    rules = load_rules()
    grouped(synthetic_claims(200, args.seed), rules)  # compile the vocabularies once
    previous = None
    print(f"{'claims':>8} {'subjects':>9} {'largest':>8} {'flags':>7} {'seconds':>8} "
          f"{'µs/claim':>9} {'growth':>7}")
    for n in args.sizes:
        claims = synthetic_claims(n, args.seed)
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            result = grouped(claims, rules)
            best = min(best, time.perf_counter() - t0)
        per = best / n * 1e6
        growth = f"{per / previous:.2f}×" if previous else "-"
        largest = max(len(s.claims) for s in result.subjects)
        print(f"{n:>8} {len(result.subjects):>9} {largest:>8} {len(result.flags):>7} "
              f"{best:>8.3f} {per:>9.1f} {growth:>7}")
        previous = per
    print("growth = time per claim relative to the previous size; ~1.00× means linear.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

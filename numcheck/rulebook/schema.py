"""The shape every rules file must have, checked when loaded.

Like dateparser's per-language files, each language file has the same keys; a key the
schema does not know is an error (a typo in a newsroom's own rules must not pass
silently), and every error names the file and the key path.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from numcheck.errors import RulesError

# A spec is a type tag (str), a ``Number`` (a value rule), a ``NumbersByWord``, a dict
# of key → spec (a nested mapping; ``ORDERED`` lists pairs of its keys that must be
# in increasing order), or a one-element list holding the spec of each item.
Spec = Any


@dataclass(frozen=True)
class Number:
    """A finite number within bounds: the value rules, declared beside the keys.

    Kept declarative (bounds, not code) so a later move to another validation
    library is a translation: ``low``/``high`` are ``ge``/``le``, ``above`` is ``gt``.
    """

    low: float | None = None
    high: float | None = None
    above: float | None = None
    whole: bool = False

    def fits(self, value: Any) -> bool:
        if not _is_num(value) or not math.isfinite(value):
            return False
        if self.whole and value != int(value):
            return False
        if self.low is not None and value < self.low:
            return False
        if self.above is not None and value <= self.above:
            return False
        return self.high is None or value <= self.high

    def __str__(self) -> str:
        kind = "a whole number" if self.whole else "a number"
        if self.low is not None and self.high is not None:
            return f"{kind} from {self.low:g} to {self.high:g}"
        if self.above is not None:
            bound = f"above {self.above:g}"
        elif self.low is not None:
            bound = f"of at least {self.low:g}"
        else:
            return kind
        return f"{kind} {bound}" + (f" and at most {self.high:g}" if self.high is not None else "")


@dataclass(frozen=True)
class NumbersByWord:
    """A mapping of words to numbers, each following ``number``."""

    number: Number


ORDERED = "~ordered"  # in a mapping spec: ((smaller_key, larger_key), ...)
ANY = Number()
POSITIVE = Number(above=0)
NON_NEGATIVE = Number(low=0)

STRINGS = "list[str]"
HEDGE = {"before": STRINGS, "after": STRINGS}

LANGUAGE: dict[str, Spec] = {
    "language": "str",
    "name": "str",
    "detect": STRINGS,
    "decimal_separator": "str",
    "group_separators": STRINGS,
    "number_words": STRINGS,
    "number_joiners": STRINGS,
    "article_numerals": STRINGS,
    "homograph_numerals": STRINGS,
    "scales": NumbersByWord(POSITIVE),
    "scale_suffixes": NumbersByWord(POSITIVE),
    "hedges": {
        "approx": HEDGE,
        "nearly": HEDGE,
        "more_than": HEDGE,
        "at_least": HEDGE,
        "less_than": HEDGE,
        "at_most": HEDGE,
    },
    "half_words": STRINGS,
    "fractions": {"words": NumbersByWord(Number(above=0, high=100)), "exclude_before": STRINGS},
    "vague": [
        {"text": "str", "low": NON_NEGATIVE, "high": NON_NEGATIVE, "value": NON_NEGATIVE,
         ORDERED: (("low", "high"),)}
    ],
    "ranges": [{"lead": "str", "join": "str"}],
    "months": NumbersByWord(Number(low=1, high=12, whole=True)),
    "weekdays": STRINGS,
    "year_context": STRINGS,
    "relative_times": STRINGS,
    "ordinal_suffixes": STRINGS,
    "time_markers": STRINGS,
    "time_lead": STRINGS,
    "percent": STRINGS,
    "currencies": "dict[str,str]",
    "units": "dict[str,str]",
    "durations": "dict[str,str]",
    "stopwords": STRINGS,
    "verb_suffixes": STRINGS,
    "noun_connectors": STRINGS,
    "counted_before_markers": STRINGS,
    "participle_endings": STRINGS,
    "noun_head": "str",
    "plural_endings": STRINGS,
    "section_headers": "list[regex]",
    "anaphora": STRINGS,
    "anaphoric_determiners": STRINGS,
    "attribution": {
        "markers": STRINGS, "verbs": STRINGS, "leading_noise": STRINGS, "apposition_heads": STRINGS,
    },
    "abbreviations": STRINGS,
    "boilerplate": "list[regex]",
    "ages": {
        "before": STRINGS, "before_alone": STRINGS, "after": STRINGS, "person_nouns": STRINGS,
        "years": STRINGS, "apposition": "bool",
    },
    "identifiers": {"before": STRINGS, "after": STRINGS, "patterns": "list[regex]"},
    "score_words": STRINGS,
    "change_words": STRINGS,
    "year_lead_strong": STRINGS,
    "decade_lead": STRINGS,
    "year_determiners": STRINGS,
    "irregular_plurals": STRINGS,
    "date_range_joiners": STRINGS,
    "one_words": {
        "words": STRINGS, "default": "str", "nouns": STRINGS, "alone": STRINGS, "events": STRINGS,
        "window": Number(low=0, high=20, whole=True), "auxiliaries": STRINGS,
        "pronoun_before": STRINGS, "pronoun_after": STRINGS,
    },
    "relative_periods": {"*": {"unit": "str", "offset": Number(low=-100, high=100, whole=True)}},
    "name_connectors": STRINGS,
}

# Bounds that keep the gate able to fail: a band or slack of 100 % makes every pair of
# figures agree, a window under a day splits every story into one period per date,
# and a ratio beyond 10 never calls anything divergent.
SETTINGS: dict[str, Spec] = {
    "approx_band": Number(low=0, high=0.5),
    "nearly_band": Number(low=0, high=0.5),
    "divergence_ratio": Number(low=1, high=10),
    "conflict_slack": Number(low=0, high=0.5),
    "period_window_days": Number(low=1, high=3660, whole=True),
    "place_min_population": Number(low=0, whole=True),
    # Stories: a similarity and a weight are shares; a window or span under a day
    # would split every story, beyond ten years it would chain an archive into one;
    # fewer than three letters make every word meet.
    "story_similarity": Number(low=0, high=1),
    "story_entity_weight": Number(low=0, high=1),
    "story_window_days": Number(low=1, high=3660, whole=True),
    "story_span_days": Number(low=1, high=3660, whole=True),
    "story_prefix_chars": Number(low=3, high=40, whole=True),
}

GARBLES: dict[str, Spec] = {
    "placeholders": [
        {
            "token": "str",
            "reason": "str",
            "scale_after_small_number": POSITIVE,
            "guess_note": "str",
        }
    ],
    "run_together": {"reason": "str"},
    "too_large": {"above": Number(above=0), "reason": "str"},
}

PAGES: dict[str, Spec] = {"chrome_markers": STRINGS}

CONCEPT = {"label": "str", "words": STRINGS}
EVENT = {"label": "str", "words": STRINGS, "counted_as": "str", "reporting": "bool",
         "any_counted": "bool"}
COUNTED = {"label": "str", "words": STRINGS, "default_event": "str", "people": "bool"}
SOURCE = {"label": "str", "words": STRINGS, "kind": "str"}
SUBJECTS: dict[str, Spec] = {
    "language": "str",
    "head": "str",
    "counted": {"*": COUNTED},
    "actors": {"*": CONCEPT},
    "events": {"*": EVENT},
    "places": {"*": CONCEPT},
    "sources": {"*": SOURCE},
    "independent_kinds": STRINGS,
    "parts": {"before": STRINGS, "after": STRINGS, "enumeration": STRINGS},
    "ages": {"before": STRINGS, "after": STRINGS},
    "place_prepositions": STRINGS,
    "plural_suffixes": [{"suffix": "str", "replace": "str"}],
    "fallback_stopwords": STRINGS,
    "place_links": STRINGS,
}

_TAGS = {
    "str": "a string",
    "bool": "true or false",
    STRINGS: "a list of strings",
    "list[regex]": "a list of regular expressions",
    "dict[str,str]": "a mapping of words to strings",
}


def validate(data: Any, spec: Mapping[str, Spec], file: str, *, partial: bool) -> None:
    """Raise RulesError naming ``file`` and the key path at the first thing out of shape.

    ``partial`` allows missing keys: a user's own rules only add to the shipped ones.
    """
    _check_mapping(data, spec, file, "", partial=partial)


def _check_mapping(
    data: Any, spec: Mapping[str, Spec], file: str, path: str, *, partial: bool
) -> None:
    if not isinstance(data, dict):
        raise RulesError(f"{file}: key '{path or '<top>'}'", "expected a mapping")
    wildcard = spec.get("*")
    ordered = spec.get(ORDERED, ())
    for key, value in data.items():
        sub = f"{path}.{key}" if path else str(key)
        item_spec = spec.get(key, wildcard)
        if item_spec is None or key == ORDERED:
            known = ", ".join(sorted(k for k in spec if k not in ("*", ORDERED)))
            raise RulesError(f"{file}: key '{sub}'", f"unknown key (known keys: {known})")
        _check(value, item_spec, file, sub, partial=partial or wildcard is not None)
    for small, large in ordered:
        if small in data and large in data and data[small] > data[large]:
            where = f"{file}: key '{path + '.' if path else ''}{small}'"
            raise RulesError(where, f"{data[small]!r} is more than {large} ({data[large]!r})")
    if not partial and wildcard is None:
        for key in spec:
            if key not in data and key != ORDERED:
                raise RulesError(f"{file}: key '{path + '.' if path else ''}{key}'", "missing")


def _check(value: Any, spec: Spec, file: str, path: str, *, partial: bool) -> None:
    if isinstance(spec, dict):
        _check_mapping(value, spec, file, path, partial=partial)
        return
    if isinstance(spec, list):
        if not isinstance(value, list):
            raise RulesError(f"{file}: key '{path}'", "expected a list")
        for i, item in enumerate(value):
            _check_mapping(item, spec[0], file, f"{path}[{i}]", partial=True)
        return
    problem = value_problem(value, spec)
    if isinstance(spec, NumbersByWord) and problem:
        raise RulesError(f"{file}: key '{path}{problem[0]}'", problem[1])
    if problem:
        raise RulesError(f"{file}: key '{path}'", problem[1])
    if not isinstance(spec, str):
        return
    if not _fits(value, spec):
        if isinstance(value, list) and spec in (STRINGS, "list[regex]"):
            i, bad = next((i, v) for i, v in enumerate(value) if not isinstance(v, str))
            hint = (
                " (YAML reads bare on/off/yes/no as booleans: quote them)"
                if isinstance(bad, bool) else ""
            )
            raise RulesError(f"{file}: key '{path}[{i}]'", f"expected a string, got {bad!r}{hint}")
        raise RulesError(f"{file}: key '{path}'", f"expected {_TAGS[spec]}, got {value!r}")
    if spec == "list[regex]":
        for i, pattern in enumerate(value):
            try:
                re.compile(pattern)
            except re.error as err:
                where = f"{file}: key '{path}[{i}]'"
                raise RulesError(where, f"bad regular expression: {err}") from None


def value_problem(value: Any, spec: Spec) -> tuple[str, str] | None:
    """For a value rule: None if ``value`` follows it, else (key suffix, what is wrong).

    Shared with the configuration reader, which names its own file and key.
    """
    if isinstance(spec, Number):
        return None if spec.fits(value) else ("", f"expected {spec}, got {value!r}")
    if isinstance(spec, NumbersByWord):
        if not isinstance(value, dict):
            return "", f"expected a mapping of words to {spec.number}, got {value!r}"
        for word, number in value.items():
            if not spec.number.fits(number):
                return f".{word}", f"expected {spec.number}, got {number!r}"
    return None


def _is_num(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _fits(value: Any, tag: str) -> bool:
    if tag == "str":
        return isinstance(value, str)
    if tag == "bool":
        return isinstance(value, bool)
    if tag in (STRINGS, "list[regex]"):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if tag == "dict[str,str]":
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    raise AssertionError(f"unknown schema tag {tag}")

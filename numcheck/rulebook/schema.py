"""The shape every rules file must have, checked when loaded.

Like dateparser's per-language files, each language file has the same keys; a key the
schema does not know is an error (a typo in a newsroom's own rules must not pass
silently), and every error names the file and the key path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from numcheck.errors import RulesError

# A spec is either a type tag (str) or a dict of key → spec (a nested mapping), or a
# one-element list holding the spec of each item.
Spec = Any

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
    "scales": "dict[str,num]",
    "scale_suffixes": "dict[str,num]",
    "hedges": {
        "approx": HEDGE,
        "nearly": HEDGE,
        "more_than": HEDGE,
        "at_least": HEDGE,
        "less_than": HEDGE,
        "at_most": HEDGE,
    },
    "vague": [{"text": "str", "low": "num", "high": "num"}],
    "ranges": [{"lead": "str", "join": "str"}],
    "months": "dict[str,num]",
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
}

SETTINGS: dict[str, Spec] = {
    "approx_band": "fraction",
    "nearly_band": "fraction",
    "divergence_ratio": "ratio",
    "conflict_slack": "fraction",
    "period_window_days": "num",
}

GARBLES: dict[str, Spec] = {
    "placeholders": [
        {"token": "str", "reason": "str", "scale_after_small_number": "num", "guess_note": "str"}
    ],
    "run_together": {"reason": "str"},
    "too_large": {"above": "num", "reason": "str"},
}

PAGES: dict[str, Spec] = {"chrome_markers": STRINGS}

CONCEPT = {"label": "str", "words": STRINGS}
EVENT = {"label": "str", "words": STRINGS, "counted_as": "str", "reporting": "bool"}
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
    "num": "a number",
    "bool": "true or false",
    "fraction": "a number between 0 and 1",
    "ratio": "a number of at least 1",
    STRINGS: "a list of strings",
    "list[regex]": "a list of regular expressions",
    "dict[str,num]": "a mapping of words to numbers",
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
    for key, value in data.items():
        sub = f"{path}.{key}" if path else str(key)
        item_spec = spec.get(key, wildcard)
        if item_spec is None:
            known = ", ".join(sorted(k for k in spec if k != "*"))
            raise RulesError(f"{file}: key '{sub}'", f"unknown key (known keys: {known})")
        _check(value, item_spec, file, sub, partial=partial or wildcard is not None)
    if not partial and wildcard is None:
        for key in spec:
            if key not in data:
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


def _is_num(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _fits(value: Any, tag: str) -> bool:
    if tag == "str":
        return isinstance(value, str)
    if tag == "num":
        return _is_num(value)
    if tag == "bool":
        return isinstance(value, bool)
    if tag == "fraction":
        return _is_num(value) and 0 <= value <= 1
    if tag == "ratio":
        return _is_num(value) and value >= 1
    if tag in (STRINGS, "list[regex]"):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if tag == "dict[str,num]":
        return isinstance(value, dict) and all(_is_num(v) for v in value.values())
    if tag == "dict[str,str]":
        return isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
    raise AssertionError(f"unknown schema tag {tag}")

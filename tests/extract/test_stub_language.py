"""A third language is a rules file and nothing else: no code names a language.

The stub ``xx`` is the English file with the keys that once lived in code set to values
no shipped language has; each case reads a sentence in the stub and checks the rule was
followed (and, where the English file differs, that English reads it otherwise).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck.extract import extract_document
from numcheck.model import Document, Extraction, Period
from numcheck.rulebook import Rulebook, load_rules, shipped_rules_dir
from numcheck.yamlfile import read_yaml

# The stub's values for the moved keys (dotted paths into the language file).
STUB: dict[str, Any] = {
    "language": "xx",
    "name": "Stub",
    "unit_fallback": None,
    # a press counting years in the Buddhist era (2024 is 2567)
    "years": {"plain": [1500, 2700], "dated": [2400, 2700], "after_lead": [100, 2700],
              "attributive": [2400, 2700], "attributive_plural_from": 2450},
    "lemmatizer": None,  # plurals by their endings alone
    "day_suffixes": ["e"],  # "3e May"
    "clock_patterns": [r"\d{1,2}u\d{2}"],  # "14u30"
    "noun_connectors": ["of", "o'"],  # an elided connector: "40 o'barrels"
    "windows.hedge_before": 10,  # a hedge is looked for in the 10 characters before a figure
    "short_decade_suffixes": [],  # "'90's" is no decade
    "identifiers.number_suffixes": ["bis"],  # "12 bis block of flats"
}


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for key in parents:
        data = data[key]
    data[last] = value


@pytest.fixture(scope="module")
def stub_rules(tmp_path_factory: pytest.TempPathFactory) -> Rulebook:
    folder = tmp_path_factory.mktemp("stub-rules")
    data = read_yaml(shipped_rules_dir() / "languages" / "en.yaml")
    for dotted, value in STUB.items():
        _set(data, dotted, value)
    (folder / "languages").mkdir()
    (folder / "languages" / "xx.yaml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                  encoding="utf-8")
    return load_rules([folder])


def _read(text: str, lang: str, rules: Rulebook) -> Extraction:
    return extract_document(Document(name="t", path="t", text=text, lang=lang), rules)


CASES = yaml.safe_load((Path(__file__).with_name("stub_language.yaml"))
                       .read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_stub_language_follows_its_rules(case: dict[str, Any], stub_rules: Rulebook) -> None:
    for lang in ("xx", "en"):
        expected = case.get(lang)
        if expected is None:
            continue
        found = _read(case["text"], lang, stub_rules)
        figure = case["figure"]
        claims = [c for c in found.claims if c.surface == figure]
        others = [o for o in found.others if o.surface == figure]
        if "reason" in expected:
            assert [o.reason.value for o in others] == [expected["reason"]], (lang, found)
            assert not claims, (lang, claims)
        else:
            assert len(claims) == 1, (lang, found)
            for key, value in expected.items():
                assert _shown(getattr(claims[0], key)) == value, (lang, key, claims[0])


def _shown(value: object) -> object:
    """A field as the case table writes it: an enum by its value, a period in ISO form."""
    if isinstance(value, Enum):
        return value.value
    return str(value) if isinstance(value, Period) else value

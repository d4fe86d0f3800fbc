"""What an article is reduced to for stories: content words and names (names.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import numcheck
from numcheck.model import Document
from numcheck.stories import features_of

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("names.yaml")).read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_names(case: dict[str, Any]) -> None:
    doc = Document(name="a.txt", path="a.txt", text=case["text"], lang=case["lang"])
    names = set(features_of(doc, numcheck.load_rules()).names)
    assert set(case["names"]) <= names
    assert not set(case["not_names"]) & names


def test_words_drop_function_words_numbers_and_weekdays_and_keep_prefixes() -> None:
    doc = Document(name="a.txt", path="a.txt", lang="fr",
                   text="Douze personnes ont été blessées samedi, dont trois blessés graves.")
    words = features_of(doc, numcheck.load_rules()).words
    assert "blesse" in words and words.count("blesse") == 2
    assert not {"douze", "trois", "samedi", "ont", "dont"} & set(words)

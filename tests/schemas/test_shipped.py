"""What the project ships passes its own schemas, and the schemas agree with the code."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.evaluate.gold import load_gold
from numcheck.rulebook import load_rules, shipped_rules_dir

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_rules_load_with_the_same_keys_in_every_language() -> None:
    rules = load_rules()
    files = (shipped_rules_dir() / "languages").glob("*.yaml")
    assert set(rules.languages) == {p.stem for p in files}
    keys = {lang: set(data) for lang, data in rules.languages.items()}
    assert len({frozenset(k) for k in keys.values()}) == 1, keys


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "gold").glob("*.yaml")), ids=str)
def test_repository_gold_files_load(path: Path) -> None:
    assert load_gold(path).claims

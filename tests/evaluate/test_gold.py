"""Gold files load (their faults, each at its key: tests/schemas/cases.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from numcheck.errors import NumcheckError
from numcheck.evaluate import load_gold, parse_gold

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["seeds.yaml", "english.yaml"])
def test_shipped_gold_files_load(name: str) -> None:
    gold = load_gold(ROOT / "tests" / "gold" / name)
    assert gold.scored and gold.non_claims and gold.groups


def test_valid_fixture_loads(raw_gold: dict[str, Any]) -> None:
    gold = parse_gold(raw_gold, "g.yaml")
    assert [c.id for c in gold.scored] == ["c500", "c800", "cx"]
    assert gold.group_of("c500") == gold.group_of("c800") != gold.group_of("cx")


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(NumcheckError, match="cannot read gold file"):
        load_gold(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    with pytest.raises(NumcheckError, match="not valid YAML"):
        load_gold(bad)

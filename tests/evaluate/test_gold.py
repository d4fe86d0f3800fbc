"""Gold files are validated on load: a typo names the file and the key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

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


def _break(raw: dict[str, Any], how: str) -> None:
    claim = raw["claims"][0]
    if how == "unknown top key":
        raw["claim"] = []
    elif how == "missing top key":
        del raw["documents"]
    elif how == "unknown claim key":
        claim["vaule"] = 1
    elif how == "missing claim key":
        del claim["end"]
    elif how == "scored claim without hedge":
        del claim["hedge"]
    elif how == "bad hedge":
        claim["hedge"] = "roughly"
    elif how == "undeclared document":
        claim["doc"] = "zzz.txt"
    elif how == "end before start":
        claim["end"] = claim["start"]
    elif how == "unknown id in group":
        raw["groups"][0]["claims"].append("nope")
    elif how == "duplicate id":
        raw["claims"].append(dict(claim))
    elif how == "subject disagrees with group":
        claim["subject"] = "other"
    elif how == "one-claim must_not_flag":
        raw["must_not_flag"][0]["claims"] = ["c500"]
    elif how == "bad date":
        raw["documents"]["a.txt"]["published"] = "May 4"


CASES = {
    "unknown top key": "top level: unknown key 'claim'",
    "missing top key": "top level: missing required key 'documents'",
    "unknown claim key": "claims[0]: unknown key 'vaule'",
    "missing claim key": "claims[0]: missing required key 'end'",
    "scored claim without hedge": "claims[0]: missing required key 'hedge'",
    "bad hedge": "claims[0] (c500).hedge: 'roughly' is not one of",
    "undeclared document": "claims[0] (c500).doc: 'zzz.txt' is not listed",
    "end before start": "claims[0] (c500).end",
    "unknown id in group": "groups[0].claims: unknown claim id 'nope'",
    "duplicate id": "claims: id 'c500' used twice",
    "subject disagrees with group": "'c500' has subject 'other', not 'troops'",
    "one-claim must_not_flag": "must_not_flag[0].claims: needs at least two",
    "bad date": "documents.a.txt.published",
}


@pytest.mark.parametrize("how", list(CASES))
def test_invalid_gold_names_file_and_key(
    how: str, raw_gold: dict[str, Any], tmp_path: Path
) -> None:
    _break(raw_gold, how)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(raw_gold), encoding="utf-8")
    with pytest.raises(NumcheckError) as err:
        load_gold(path)
    assert str(err.value).startswith(str(path))
    assert CASES[how] in str(err.value)


def test_unreadable_and_malformed_files(tmp_path: Path) -> None:
    with pytest.raises(NumcheckError, match="cannot read gold file"):
        load_gold(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    with pytest.raises(NumcheckError, match="not valid YAML"):
        load_gold(bad)

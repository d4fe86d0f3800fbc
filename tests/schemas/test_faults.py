"""Every file numcheck reads refuses each fault with ``FILE: key.path: what is wrong``.

The cases are in ``cases.yaml``: one fault per case, the file it is written to, and
the key path and message expected (or ``ok: true`` for values on the boundary). A
``derived`` case starts from a shipped rules file (``from``), changes it (``set``:
dotted key → value, ``unset``: dotted keys) and adds it as a new language ``xx``, so
what only a complete file must hold is tested too; a ``messages`` case is changed the
same way, without the language key.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck.check import baseline, ledger
from numcheck.check.config import load_config
from numcheck.errors import ConfigError, NumcheckError, RulesError
from numcheck.evaluate.gold import load_gold
from numcheck.ingest.html import chrome_markers
from numcheck.render import messages
from numcheck.rulebook import load_rules, shipped_rules_dir
from numcheck.schemas.base import check
from numcheck.schemas.rules import Garbles
from numcheck.yamlfile import read_yaml

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).with_name("cases.yaml")).read_text(encoding="utf-8")
)["cases"]


def _rules(path: Path) -> object:
    rules = load_rules([path.parent.parent if path.parent.name != "rules" else path.parent])
    return chrome_markers(rules)


def _garbles(path: Path) -> object:
    return check(Garbles, read_yaml(path, RulesError), str(path), RulesError)


def _messages(path: Path) -> object:
    return messages.load(path.stem, [str(path.parent.parent)])


LOADERS: dict[str, tuple[Callable[[Path], object], type[NumcheckError]]] = {
    "rules": (_rules, RulesError),
    "garbles": (_garbles, RulesError),
    "config": (load_config, ConfigError),
    "ledger": (ledger.load, ConfigError),
    "baseline": (baseline.load, ConfigError),
    "gold": (load_gold, NumcheckError),
    "derived": (_rules, RulesError),
    "messages": (_messages, RulesError),
}


def _derived(case: dict[str, Any]) -> str:
    """The shipped file ``case["from"]`` as language ``xx``, with the case's changes."""
    data = read_yaml(shipped_rules_dir() / case["from"])
    if case["kind"] == "derived":
        data["language"] = "xx"
    for dotted, value in case.get("set", {}).items():
        node, last = _parent(data, dotted)
        node[last] = value
    for dotted in case.get("unset", []):
        node, last = _parent(data, dotted)
        del node[last]
    return yaml.safe_dump(data, allow_unicode=True)


def _parent(data: dict[str, Any], dotted: str) -> tuple[dict[str, Any], str]:
    *parents, last = dotted.split(".")
    for key in parents:
        data = data[key]
    return data, last


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_each_fault_is_refused_at_its_key(case: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "rules" / case["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    body = _derived(case) if "from" in case else case["body"]
    path.write_text(body + "\n", encoding="utf-8")
    load, error = LOADERS[case["kind"]]
    if case.get("ok"):
        load(path)
        return
    with pytest.raises(error) as caught:
        load(path)
    assert caught.value.where == (f"{path}: {case['key']}" if case["key"] else str(path))
    assert case["problem"] in caught.value.problem
    assert "\n" not in str(caught.value)


def test_every_loader_and_kind_is_exercised() -> None:
    kinds = {c["kind"] for c in CASES}
    assert kinds == set(LOADERS)
    assert all(any(c.get("ok") for c in CASES if c["kind"] == k) for k in kinds - {"garbles"})

"""The extraction cache: hits on unchanged files, misses on any change that matters."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from numcheck.check.cache import ExtractionCache, records_digest, rules_digest
from numcheck.check.gate import check
from numcheck.check.ledger import Ledger
from numcheck.rulebook import load_rules
from tests.check.conftest import Run


def _run(folder: Path, approx: float | None = None) -> tuple[int, int, list[str]]:
    rules = load_rules()
    if approx is not None:
        rules = rules.with_settings(approx_band=approx)
    cache = ExtractionCache(folder, rules)
    result = check(["new/contra.txt"], ["corpus"], rules, ledger=Ledger(Path("x"), {}),
                   cache=cache)
    return cache.hits, cache.misses, [i.flag.fingerprint for i in result.items]


def test_cache_hits_and_invalidation(newsroom: Path) -> None:
    folder = newsroom / "cache"
    hits, misses, cold = _run(folder)
    assert (hits, misses) == (0, 6)
    hits, misses, warm = _run(folder)
    # Warm: the archive index answers for the corpus; only the new article's story is
    # loaded from the cache, every entry of it a hit.
    assert misses == 0 and 1 < hits < 6 and warm == cold
    Path("new/contra.txt").write_text(Path("new/contra.txt").read_text() + "Fin.\n")
    assert _run(folder)[1] == 1
    assert _run(folder, approx=0.2)[:2] == (0, 6)  # a tolerance changes every key
    assert (folder / ".gitignore").read_text() == "*\n"


def test_rules_digest_follows_settings_and_files(tmp_path: Path) -> None:
    base = load_rules()
    assert rules_digest(base) == rules_digest(load_rules())
    assert rules_digest(base) != rules_digest(base.with_settings(divergence_ratio=2.0))
    extra = tmp_path / "rules"
    extra.mkdir()
    (extra / "settings.yaml").write_text("approx_band: 0.1\n", encoding="utf-8")
    first = rules_digest(load_rules([extra]))
    assert first != rules_digest(base)
    (extra / "notes.txt").write_text("any byte counts\n", encoding="utf-8")
    assert rules_digest(load_rules([extra])) != first


def test_corrupt_entry_is_a_miss(newsroom: Path) -> None:
    folder = newsroom / "cache"
    _run(folder)
    for entry in folder.rglob("*.json"):
        entry.write_bytes(b"not json {")
    shutil.rmtree(folder / "archive")  # else only the new article's story is read
    hits, misses, _ = _run(folder)
    assert (hits, misses) == (0, 6)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def _contra_entry(folder: Path) -> Path:
    """The cache entry of the contradicting new article (the one whose claims fail the gate)."""
    return next(p for p in _entries(folder) if '"doc": "contra.txt"' in p.read_text("utf-8"))


def test_entries_are_plain_json_never_pickle(newsroom: Path) -> None:
    folder = newsroom / "cache"
    _run(folder)
    entries = _entries(folder)
    assert len(entries) == 6 and not list(folder.rglob("*.pickle"))
    entry = json.loads(entries[0].read_text(encoding="utf-8"))
    assert set(entry) == {"format", "key", "digest", "claims", "others"}
    assert entries[0].stem == entry["key"]


def _tamper_silenced(entry: dict[str, object]) -> None:
    """A crafted entry saying the article has no figures, with a correct digest."""
    entry["claims"], entry["others"] = [], []
    entry["digest"] = records_digest({"claims": [], "others": []})


def _tamper_value(entry: dict[str, object]) -> None:
    claims = entry["claims"]
    assert isinstance(claims, list)
    claims[0]["value"] = 175000.0  # digest left as it was


def _tamper_types(entry: dict[str, object]) -> None:
    claims = entry["claims"]
    assert isinstance(claims, list)
    claims[0]["start"] = "__import__('os').system('echo pwned')"
    entry["digest"] = records_digest({"claims": claims, "others": entry["others"]})


def _tamper_span(entry: dict[str, object]) -> None:
    claims = entry["claims"]
    assert isinstance(claims, list)
    claims[0]["surface"] = "175 000"  # not what the text says at that place
    entry["digest"] = records_digest({"claims": claims, "others": entry["others"]})


def _tamper_key(entry: dict[str, object]) -> None:
    entry["key"] = "0" * 64


@pytest.mark.parametrize("tamper", [_tamper_silenced, _tamper_value, _tamper_types,
                                    _tamper_span, _tamper_key])
def test_tampered_entry_is_a_miss_and_the_gate_still_fails(
    newsroom: Path, cli: Run, tamper: Callable[[dict[str, object]], None]
) -> None:
    args = ("check", "new/contra.txt", "--against", "corpus", "--cache-dir", "cache",
            "-f", "json")
    first = cli(*args)
    assert first.code == 1
    path = _contra_entry(newsroom / "cache")
    entry = json.loads(path.read_text(encoding="utf-8"))
    tamper(entry)
    path.write_text(json.dumps(entry), encoding="utf-8")
    again = cli(*args)
    assert again.code == 1, again.err  # recomputed: the conflict is still found
    assert json.loads(again.out)["items"] == json.loads(first.out)["items"]
    assert json.loads(path.read_text(encoding="utf-8"))["claims"]  # and the entry repaired


def test_garbage_files_are_misses(newsroom: Path) -> None:
    folder = newsroom / "cache"
    _run(folder)
    payloads = [b"", b"\xff\xfe", b"[]", b'{"format": 2}', b"9" * 100_000, b"[" * 100_000]
    for entry, payload in zip(_entries(folder), payloads, strict=True):
        entry.write_bytes(payload)
    shutil.rmtree(folder / "archive")
    hits, misses, _ = _run(folder)
    assert (hits, misses) == (0, 6)

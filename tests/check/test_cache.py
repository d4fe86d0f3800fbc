"""The extraction cache: hits on unchanged files, misses on any change that matters."""

from __future__ import annotations

from pathlib import Path

from numcheck.check.cache import ExtractionCache, rules_digest
from numcheck.check.gate import check
from numcheck.check.ledger import Ledger
from numcheck.rulebook import load_rules


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
    assert (hits, misses) == (6, 0) and warm == cold
    Path("new/contra.txt").write_text(Path("new/contra.txt").read_text() + "Fin.\n")
    assert _run(folder)[:2] == (5, 1)
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
    for entry in folder.rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    hits, misses, _ = _run(folder)
    assert (hits, misses) == (0, 6)

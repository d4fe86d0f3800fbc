"""The archive index gives what the uncached check gives: same stories, flags and stale
entries with a cold, a warm and a partly changed index, on the multi-story corpus."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import numcheck
from numcheck.check import archive_index as ix
from numcheck.check.cache import ExtractionCache
from numcheck.check.gate import check
from numcheck.check.ledger import Ledger, Review
from numcheck.rulebook import load_rules

CORPUS = Path(__file__).resolve().parents[1] / "stories" / "corpus"
# Three articles of three stories become the drafts: two carry a planted disagreement
# with their story (Dayton: 5 wounded vs 2; Durres: 19 killed vs 14), one does not.
NEW = ("en_dayton_wire.txt", "en_durres_daily.txt", "en_lima_news.txt")


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CORPUS, tmp_path / "archive")
    (tmp_path / "new").mkdir()
    for name in NEW:
        (tmp_path / "archive" / name).rename(tmp_path / "new" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _outcome(folder: Path | None, ledger: dict[str, Review] | None = None,
             archive: str = "archive") -> dict[str, Any]:
    rules = load_rules()
    cache = ExtractionCache(folder, rules)
    result = check(["new"], [archive], rules, ledger=Ledger(Path("x"), ledger or {}),
                   cache=cache)
    return {
        "items": [(i.flag.fingerprint, i.flag.verdict, i.path, i.at.line, i.at.col, i.at.story,
                   [c.id for c in i.others]) for i in result.items],
        "stories": [(s.id, s.documents, s.first, s.last) for s in result.report.stories],
        "story_of": sorted((c.doc, c.story) for c in result.report.claims),
        "new": sorted(result.new),
        "stale": result.stale,
        "problems": result.report.problems,
        "read": cache.hits + cache.misses,
    }


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return {k: v for k, v in a.items() if k != "read"} == {
        k: v for k, v in b.items() if k != "read"}


def test_cold_warm_and_changed_index_give_the_uncached_result(desk: Path) -> None:
    folder = desk / "cache"
    expected = _outcome(None)
    verdicts = {item[1].value for item in expected["items"]}
    assert verdicts and len(expected["stories"]) == 3  # flags raised, three stories joined
    assert _same(_outcome(folder), expected)  # cold: builds the index
    warm = _outcome(folder)
    assert _same(warm, expected)
    assert warm["read"] == sum(len(s[1]) for s in expected["stories"]) < 54  # only them
    # An archive article of a joined story changes: its figure now agrees.
    herald = desk / "archive" / "en_dayton_herald.txt"
    herald.write_text(herald.read_text("utf-8").replace(" two ", " five "), "utf-8")
    changed = _outcome(None)
    assert not _same(changed, expected)
    assert _same(_outcome(folder), changed)
    # One added (a copy of a draft, under another name), one removed.
    shutil.copy(desk / "new" / "en_lima_news.txt", desk / "archive" / "en_lima_copy.txt")
    (desk / "archive" / "en_durres_times.txt").unlink()
    changed = _outcome(None)
    assert _same(_outcome(folder), changed)
    assert _same(_outcome(folder), changed)
    [index] = (folder / "archive").glob("*.npz")
    stored = ix.load(index, ix.Stored(index.read_bytes()).meta["context"]).stored
    assert stored is not None  # the removed file is gone from the index, the added one in
    listed = {p.name for p in (desk / "archive").iterdir() if p.name != "sources.csv"}
    assert {Path(k).name for k in stored.rows} == listed


def test_every_spelling_of_the_archive_shares_one_index(desk: Path) -> None:
    folder = desk / "cache"
    (desk / "link").symlink_to(desk / "archive")
    spellings = ["archive", str(desk / "archive"), "./link/"]
    expected = _outcome(None)
    assert _same(_outcome(folder, archive=spellings[0]), expected)  # cold
    for spelled in spellings[1:]:
        warm = _outcome(folder, archive=spelled)
        assert _same(warm, expected), spelled
        assert warm["read"] < 54, spelled  # the story's articles only: nothing re-read
    assert len(list((folder / "archive").iterdir())) == 1


def test_a_warm_check_decodes_no_archive_record(desk: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Unchanged archive: its documents' records (metadata, features, problems) are
    never built; only the stored stories and model are read."""
    folder = desk / "cache"
    expected = _outcome(folder)

    def refused(*args: object) -> None:
        raise AssertionError("a record was decoded")

    monkeypatch.setattr(ix.Stored, "record", refused)
    monkeypatch.setattr(ix.Stored, "entry", refused)
    assert _same(_outcome(folder), expected)


def test_index_files_of_other_formats_are_removed(desk: Path) -> None:
    folder = desk / "cache" / "archive"
    folder.mkdir(parents=True)
    old = [folder / "a4f0d997e2b741d849a00498bd11e3a9.npz", folder / "v1-0123abcd.npz"]
    for path in old:
        path.write_bytes(b"PK old index")
    other = folder / f"{ix.PREFIX}0123abcd.npz"  # another archive's index: kept
    other.write_bytes(b"PK")
    _outcome(desk / "cache")
    left = sorted(p.name for p in folder.iterdir())
    assert len(left) == 2 and other.name in left
    assert not any(p.exists() for p in old)


def test_stale_entries_are_the_uncached_ones(desk: Path) -> None:
    """A decision on a flag between two archive articles of another story is not stale."""
    archive = numcheck.run([desk / "archive"])
    bristol = next(f.fingerprint for f in archive.comparison.flags
                   if "bristol" in archive.claim(f.claims[0]).doc)
    review = Review(decision="confirmed", reviewer="ed", date="2024-03-12")
    ledger = {bristol: review, "0123456789abcdef": review}
    expected = _outcome(None, ledger)
    assert expected["stale"] == ("0123456789abcdef",)
    folder = desk / "cache"
    assert _same(_outcome(folder, ledger), expected)
    assert _same(_outcome(folder, ledger), expected)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong shape"])
def test_a_damaged_index_is_rebuilt(desk: Path, damage: str) -> None:
    folder = desk / "cache"
    expected = _outcome(folder)
    [index] = (folder / "archive").glob("*.npz")
    if damage == "garbage":
        index.write_bytes(b"PK\x03\x04 not a zip")
    elif damage == "truncated":
        index.write_bytes(index.read_bytes()[:2000])
    else:
        with np.load(index) as stored:
            arrays = {k: stored[k] for k in stored.files}
        arrays["m_story"] = arrays["m_story"][:-1]
        np.savez(index, **arrays)
    assert _same(_outcome(folder), expected)
    assert _outcome(folder)["read"] < 54  # rebuilt, then used

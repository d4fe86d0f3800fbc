"""The benchmark corpus is deterministic and has what it claims; jobs=2 changes nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numcheck  # noqa: E402
from bench.corpus import generate  # noqa: E402


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", 30, seed=3)
    generate(tmp_path / "b", 30, seed=3)
    generate(tmp_path / "c", 30, seed=4)
    assert _bytes(tmp_path / "a") == _bytes(tmp_path / "b")
    assert _bytes(tmp_path / "a") != _bytes(tmp_path / "c")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, 40, seed=7)
    return folder


def test_corpus_has_the_features_it_claims(corpus: Path) -> None:
    report = numcheck.run([corpus])
    assert not report.problems
    assert {d.lang for d in report.documents} == {"fr", "en"}
    assert all(d.outlet and d.published for d in report.documents)
    reasons = {c.garble_reason for c in report.claims if c.garbled}
    assert any("XNUMX" in (r or "") for r in reasons)  # 100 XNUMX
    # 40.000 15.000 soldats
    assert any("run-together" in c.found_by for c in report.claims if c.garbled)
    hedges = {c.hedge for c in report.claims}
    assert {numcheck.Hedge.APPROX, numcheck.Hedge.MORE_THAN, numcheck.Hedge.RANGE} <= hedges
    kinds = {c.kind for c in report.claims}
    assert {numcheck.Kind.MONEY, numcheck.Kind.PERCENT, numcheck.Kind.COUNT} <= kinds
    reasons_other = {o.reason for o in report.others}
    assert {"chrome", "year", "date"} <= reasons_other
    # stories are shared across articles, so subjects gather claims from several files
    docs_per_subject = [len({report.claim(i).doc for i in s.claims})
                        for s in report.comparison.subjects]
    assert max(docs_per_subject) >= 5
    assert report.comparison.flags


def test_jobs_2_returns_exactly_the_claims_of_jobs_1(corpus: Path) -> None:
    one = numcheck.run([corpus], jobs=1)
    two = numcheck.run([corpus], jobs=2)
    assert one.claims == two.claims
    assert one.others == two.others
    assert one.comparison == two.comparison
    assert one.documents == two.documents


def test_keep_texts_false_drops_texts_not_claims(corpus: Path) -> None:
    kept = numcheck.run([corpus])
    lean = numcheck.run([corpus], keep_texts=False, jobs=2)
    assert lean.claims == kept.claims
    assert all(d.text == "" for d in lean.documents)
    assert [d.name for d in lean.documents] == [d.name for d in kept.documents]

"""The French-GSD development gold loads, and (with ../shared) its spans read what they say.

The sentences are not shipped, so the span checks skip on a clone without ../shared.
"""

from __future__ import annotations

import re
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from numcheck.evaluate import load_gold

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.fr_gsd_docs import materialise, read_sentences  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "fr_gsd.yaml"
TSV = ROOT.parent / "shared" / "corpora" / "fr_gsd" / "sentences.tsv"
REASONS = {"article", "pronoun", "idiom", "anaphoric", "age", "year", "date", "time",
           "ordinal", "identifier", "name", "score", "example", "not_a_number"}

needs_shared = pytest.mark.skipif(not TSV.exists(), reason="../shared/corpora is not present")


def test_gold_loads_with_documented_reasons_and_no_overlaps() -> None:
    gold = load_gold(GOLD)
    assert len(gold.documents) >= 300 and len(gold.scored) >= 300
    assert {n.why for n in gold.non_claims} <= REASONS
    spans = sorted([(c.doc, c.start, c.end) for c in gold.claims]
                   + [(n.doc, n.start, n.end) for n in gold.non_claims])
    for (doc_a, _, end_a), (doc_b, start_b, _) in pairwise(spans):
        assert doc_a != doc_b or end_a <= start_b, f"overlapping spans in {doc_a}"


@needs_shared
def test_documents_are_the_first_sentences_in_file_order() -> None:
    gold = load_gold(GOLD)
    first = [f"{sid}.txt" for sid, _ in read_sentences(TSV)][: len(gold.documents)]
    assert list(gold.documents) == first


@needs_shared
def test_every_span_reads_its_surface_and_every_digit_is_annotated(tmp_path: Path) -> None:
    materialise(TSV, tmp_path)
    gold = load_gold(GOLD)
    texts = {doc: (tmp_path / doc).read_text(encoding="utf-8") for doc in gold.documents}
    spans = [(c.doc, c.start, c.end, c.number) for c in gold.claims]
    spans += [(n.doc, n.start, n.end, n.number) for n in gold.non_claims]
    for doc, start, end, number in spans:
        assert texts[doc][start:end] == number, f"{doc}:{start}-{end}"
    for doc, text in texts.items():
        for m in re.finditer(r"\d", text):
            assert any(d == doc and s <= m.start() < e for d, s, e, _ in spans), (
                f"{doc}:{m.start()} digit not annotated"
            )

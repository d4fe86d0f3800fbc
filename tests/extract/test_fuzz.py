"""Adversarial texts never break extraction's promises (``bench.fuzz.violations``).

A few thousand texts per run, derandomized so CI sees the same ones every time; the
fragments are ``bench.fuzz.FRAGMENTS`` (separators, NBSP, XNUMX, number words of both
languages, hedges, Unicode digits, emoji), plus digit runs of any length up to
hundreds of digits, and long lines. ``python -m bench.fuzz`` runs many more.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz import FRAGMENTS, violations
from numcheck import extract_document, load_rules
from numcheck.model import Document

RULES = load_rules()

fragment = st.one_of(
    *(st.sampled_from(pool) for pool in FRAGMENTS.values()),
    st.from_regex(r"[0-9]{1,25}", fullmatch=True),
    st.integers(300, 420).map(lambda n: "9" * n),  # beyond a float: 1e309 and more
    st.text(max_size=3),  # anything at all, a few characters at a time
)
piece = st.lists(fragment, min_size=1, max_size=30).map("".join)
long_line = st.tuples(piece, st.integers(10, 60)).map(  # up to several kilobytes
    lambda p: (p[0].replace("\n", " ") or "1") * p[1]
)
texts = st.integers(0, 19).flatmap(lambda i: long_line if i == 0 else piece)


@settings(
    max_examples=3000,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=texts, lang=st.sampled_from(["fr", "en"]))
def test_extraction_keeps_its_promises_on_any_text(text: str, lang: str) -> None:
    found = extract_document(Document("fuzz", "fuzz", text, lang), RULES)
    assert violations(text, found) == []

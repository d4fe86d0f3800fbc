"""Every claim's interval holds its figure exactly: low ≤ value ≤ high, no rounding across.

The case tables compare floats approximately, so a bound rounded to 12 digits below
its figure would pass there; these compare exactly.
"""

from __future__ import annotations

import pytest

from numcheck import extract


@pytest.mark.parametrize(
    "text",
    [
        "The ledger shows 1234567890123.7 dollars.",
        "The ledger shows about 1234567890123.7 dollars.",
        "The ledger shows more than 98765432109876.5 dollars.",
        "The ledger shows almost 1234567890128.3 dollars.",
        "The ledger shows up to 12345678901234567 dollars.",
    ],
)
def test_bounds_never_cross_the_figure(text: str) -> None:
    (claim,) = extract(text, lang="en")
    assert claim.value is not None
    assert claim.low is None or claim.low <= claim.value
    assert claim.high is None or claim.value <= claim.high
    if claim.hedge.value == "exact":
        assert claim.low == claim.value == claim.high

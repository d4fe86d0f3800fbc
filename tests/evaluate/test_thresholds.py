"""``--min``/``--max`` parsing and checking."""

from __future__ import annotations

from typing import Any

import pytest

from numcheck.errors import NumcheckError
from numcheck.evaluate import failures, parse_gold, parse_threshold, score


def _scores(raw_gold: Any, texts: Any, make_pred: Any) -> Any:
    preds = [make_pred("500", value=500, low=500, high=500), make_pred("3 ", value=3)]
    return score("t", parse_gold(raw_gold, "g.yaml"), texts, preds)


def test_min_and_max(raw_gold: Any, texts: Any, make_pred: Any) -> None:
    s = _scores(raw_gold, texts, make_pred)  # precision 0.5, recall 1/3, one date taken
    ok = [parse_threshold("claim_precision=0.5", is_min=True),
          parse_threshold("non_claims_as_claims=1", is_min=False)]
    assert failures(s, ok) == []
    bad = [parse_threshold("claim_precision=0.6", is_min=True),
           parse_threshold("non_claims_as_claims=0", is_min=False)]
    assert failures(s, bad) == [
        "claim_precision = 0.5, needs claim_precision >= 0.6",
        "non_claims_as_claims = 1, needs non_claims_as_claims <= 0",
    ]


def test_unmeasured_metric_fails(raw_gold: Any, texts: Any, make_pred: Any) -> None:
    s = _scores(raw_gold, texts, make_pred)
    assert s.group_precision is None
    assert failures(s, [parse_threshold("group_precision=0", is_min=True)]) == [
        "group_precision not measured (needs group_precision >= 0)"
    ]


@pytest.mark.parametrize("text, message", [
    ("claim_recall", "is not KEY=VALUE"),
    ("recall=1", "unknown metric 'recall'"),
    ("claim_recall=high", "'high' is not a number"),
])
def test_bad_thresholds(text: str, message: str) -> None:
    with pytest.raises(NumcheckError, match=message):
        parse_threshold(text, is_min=True)

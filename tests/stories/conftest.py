"""The multi-story corpus, read once per session, and its expectations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import numcheck
from numcheck import Claim, Report

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
EXPECTATIONS: dict[str, Any] = yaml.safe_load((HERE / "expectations.yaml").read_text("utf-8"))
TRUTH: dict[str, str] = {d: s for s, docs in EXPECTATIONS["stories"].items() for d in docs}


@pytest.fixture(scope="session")
def corpus_report() -> Report:
    return numcheck.run([CORPUS])


def figure(report: Report, doc: str, written: str) -> Claim:
    """The first claim of ``doc``'s body (below the headline) whose figure reads ``written``."""
    found = sorted(
        (c for c in report.claims
         if c.doc == doc and c.line > 1 and written in (c.surface, f"{c.hedge_text} {c.surface}")),
        key=lambda c: c.start,
    )
    assert found, f"{doc}: no claim reads {written!r}"
    return found[0]

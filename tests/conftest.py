"""Shared fixtures: the seed corpus, its gold annotation, and one pipeline run over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seeds.yaml"


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_report():  # type: ignore[no-untyped-def]
    from numcheck import run

    return run([SEEDS])


@pytest.fixture(autouse=True)
def _no_progress_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests compare stderr exactly; a loaded machine must not add a progress line.
    The progress tests set their own interval."""
    monkeypatch.setenv("NUMCHECK_PROGRESS_SECONDS", "inf")

"""The review ledger: a reviewer's decision on a flag, kept in a diff-friendly YAML file.

Entries are keyed by ``Flag.fingerprint`` (subject, verdict, sources and figures, not
line numbers), so a decision survives re-runs and edits elsewhere in an article. The
file is committed beside the articles: sorted, one entry per fingerprint, so two
reviewers' changes merge like any other text.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from numcheck.errors import ConfigError
from numcheck.model import Comparison, Flag
from numcheck.yamlfile import read_yaml

DECISIONS = ("confirmed", "false-positive", "explained", "needs-source")
HEADER = (
    "# numcheck review ledger: one entry per flag fingerprint, sorted.\n"
    "# Written by `numcheck review FINGERPRINT --decision ...`; safe to edit by hand.\n"
)


@dataclass(frozen=True, slots=True)
class Review:
    decision: str
    reviewer: str
    date: str  # ISO date, kept as text so the file round-trips byte for byte
    note: str | None = None


@dataclass(frozen=True)
class Ledger:
    """Decisions by fingerprint; ``path`` is where it was read from (or will be written)."""

    path: Path
    entries: Mapping[str, Review]

    def get(self, fingerprint: str) -> Review | None:
        return self.entries.get(fingerprint)


def load(path: Path) -> Ledger:
    """A missing file is an empty ledger; a malformed one names the file and entry."""
    if not path.is_file():
        return Ledger(path, {})
    data = read_yaml(path, ConfigError) or {}
    reviews = data.get("reviews") if isinstance(data, dict) else None
    shape_ok = isinstance(data, dict) and not set(data) - {"reviews"}
    if not shape_ok or not isinstance(reviews, dict | None):
        raise ConfigError(str(path), "expected one 'reviews' mapping of fingerprint → entry")
    entries = {str(fp): _entry(path, str(fp), raw) for fp, raw in (reviews or {}).items()}
    return Ledger(path, entries)


def _entry(path: Path, fp: str, raw: Any) -> Review:
    where = f"{path}: reviews.{fp}"
    if not isinstance(raw, dict):
        raise ConfigError(where, "must be a mapping with decision, reviewer, date, note")
    unknown = set(raw) - {"decision", "reviewer", "date", "note"}
    if unknown:
        raise ConfigError(f"{where}.{sorted(unknown)[0]}", "unknown key")
    decision = raw.get("decision")
    if decision not in DECISIONS:
        raise ConfigError(f"{where}.decision", f"'{decision}' is not one of {', '.join(DECISIONS)}")
    note = raw.get("note")
    return Review(
        decision=str(decision),
        reviewer=str(raw.get("reviewer") or ""),
        date=str(raw.get("date") or ""),
        note=str(note) if note is not None else None,
    )


def dump(ledger: Ledger) -> str:
    body = {
        fp: {k: v for k, v in dataclasses.asdict(r).items() if v is not None}
        for fp, r in sorted(ledger.entries.items())
    }
    text = yaml.safe_dump({"reviews": body}, sort_keys=True, allow_unicode=True,
                          default_flow_style=False, width=100)
    return HEADER + text


def save(ledger: Ledger) -> None:
    ledger.path.parent.mkdir(parents=True, exist_ok=True)
    tmp = ledger.path.with_name(ledger.path.name + ".tmp")
    tmp.write_text(dump(ledger), encoding="utf-8")
    os.replace(tmp, ledger.path)


def record(
    ledger: Ledger,
    fingerprint: str,
    decision: str,
    *,
    reviewer: str,
    note: str | None = None,
    today: date | None = None,
) -> Ledger:
    """A new ledger with this decision (replacing any earlier one for the fingerprint)."""
    if decision not in DECISIONS:
        raise ConfigError("--decision", f"'{decision}' is not one of {', '.join(DECISIONS)}")
    if decision == "explained" and not (note and note.strip()):
        raise ConfigError("--note", "a decision of 'explained' needs a note saying why")
    if not fingerprint or not all(c in "0123456789abcdef" for c in fingerprint):
        raise ConfigError("FINGERPRINT", f"'{fingerprint}' is not a flag fingerprint (hex digits)")
    entry = Review(decision, reviewer, (today or date.today()).isoformat(), note or None)
    return Ledger(ledger.path, {**ledger.entries, fingerprint: entry})


def apply(comparison: Comparison, ledger: Ledger) -> Comparison:
    """The same comparison, each reviewed flag carrying its decision in ``Flag.review``."""
    flags = tuple(_reviewed(f, ledger) for f in comparison.flags)
    return dataclasses.replace(comparison, flags=flags)


def _reviewed(flag: Flag, ledger: Ledger) -> Flag:
    entry = ledger.get(flag.fingerprint)
    return dataclasses.replace(flag, review=entry.decision) if entry else flag


def stale(ledger: Ledger, comparison: Comparison | Iterable[Flag]) -> list[str]:
    """Fingerprints in the ledger that match no flag any more (sorted)."""
    flags = comparison.flags if isinstance(comparison, Comparison) else comparison
    live = {f.fingerprint for f in flags}
    return sorted(fp for fp in ledger.entries if fp not in live)

"""The review ledger: a reviewer's decision on a flag, kept in a diff-friendly YAML file.

Entries are keyed by ``Flag.fingerprint`` (subject, verdict, sources and figures, not
line numbers), so a decision survives re-runs and edits elsewhere in an article. The
file is committed beside the articles: sorted, one entry per fingerprint, so two
reviewers' changes merge like any other text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from numcheck.atomicfile import write_atomic
from numcheck.errors import ConfigError
from numcheck.model import Comparison, Flag
from numcheck.schemas.base import check
from numcheck.schemas.ledger import DECISIONS, LedgerFile, Review
from numcheck.yamlfile import read_yaml

__all__ = ["DECISIONS", "Ledger", "Review", "apply", "load", "record", "record_decision", "stale"]

HEADER = (
    "# numcheck review ledger: one entry per flag fingerprint, sorted.\n"
    "# Written by `numcheck review FINGERPRINT --decision ...`; safe to edit by hand.\n"
)


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
    data = read_yaml(path, ConfigError, what="ledger")
    ledger = check(LedgerFile, {} if data is None else data, str(path), ConfigError)
    assert ledger is not None
    return Ledger(path, ledger.reviews)


def dump(ledger: Ledger) -> str:
    body = {
        fp: r.model_dump(exclude_none=True)
        for fp, r in sorted(ledger.entries.items())
    }
    text = yaml.safe_dump({"reviews": body}, sort_keys=True, allow_unicode=True,
                          default_flow_style=False, width=100)
    return HEADER + text


def save(ledger: Ledger) -> None:
    write_atomic(ledger.path, dump(ledger), make_parents=True)


def lock_path(path: Path) -> Path:
    """The lock beside the ledger (hidden; it stays after use, by design of flock)."""
    return path.with_name(f".{path.name}.lock")


def record_decision(
    path: Path,
    fingerprint: str,
    decision: str,
    *,
    reviewer: str,
    note: str | None = None,
    today: date | None = None,
    timeout: float = 60,
) -> Ledger:
    """Add (or replace) one decision in the ledger file, safely against other writers.

    The read-modify-write runs under a lock file, so twenty reviewers recording at once
    keep twenty decisions; the file is edited as a YAML round trip, so comments and
    layout a person wrote by hand stay where they were; and it is replaced atomically.
    """
    from filelock import FileLock, Timeout

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_path(path)), timeout=timeout)
        lock.acquire()
    except Timeout:
        raise ConfigError(str(path), f"ledger locked by another process for {timeout:g} s; "
                                     "try again") from None
    except OSError as err:
        raise ConfigError(str(path), f"cannot lock the ledger: {err.strerror or err}") from None
    try:
        current = load(path)  # validates: a malformed ledger is never overwritten
        updated = record(current, fingerprint, decision, reviewer=reviewer, note=note,
                         today=today)
        text = _edited(path, fingerprint, updated.entries[fingerprint]) if path.is_file() else None
        write_atomic(path, text or dump(updated), make_parents=True)
        return updated
    finally:
        lock.release()


def _edited(path: Path, fingerprint: str, review: Review) -> str | None:
    """The ledger's own text with one entry added or replaced, everything else kept
    (None when the file holds no mapping to edit: it is then written afresh)."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    yaml_rt = YAML()  # round trip: comments, order and quoting survive
    yaml_rt.width = 100
    document = yaml_rt.load(path.read_text(encoding="utf-8"))
    if not isinstance(document, CommentedMap):
        return None
    reviews = document.get("reviews")
    if not isinstance(reviews, CommentedMap) or not reviews:
        reviews = document["reviews"] = CommentedMap()  # block style, even after `{}`
    entry = CommentedMap(
        (k, v) for k, v in sorted(review.model_dump(exclude_none=True).items())
    )
    if fingerprint in reviews:
        reviews[fingerprint] = entry
    else:
        position = sum(1 for key in reviews if str(key) < fingerprint)
        reviews.insert(position, fingerprint, entry)
    out = io.StringIO()
    yaml_rt.dump(document, out)
    return out.getvalue()


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
    entry = Review(decision=decision, reviewer=reviewer,  # type: ignore[arg-type]  # checked
                   date=(today or date.today()).isoformat(), note=note or None)
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

"""Gold annotations as the scorer reads them, from a file checked by ``schemas.gold``.

The file's shape (and every fault in it, named by file and key) is the schema's; here
are the records the matcher and the scores take.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from numcheck.model import Hedge, Kind
from numcheck.schemas.base import check
from numcheck.schemas.gold import ClaimEntry, ClaimSetEntry, GoldFile
from numcheck.yamlfile import read_yaml


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """A figure a careful reader counts as a claim; ``optional`` ones are not scored."""

    id: str
    doc: str
    start: int
    end: int
    number: str
    value: float | None
    hedge: Hedge | None
    low: float | None
    high: float | None
    has_low: bool
    has_high: bool
    garbled: bool
    candidate: float | None
    subject: str | None
    kind: Kind | None
    optional: bool


@dataclass(frozen=True, slots=True)
class NonClaim:
    """A number that is not a claim (a date, a year, page chrome) and must not be one."""

    doc: str
    start: int
    end: int
    number: str
    why: str


@dataclass(frozen=True, slots=True)
class ClaimSet:
    """Gold claim ids that belong together: an expected flag, a forbidden flag, a may-group."""

    claims: tuple[str, ...]
    why: str


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold file: per-document claims and non-claims, subjects, and flag expectations."""

    path: str
    documents: dict[str, date | None]
    claims: tuple[GoldClaim, ...]
    non_claims: tuple[NonClaim, ...]
    groups: dict[str, tuple[str, ...]]
    expected_flags: tuple[ClaimSet, ...]
    must_not_flag: tuple[ClaimSet, ...]
    may_group: tuple[ClaimSet, ...]

    @property
    def scored(self) -> tuple[GoldClaim, ...]:
        return tuple(c for c in self.claims if not c.optional)

    def group_of(self, claim_id: str) -> str:
        """The gold subject of a claim; a claim in no group is a subject of its own."""
        for subject, members in self.groups.items():
            if claim_id in members:
                return subject
        return f"<alone:{claim_id}>"


def load_gold(path: str | Path) -> Gold:
    """Read and validate a gold file; every fault names the file and the key."""
    return parse_gold(read_yaml(path, what="gold file"), str(path))


def parse_gold(raw: Any, where: str) -> Gold:
    """Validate already-parsed YAML (tests build gold files as dicts)."""
    gold = check(GoldFile, raw, where)
    assert gold is not None
    return Gold(
        path=where,
        documents={name: doc.published if doc else None for name, doc in gold.documents.items()},
        claims=tuple(_claim(c) for c in gold.claims),
        non_claims=tuple(
            NonClaim(doc=n.doc, start=n.start, end=n.end, number=n.number, why=n.why)
            for n in gold.non_claims
        ),
        groups={g.subject: tuple(g.claims) for g in gold.groups},
        expected_flags=_sets(gold.expected_flags),
        must_not_flag=_sets(gold.must_not_flag),
        may_group=_sets(gold.may_group),
    )


def _claim(c: ClaimEntry) -> GoldClaim:
    return GoldClaim(
        id=c.id, doc=c.doc, start=c.start, end=c.end, number=c.number, value=c.value,
        hedge=c.hedge, low=c.low, high=c.high, has_low="low" in c.model_fields_set,
        has_high="high" in c.model_fields_set, garbled=c.garbled, candidate=c.candidate,
        subject=c.subject, kind=c.kind, optional=c.optional,
    )


def _sets(entries: list[ClaimSetEntry]) -> tuple[ClaimSet, ...]:
    return tuple(ClaimSet(claims=tuple(e.claims), why=e.why) for e in entries)

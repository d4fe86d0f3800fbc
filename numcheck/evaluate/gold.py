"""Gold annotations: load a hand-written YAML file and refuse anything ambiguous.

A newsroom writes these files by hand, so a typo must not silently change a score:
an unknown key, a missing required key, a claim id used twice or a group naming a
claim that does not exist is a ``NumcheckError`` naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from numcheck.errors import NumcheckError
from numcheck.model import Hedge, Kind
from numcheck.yamlfile import read_yaml

TOP_REQUIRED = frozenset({"documents", "claims"})
TOP_OPTIONAL = frozenset(
    {"about", "non_claims", "groups", "expected_flags", "must_not_flag", "may_group"}
)
DOC_KEYS = frozenset({"published", "outlet", "language", "note"})
CLAIM_REQUIRED = frozenset({"id", "doc", "start", "end", "number"})
CLAIM_OPTIONAL = frozenset(
    {"value", "hedge", "low", "high", "garbled", "candidate", "counted", "subject",
     "attribution", "time_scope", "kind", "optional", "note", "unit"}
)
# A scored (non-optional) claim needs what the scores compare.
SCORED_REQUIRED = frozenset({"value", "hedge"})
NON_CLAIM_REQUIRED = frozenset({"doc", "start", "end", "number", "why"})
NON_CLAIM_OPTIONAL = frozenset({"note"})
GROUP_REQUIRED = frozenset({"subject", "claims"})
GROUP_OPTIONAL = frozenset({"label", "note"})
PAIR_REQUIRED = frozenset({"claims"})
PAIR_OPTIONAL = frozenset({"why", "note"})

E = TypeVar("E", Hedge, Kind)


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
    top = _mapping(raw, where, "top level")
    _check_keys(top, where, "top level", TOP_REQUIRED, TOP_OPTIONAL)
    documents = _documents(top["documents"], where)
    claims = tuple(
        _claim(item, where, f"claims[{i}]", documents)
        for i, item in enumerate(_list(top["claims"], where, "claims"))
    )
    ids = [c.id for c in claims]
    for cid in ids:
        if ids.count(cid) > 1:
            raise NumcheckError(where, f"claims: id '{cid}' used twice")
    by_id = {c.id: c for c in claims}
    non_claims = tuple(
        _non_claim(item, where, f"non_claims[{i}]", documents)
        for i, item in enumerate(_list(top.get("non_claims", []), where, "non_claims"))
    )
    groups = _groups(top.get("groups", []), where, by_id)
    return Gold(
        path=where,
        documents=documents,
        claims=claims,
        non_claims=non_claims,
        groups=groups,
        expected_flags=_claim_sets(top.get("expected_flags", []), where, "expected_flags", by_id),
        must_not_flag=_claim_sets(top.get("must_not_flag", []), where, "must_not_flag", by_id),
        may_group=_claim_sets(top.get("may_group", []), where, "may_group", by_id),
    )


def _documents(raw: Any, where: str) -> dict[str, date | None]:
    out: dict[str, date | None] = {}
    for name, info in _mapping(raw, where, "documents").items():
        key = f"documents.{name}"
        entry = _mapping(info if info is not None else {}, where, key)
        _check_keys(entry, where, key, frozenset(), DOC_KEYS)
        published = entry.get("published")
        if published is None:
            out[str(name)] = None
        elif isinstance(published, date):
            out[str(name)] = published
        else:
            try:
                out[str(name)] = date.fromisoformat(str(published))
            except ValueError:
                raise NumcheckError(
                    where, f"{key}.published: '{published}' is not a YYYY-MM-DD date"
                ) from None
    return out


def _claim(raw: Any, where: str, key: str, documents: Mapping[str, object]) -> GoldClaim:
    item = _mapping(raw, where, key)
    _check_keys(item, where, key, CLAIM_REQUIRED, CLAIM_OPTIONAL)
    optional = _bool(item, where, key, "optional")
    if not optional:
        _check_keys(item, where, key, CLAIM_REQUIRED | SCORED_REQUIRED,
                    CLAIM_OPTIONAL - SCORED_REQUIRED)
    key = f"{key} ({item['id']})"
    doc, start, end = _span(item, where, key, documents)
    hedge = item.get("hedge")
    kind = item.get("kind")
    return GoldClaim(
        id=str(item["id"]),
        doc=doc,
        start=start,
        end=end,
        number=str(item["number"]),
        value=_number(item, where, key, "value"),
        hedge=_enum(Hedge, hedge, where, f"{key}.hedge") if hedge is not None else None,
        low=_number(item, where, key, "low"),
        high=_number(item, where, key, "high"),
        has_low="low" in item,
        has_high="high" in item,
        garbled=_bool(item, where, key, "garbled"),
        candidate=_number(item, where, key, "candidate"),
        subject=str(item["subject"]) if item.get("subject") is not None else None,
        kind=_enum(Kind, kind, where, f"{key}.kind") if kind is not None else None,
        optional=optional,
    )


def _non_claim(raw: Any, where: str, key: str, documents: Mapping[str, object]) -> NonClaim:
    item = _mapping(raw, where, key)
    _check_keys(item, where, key, NON_CLAIM_REQUIRED, NON_CLAIM_OPTIONAL)
    doc, start, end = _span(item, where, key, documents)
    return NonClaim(doc=doc, start=start, end=end, number=str(item["number"]),
                    why=str(item["why"]))


def _groups(raw: Any, where: str, by_id: Mapping[str, GoldClaim]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    seen: dict[str, str] = {}
    for i, item in enumerate(_list(raw, where, "groups")):
        key = f"groups[{i}]"
        entry = _mapping(item, where, key)
        _check_keys(entry, where, key, GROUP_REQUIRED, GROUP_OPTIONAL)
        subject = str(entry["subject"])
        if subject in out:
            raise NumcheckError(where, f"{key}.subject: '{subject}' appears twice")
        members = _ids(entry["claims"], where, f"{key}.claims", by_id)
        for cid in members:
            if cid in seen:
                raise NumcheckError(
                    where, f"{key}.claims: '{cid}' is already in group '{seen[cid]}'"
                )
            seen[cid] = subject
            declared = by_id[cid].subject
            if declared is not None and declared != subject:
                raise NumcheckError(
                    where, f"{key}.claims: '{cid}' has subject '{declared}', not '{subject}'"
                )
        out[subject] = members
    return out


def _claim_sets(
    raw: Any, where: str, name: str, by_id: Mapping[str, GoldClaim]
) -> tuple[ClaimSet, ...]:
    out = []
    for i, item in enumerate(_list(raw, where, name)):
        key = f"{name}[{i}]"
        entry = _mapping(item, where, key)
        _check_keys(entry, where, key, PAIR_REQUIRED, PAIR_OPTIONAL)
        members = _ids(entry["claims"], where, f"{key}.claims", by_id)
        if name != "expected_flags" and len(members) < 2:
            raise NumcheckError(where, f"{key}.claims: needs at least two claim ids")
        out.append(ClaimSet(claims=members, why=str(entry.get("why", ""))))
    return tuple(out)


def _ids(raw: Any, where: str, key: str, by_id: Mapping[str, GoldClaim]) -> tuple[str, ...]:
    members = tuple(str(x) for x in _list(raw, where, key))
    if not members:
        raise NumcheckError(where, f"{key}: empty list")
    for cid in members:
        if cid not in by_id:
            raise NumcheckError(where, f"{key}: unknown claim id '{cid}'")
    return members


def _span(
    item: Mapping[str, Any], where: str, key: str, documents: Mapping[str, object]
) -> tuple[str, int, int]:
    doc = str(item["doc"])
    if doc not in documents:
        raise NumcheckError(where, f"{key}.doc: '{doc}' is not listed under documents")
    start, end = item["start"], item["end"]
    if not isinstance(start, int) or isinstance(start, bool) or start < 0:
        raise NumcheckError(where, f"{key}.start: must be a non-negative integer")
    if not isinstance(end, int) or isinstance(end, bool) or end <= start:
        raise NumcheckError(where, f"{key}.end: must be an integer greater than start")
    return doc, start, end


def _number(item: Mapping[str, Any], where: str, key: str, name: str) -> float | None:
    value = item.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise NumcheckError(where, f"{key}.{name}: '{value}' is not a number")
    return float(value)


def _bool(item: Mapping[str, Any], where: str, key: str, name: str) -> bool:
    value = item.get(name, False)
    if not isinstance(value, bool):
        raise NumcheckError(where, f"{key}.{name}: must be true or false")
    return value


def _enum(cls: type[E], value: Any, where: str, key: str) -> E:
    try:
        return cls(str(value))
    except ValueError:
        allowed = ", ".join(m.value for m in cls)
        raise NumcheckError(where, f"{key}: '{value}' is not one of {allowed}") from None


def _check_keys(
    item: Mapping[str, Any], where: str, key: str,
    required: frozenset[str], optional: frozenset[str],
) -> None:
    for name in item:
        if name not in required and name not in optional:
            raise NumcheckError(where, f"{key}: unknown key '{name}'")
    for name in sorted(required):
        if name not in item:
            raise NumcheckError(where, f"{key}: missing required key '{name}'")


def _mapping(raw: Any, where: str, key: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise NumcheckError(where, f"{key}: expected a mapping")
    return {str(k): v for k, v in raw.items()}


def _list(raw: Any, where: str, key: str) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise NumcheckError(where, f"{key}: expected a list")
    return raw

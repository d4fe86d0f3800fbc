"""Gold files for ``numcheck eval``: the claims a careful reader finds, and what must be flagged.

A newsroom writes these by hand, so a typo must not silently change a score: unknown
keys, a claim id used twice, a claim in a document not listed, a group or claim set
naming a claim that does not exist are all faults at their key.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from numcheck.model import Hedge, Kind
from numcheck.schemas.base import KeyFault, NonNegative, Strict, Text


def _date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a YYYY-MM-DD date") from None
    return value


def _no_list(value: Any) -> Any:
    return [] if value is None else value


Items = BeforeValidator(_no_list)  # `non_claims:` left empty is an empty list


class GoldDocument(Strict):
    published: Annotated[date, BeforeValidator(_date)] | None = None
    outlet: str | None = None
    language: str | None = None
    note: str | None = None


class Span(Strict):
    """Where a figure stands: a document and code-point offsets into its text."""

    doc: Text
    start: Annotated[int, Field(ge=0)]
    end: int
    number: Text

    @model_validator(mode="after")
    def _after_start(self) -> Span:
        if self.end <= self.start:
            raise KeyFault(["end"], f"{self.end} is not after start ({self.start})")
        return self


class ClaimEntry(Span):
    """A claim; a scored one (not ``optional``) must say its value and hedge."""

    id: Text
    value: float | None = None
    hedge: Annotated[Hedge, Field(strict=False)] | None = None
    low: float | None = None
    high: float | None = None
    garbled: bool = False
    candidate: NonNegative | None = None
    counted: str | None = None
    subject: str | None = None
    attribution: str | None = None
    time_scope: str | None = None
    kind: Annotated[Kind, Field(strict=False)] | None = None
    optional: bool = False
    note: str | None = None
    unit: str | None = None

    @model_validator(mode="after")
    def _scored(self) -> ClaimEntry:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise KeyFault(["low"], f"{self.low:g} is more than high ({self.high:g})")
        if not self.optional:
            for key in ("value", "hedge"):
                if key not in self.model_fields_set:
                    raise KeyFault([key], "missing (a scored claim needs value and hedge; "
                                          "or mark it optional: true)")
        return self


class NonClaimEntry(Span):
    """A number that is not a claim (a date, a year, page chrome), and why."""

    why: Text
    note: str | None = None


class GroupEntry(Strict):
    subject: Text
    claims: Annotated[list[Text], Field(min_length=1)]
    label: str | None = None
    note: str | None = None


class ClaimSetEntry(Strict):
    claims: Annotated[list[Text], Field(min_length=1)]
    why: str = ""
    note: str | None = None


class GoldFile(Strict):
    about: str | None = None
    documents: dict[str, GoldDocument | None]
    claims: Annotated[list[ClaimEntry], Items]
    non_claims: Annotated[list[NonClaimEntry], Items] = Field(default_factory=list)
    groups: Annotated[list[GroupEntry], Items] = Field(default_factory=list)
    expected_flags: Annotated[list[ClaimSetEntry], Items] = Field(default_factory=list)
    must_not_flag: Annotated[list[ClaimSetEntry], Items] = Field(default_factory=list)
    may_group: Annotated[list[ClaimSetEntry], Items] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> GoldFile:
        """Every span in a listed document; ids unique; every set naming known claims."""
        ids: dict[str, ClaimEntry] = {}
        for section, spans in (("claims", self.claims), ("non_claims", self.non_claims)):
            for i, span in enumerate(spans):
                if span.doc not in self.documents:
                    raise KeyFault([section, i, "doc"], f"'{span.doc}' is not listed under "
                                                        "documents")
        for i, claim in enumerate(self.claims):
            if claim.id in ids:
                raise KeyFault(["claims", i, "id"], f"'{claim.id}' is used twice")
            ids[claim.id] = claim
        self._check_groups(ids)
        for name in ("expected_flags", "must_not_flag", "may_group"):
            for i, entry in enumerate(getattr(self, name)):
                _known(entry.claims, ids, [name, i, "claims"])
                if name != "expected_flags" and len(entry.claims) < 2:
                    raise KeyFault([name, i, "claims"], "needs at least two claim ids")
        return self

    def _check_groups(self, ids: dict[str, ClaimEntry]) -> None:
        seen: dict[str, str] = {}
        subjects: set[str] = set()
        for i, group in enumerate(self.groups):
            if group.subject in subjects:
                raise KeyFault(["groups", i, "subject"], f"'{group.subject}' appears twice")
            subjects.add(group.subject)
            _known(group.claims, ids, ["groups", i, "claims"])
            for cid in group.claims:
                if cid in seen:
                    raise KeyFault(["groups", i, "claims"],
                                   f"'{cid}' is already in group '{seen[cid]}'")
                seen[cid] = group.subject
                declared = ids[cid].subject
                if declared is not None and declared != group.subject:
                    raise KeyFault(["groups", i, "claims"],
                                   f"'{cid}' has subject '{declared}', not '{group.subject}'")


def _known(claims: list[str], ids: dict[str, ClaimEntry], loc: list[int | str]) -> None:
    for cid in claims:
        if cid not in ids:
            raise KeyFault(loc, f"unknown claim id '{cid}'")

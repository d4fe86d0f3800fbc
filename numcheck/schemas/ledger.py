"""The review ledger (``.numcheck/reviews.yaml``) and the baseline (``.numcheck/baseline.yaml``).

Both are keyed by flag fingerprints (hex digits): a reviewer's decision, or a flag
accepted when the gate was adopted. Hand edits are welcome, so both are checked as
strictly as the rules: a misspelt decision must not quietly stop counting.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from numcheck.model import Verdict
from numcheck.schemas.base import KeyFault, Strict

DECISIONS = ("confirmed", "false-positive", "explained", "needs-source")
Decision = Literal["confirmed", "false-positive", "explained", "needs-source"]


def _hex(text: str) -> str:
    if not text or text.strip("0123456789abcdef"):
        raise ValueError(f"'{text}' is not a flag fingerprint (hex digits)")
    return text


Fingerprint = Annotated[str, AfterValidator(_hex)]


def _as_text(value: Any) -> Any:
    """An unquoted YAML date is a date; the ledger keeps it as the text a person wrote."""
    return value.isoformat() if isinstance(value, date) else value


def _iso(text: str) -> str:
    try:
        date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a YYYY-MM-DD date") from None
    return text


def _no_flags(value: Any) -> Any:
    """``flags:`` left empty holds nothing (YAML reads it as null); so does ``reviews:``."""
    return [] if value is None else value


def _no_reviews(value: Any) -> Any:
    return {} if value is None else value


class Review(Strict):
    """One decision; the date stays text so the file round-trips byte for byte."""

    decision: Decision
    reviewer: str = ""
    date: Annotated[str, BeforeValidator(_as_text), AfterValidator(_iso)]
    note: str | None = None

    @model_validator(mode="after")
    def _explained(self) -> Review:
        if self.decision == "explained" and not (self.note and self.note.strip()):
            raise KeyFault(["note"], "a decision of 'explained' needs a note saying why")
        return self


class LedgerFile(Strict):
    reviews: Annotated[dict[Fingerprint, Review], BeforeValidator(_no_reviews)] = Field(
        default_factory=dict
    )


class Accepted(Strict):
    """A baseline entry: the fingerprint counts; subject and verdict are for the reader."""

    fingerprint: Fingerprint
    verdict: Annotated[Verdict, Field(strict=False)] | None = None
    subject: str | None = None


class BaselineFile(Strict):
    flags: Annotated[list[Accepted], BeforeValidator(_no_flags)] = Field(default_factory=list)

"""The claims table: one row per claim, nullable dtypes, the contract other tools read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, cast

from numcheck.model import Claim, Period
from numcheck.optional import require

if TYPE_CHECKING:  # pandas is the optional ``frames`` extra: only building a frame loads it
    import pandas as pd

# Column order of the public table; ``subject`` is filled once claims are grouped,
# ``story`` (the id of the claim's story) once documents are sorted into stories.
COLUMNS: tuple[str, ...] = (
    "id",
    "doc",
    "start",
    "end",
    "surface",
    "value",
    "low",
    "high",
    "low_open",
    "high_open",
    "hedge",
    "hedge_text",
    "kind",
    "unit",
    "garbled",
    "garble_reason",
    "candidate",
    "counted",
    "attribution",
    "time_scope",
    "period",
    "sentence",
    "sentence_start",
    "lang",
    "published",
    "outlet",
    "line",
    "col",
    "found_by",
    "subject",
    "story",
    "direction",
)
DTYPES: Mapping[str, str] = {
    "id": "string",
    "doc": "string",
    "start": "Int64",
    "end": "Int64",
    "surface": "string",
    "value": "Float64",
    "low": "Float64",
    "high": "Float64",
    "low_open": "boolean",
    "high_open": "boolean",
    "hedge": "string",
    "hedge_text": "string",
    "kind": "string",
    "unit": "string",
    "garbled": "boolean",
    "garble_reason": "string",
    "candidate": "Float64",
    "counted": "string",
    "attribution": "string",
    "time_scope": "string",
    "period": "string",
    "sentence": "string",
    "sentence_start": "Int64",
    "lang": "string",
    "published": "string",
    "outlet": "string",
    "line": "Int64",
    "col": "Int64",
    "found_by": "string",
    "subject": "string",
    "story": "string",
    "direction": "string",
}
_CLAIM_FIELDS = {f.name for f in fields(Claim)}
# How a cell of a flat table (CSV, a frame, Parquet, the terminal) joins ``found_by``.
ID_SEPARATOR = " + "


def ids_cell(ids: tuple[str, ...]) -> str:
    """``found_by`` in one cell; JSON keeps it a list."""
    return ID_SEPARATOR.join(ids)


def claim_record(
    claim: Claim, subject: str | None = None, *, flat: bool = False
) -> dict[str, object]:
    """A claim as plain JSON-ready values, in table column order; ``flat``: one scalar
    per cell (``found_by`` joined), for tables."""
    row: dict[str, object] = {}
    for column in COLUMNS:
        if column == "subject":
            row[column] = subject
            continue
        value = getattr(claim, column) if column in _CLAIM_FIELDS else None
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Period):
            value = str(value)
        elif isinstance(value, Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = ids_cell(value) if flat else list(value)
        row[column] = value
    return row


def frame(claims: Iterable[Claim], subject_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The claims as a DataFrame; needs the ``frames`` extra (pandas)."""
    pandas = require("pandas", "the claims frame")
    subject_of = subject_of or {}
    rows = [claim_record(c, subject_of.get(c.id), flat=True) for c in claims]
    df = pandas.DataFrame(rows, columns=list(COLUMNS))
    return cast("pd.DataFrame", df.astype(dict(DTYPES)))

"""The claims table (``numcheck extract``) as a terminal table, CSV, JSON or Parquet."""

from __future__ import annotations

import io
import json
from typing import Any

from tabulate import tabulate

from numcheck.model import Report
from numcheck.optional import require
from numcheck.render.csv_cells import csv_text
from numcheck.render.registry import renderer
from numcheck.table import COLUMNS, claim_record, frame, ids_cell
from numcheck.wording import interval_text

OTHER_COLUMNS = ("doc", "start", "end", "line", "col", "surface", "reason", "found_by")


def _rows(report: Report, others: bool, *, flat: bool = False) -> list[dict[str, Any]]:
    if others:
        return [
            {k: getattr(o, k) for k in OTHER_COLUMNS}
            | {"found_by": ids_cell(o.found_by) if flat else list(o.found_by)}
            for o in report.others
        ]
    subject_of = report.comparison.subject_of
    return [claim_record(c, subject_of.get(c.id), flat=flat) for c in report.claims]


@renderer("claims", "json")
def as_json(report: Report, *, others: bool = False) -> str:
    return json.dumps(_rows(report, others), ensure_ascii=False, indent=2) + "\n"


@renderer("claims", "csv")
def as_csv(report: Report, *, others: bool = False) -> str:
    """Written with the standard library: a CSV needs no DataFrame."""
    rows = _rows(report, others, flat=True)
    header = list(rows[0]) if rows else list(OTHER_COLUMNS if others else COLUMNS)
    return csv_text(header, ([row[k] for k in header] for row in rows))


@renderer("claims", "parquet")
def as_parquet(report: Report, *, others: bool = False) -> bytes:
    pandas = require("pandas", "--format parquet")
    require("pyarrow", "--format parquet")
    df = (
        pandas.DataFrame(_rows(report, True, flat=True))
        if others
        else frame(report.claims, report.comparison.subject_of)
    )
    buffer = io.BytesIO()
    df.to_parquet(buffer, index=False)
    return buffer.getvalue()


@renderer("claims", "table")
def as_table(report: Report, *, others: bool = False) -> str:
    if others:
        rows = [
            [o.doc, f"{o.line}:{o.col}", o.surface, o.reason, ids_cell(o.found_by)]
            for o in report.others
        ]
        return tabulate(rows, headers=["doc", "at", "number", "why not a claim", "found by"]) + "\n"
    rows = []
    for c in report.claims:
        lang = c.lang
        figure = (
            "garbled" + (f" (guess {c.candidate:g})" if c.candidate else "")
            if c.garbled
            else (interval_text(c.low, c.high, c.low_open, c.high_open, lang))
        )
        rows.append(
            [
                c.doc,
                f"{c.line}:{c.col}",
                c.surface,
                figure,
                c.hedge.value,
                c.kind.value,
                c.counted or "",
                c.attribution or "",
                c.time_scope or "",
            ]
        )
    return (
        tabulate(
            rows,
            headers=[
                "doc",
                "at",
                "figure",
                "interval",
                "hedge",
                "kind",
                "counts",
                "who says",
                "when",
            ],
        )
        + "\n"
    )

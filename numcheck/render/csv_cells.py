"""CSV cells that a spreadsheet cannot run.

Article text is written by strangers and a CSV export is opened in Excel or
LibreOffice, where a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read as a formula (OWASP, "CSV Injection"). Following OWASP's advice, such
text cells get a leading single quote, which spreadsheets show as text; numeric
columns are left as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TypeVar

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = TypeVar("Cell")


def neutralise(cell: Cell) -> Cell | str:
    """A text cell a spreadsheet would take for a formula, quoted; anything else as is."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A CSV document, ``None`` as an empty cell, every text cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise("" if cell is None else cell) for cell in row])
    return out.getvalue()

"""CSV cells that a spreadsheet cannot run.

Article text is written by strangers and a CSV export is opened in Excel or
LibreOffice, where a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read as a formula (OWASP, "CSV Injection"). Following OWASP's advice, such
text cells get a leading single quote, which spreadsheets show as text; numeric
columns are left as numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = TypeVar("Cell")


def neutralise(cell: Cell) -> Cell | str:
    """A text cell a spreadsheet would take for a formula, quoted; anything else as is."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with its text columns neutralised, dtypes kept."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    out = df.copy()
    for column in out.columns:
        series = out[column]
        if is_string_dtype(series.dtype) or is_object_dtype(series.dtype):
            out[column] = series.map(neutralise, na_action="ignore").astype(series.dtype)
    return out

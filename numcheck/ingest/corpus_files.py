"""Corpus files: JSONL, CSV, TSV or Parquet exports holding one article per row.

Newsrooms and archives hand over articles as exports, not as folders of ``.txt``
files. Each row becomes its own document named ``<file>#<id>`` (or ``#<row>`` when
there is no id), so claims point back at the row. Rows are read one at a time: a
1 GB export never sits in memory, and a bad row is one problem naming the file and
the row while the other rows are still read.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from numcheck.errors import ConfigError, NumcheckError
from numcheck.ingest.metadata import Source, source_from
from numcheck.model import Problem
from numcheck.optional import require

CORPUS_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv",
                   ".parquet": "parquet"}
FIELDS = ("id", "text", "url", "title", "published", "outlet", "lang")
_PARQUET_BATCH = 256

# Articles are longer than the csv module's default field limit (128 KiB).
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class Columns:
    """Which column holds each field (``text=body,id=sent_id``); unnamed fields keep their name."""

    names: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, specs: Iterable[str]) -> Columns:
        names: dict[str, str] = {}
        for spec in specs:
            for item in filter(None, (s.strip() for s in spec.split(","))):
                key, sep, column = item.partition("=")
                key, column = key.strip(), column.strip()
                if not sep or not column:
                    raise ConfigError("--columns", f"'{item}' is not FIELD=COLUMN")
                if key not in FIELDS:
                    raise ConfigError("--columns", f"unknown field '{key}' "
                                      f"(one of: {', '.join(FIELDS)})")
                names[key] = column
        return cls(names)

    def column(self, key: str) -> str:
        return self.names.get(key, key)

    def pick(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """The row's values under numcheck's field names (``language`` counts as ``lang``)."""
        out = {key: row.get(self.column(key)) for key in FIELDS}
        if out["lang"] is None and "lang" not in self.names:
            out["lang"] = row.get("language")
        return out


@dataclass(frozen=True)
class Row:
    """One article of a corpus file, before language detection."""

    name: str  # <file>#<id or row number>
    text: str
    source: Source


class NotACorpus(ValueError):
    """The file as a whole cannot be read as a corpus (no text column, not Parquet…)."""


@dataclass
class Position:
    """Bytes of the input consumed so far, for a progress bar with a total."""

    done: int = 0


def corpus_format(path: Path) -> str | None:
    return CORPUS_SUFFIXES.get(path.suffix.lower())


def looks_like_jsonl(first_line: bytes, columns: Columns) -> bool:
    """A stream whose first line is a JSON object with a text field is a JSONL corpus."""
    if not first_line.lstrip().startswith(b"{"):
        return False
    try:
        record = json.loads(first_line)
    except ValueError:
        return False
    return isinstance(record, dict) and columns.column("text") in record


def read_rows(
    handle: IO[bytes],
    fmt: str,
    name: str,
    where: str,
    columns: Columns,
    problems: list[Problem],
    position: Position | None = None,
) -> Iterator[Row]:
    """The rows of one corpus file (``name`` prefixes document names, ``where`` is for
    messages); ``position`` follows the bytes read, for a progress bar."""
    position = position or Position()
    if fmt == "parquet":
        records = _parquet(handle, columns, position)
    elif fmt == "jsonl":
        records = _jsonl(handle, position)
    else:
        records = _delimited(handle, "\t" if fmt == "tsv" else ",", columns, position)
    return _rows(records, name, where, columns, problems)


def jsonl_rows(
    lines: Iterable[bytes],
    name: str,
    columns: Columns,
    problems: list[Problem],
    position: Position | None = None,
) -> Iterator[Row]:
    """The rows of a JSONL stream (stdin), line by line."""
    return _rows(_jsonl(lines, position or Position()), name, name, columns, problems)


def _rows(
    records: Records,
    name: str,
    where: str,
    columns: Columns,
    problems: list[Problem],
) -> Iterator[Row]:
    seen: dict[str, int] = {}
    try:
        for number, record in records:
            row = _row(number, record, name, where, columns, seen, problems)
            if row is not None:
                yield row
    except NotACorpus as err:
        problems.append(Problem(where, f"{err}; skipped"))
    except (OSError, UnicodeDecodeError, csv.Error, ValueError) as err:
        problems.append(Problem(where, f"cannot read the rest of the file: {err}"))


def _row(
    number: int,
    record: Mapping[str, Any] | str,
    name: str,
    where: str,
    columns: Columns,
    seen: dict[str, int],
    problems: list[Problem],
) -> Row | None:
    at = f"row {number}"
    if isinstance(record, str):
        problems.append(Problem(where, f"{at}: {record}; skipped"))
        return None
    values = columns.pick(record)
    text = values["text"]
    if not isinstance(text, str) or not text.strip():
        why = "no text" if text is None or text == "" else "text is not a string" \
            if not isinstance(text, str) else "empty text"
        problems.append(Problem(where, f"{at}: {why} (column '{columns.column('text')}'); "
                                "skipped"))
        return None
    ident = values["id"]
    key = str(ident).strip() if ident is not None and str(ident).strip() else str(number)
    if key in seen:
        problems.append(Problem(where, f"{at}: id '{key}' already used by row {seen[key]}; "
                                "skipped"))
        return None
    seen[key] = number
    source = source_from(values, f"{where}: {at}", problems)
    return Row(f"{name}#{key}", text, source)


Records = Iterator[tuple[int, Mapping[str, Any] | str]]


def _jsonl(handle: Iterable[bytes], position: Position) -> Records:
    for number, line in enumerate(handle, 1):
        position.done += len(line)
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, UnicodeDecodeError) as err:
            yield number, f"not valid JSON ({err})"
            continue
        yield number, record if isinstance(record, dict) else "not a JSON object"


def _delimited(
    handle: IO[bytes], delimiter: str, columns: Columns, position: Position
) -> Records:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text, delimiter=delimiter)
    header = list(reader.fieldnames or [])
    _require_text(header, columns)
    for number, record in enumerate(reader, 1):
        position.done = _tell(handle, position.done)
        if None in record:  # more cells than the header has
            yield number, f"{len(header) + len(record[None])} cells, the header has {len(header)}"
            continue
        yield number, record


def _parquet(
    handle: IO[bytes], columns: Columns, position: Position
) -> Records:
    try:
        pq = require("pyarrow.parquet", "reading Parquet")
    except NumcheckError as err:  # one bad input, not a stop: the other files are read
        raise NotACorpus(str(err)) from None
    try:
        parquet = pq.ParquetFile(handle)
    except (OSError, ValueError) as err:
        raise NotACorpus(f"not a Parquet file ({err})") from None
    _require_text(parquet.schema_arrow.names, columns)
    size = max(1, parquet.metadata.num_rows)
    total = _tell_end(handle)
    number = 0
    for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH):
        for record in batch.to_pylist():
            number += 1
            yield number, record
        position.done = total * number // size


def _require_text(header: list[str], columns: Columns) -> None:
    if columns.column("text") not in header:
        raise NotACorpus(f"no '{columns.column('text')}' column (columns: {', '.join(header)}; "
                         "name it with --columns text=COLUMN)")


def _tell(handle: IO[bytes], fallback: int) -> int:
    try:
        return handle.tell()
    except (OSError, ValueError):
        return fallback


def _tell_end(handle: IO[bytes]) -> int:
    try:
        here = handle.tell()
        end = handle.seek(0, io.SEEK_END)
        handle.seek(here)
        return end
    except (OSError, ValueError):
        return 0

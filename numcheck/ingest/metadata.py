"""Optional article metadata: ``sources.csv`` beside the files, or a row's own columns.

numcheck works with no metadata at all; with it, the period of a claim and the
source's name in reports come from here. Every input (``sources.csv``, corpus-file
rows, page metadata, stdin options) speaks the same columns, so ``Source`` is the one
record they all fill.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from numcheck.model import Problem

SOURCES_FILE = "sources.csv"
# ``language`` and ``lang`` are the same column (older sources.csv files say ``language``).
COLUMNS = ("file", "outlet", "published", "language", "lang", "url", "title")
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")


@dataclass(frozen=True)
class Source:
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    url: str | None = None
    title: str | None = None

    def over(self, fallback: Source) -> Source:
        """This source's values, with ``fallback``'s where this one says nothing."""
        return Source(**{
            f.name: getattr(self, f.name) if getattr(self, f.name) is not None
            else getattr(fallback, f.name)
            for f in fields(Source)
        })


def parse_published(value: str) -> date:
    """``YYYY-MM-DD``, also the day of an ISO timestamp (``2022-02-12T08:30:00+01:00``)."""
    found = _ISO_DAY.match(value.strip())
    if found is None:
        raise ValueError(value)
    return date.fromisoformat(found.group(1))


def source_from(row: Mapping[str, object], where: str, problems: list[Problem]) -> Source:
    """A ``Source`` from one row's metadata columns; a bad date is a problem, not a stop."""

    def text(key: str) -> str | None:
        value = row.get(key)
        return str(value).strip() or None if value is not None else None

    published = None
    stamp = text("published")
    if stamp:
        try:
            published = parse_published(stamp)
        except ValueError:
            problems.append(Problem(where, f"published '{stamp}' is not YYYY-MM-DD", fatal=False))
    return Source(
        outlet=text("outlet"),
        published=published,
        language=text("lang") or text("language"),
        url=text("url"),
        title=text("title"),
    )


def read_sources(path: Path, problems: list[Problem]) -> dict[str, Source]:
    """Rows keyed by file name; a bad row is a problem naming the file and line."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            unknown = set(reader.fieldnames or ()) - set(COLUMNS)
            if "file" not in (reader.fieldnames or ()) or unknown:
                why = f"unknown columns {sorted(unknown)}" if unknown else "no 'file' column"
                problems.append(Problem(str(path), f"{why} (expected: {', '.join(COLUMNS)})"))
                return {}
            out: dict[str, Source] = {}
            for row in reader:
                where = f"{path}: line {reader.line_num}"
                out[row["file"]] = source_from(row, where, problems)
            return out
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        problems.append(Problem(str(path), f"cannot read sources: {err}"))
        return {}

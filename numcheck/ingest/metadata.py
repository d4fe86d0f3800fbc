"""Optional article metadata from ``sources.csv`` (file, outlet, published, language).

numcheck works with no metadata at all; with it, the period of a claim and the
source's name in reports come from here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from numcheck.model import Problem

SOURCES_FILE = "sources.csv"
COLUMNS = ("file", "outlet", "published", "language")


@dataclass(frozen=True)
class Source:
    outlet: str | None = None
    published: date | None = None
    language: str | None = None


def read_sources(path: Path, problems: list[Problem]) -> dict[str, Source]:
    """Rows keyed by file name; a bad row is a problem naming the file and line."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            unknown = set(reader.fieldnames or ()) - set(COLUMNS)
            if "file" not in (reader.fieldnames or ()) or unknown:
                why = f"unknown columns {sorted(unknown)}" if unknown else "no 'file' column"
                problems.append(Problem(str(path), f"{why} (expected: {', '.join(COLUMNS)})"))
                return {}
            out: dict[str, Source] = {}
            for row in reader:
                line = reader.line_num
                try:
                    stamp = row.get("published")
                    published = date.fromisoformat(stamp) if stamp else None
                except ValueError:
                    why = f"line {line}: published '{row['published']}' is not YYYY-MM-DD"
                    problems.append(Problem(str(path), why))
                    published = None
                out[row["file"]] = Source(
                    outlet=row.get("outlet") or None,
                    published=published,
                    language=row.get("language") or None,
                )
            return out
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        problems.append(Problem(str(path), f"cannot read sources: {err}"))
        return {}

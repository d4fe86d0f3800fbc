"""How far a run has got, for whoever shows it (the CLI's bar, a log line, a service).

The library never prints: ingest and the pipeline update one ``Meter`` and call the
``Progress`` callback they were given with it. Totals are known up front for files
(documents for a list of articles, bytes when corpus files hold many articles each)
and unknown for a stream on stdin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Meter:
    stage: str = "reading"  # reading, extracting, comparing, rendering…
    documents: int = 0  # documents extracted so far
    documents_total: int | None = None  # known when every input is one article
    bytes_read: int = 0
    bytes_total: int | None = None  # known when every input is a file

    @property
    def by_bytes(self) -> bool:
        """Count bytes when documents cannot be counted ahead (corpus files, streams)."""
        return self.documents_total is None


Progress = Callable[[Meter], None]

"""A cache of Extraction records, so a CI run re-reads only the articles that changed.

Extraction is a pure function of the document (text and metadata) and the rules
(files and settings), so the key hashes exactly those plus the numcheck version:
any change to an article, its sources.csv row, a rules file, a tolerance or numcheck
itself gives a new key, and a stale entry can never be returned. Entries are written
atomically (temporary file, then rename), so an interrupted run leaves no half entry;
an unreadable entry is treated as a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from pathlib import Path

from numcheck.extract import extract_document
from numcheck.model import Document, Extraction
from numcheck.rulebook import Rulebook

FORMAT = 2  # bump when the stored layout changes


def rules_digest(rules: Rulebook) -> str:
    """Every file under every rules folder (path and bytes), plus the settings in force."""
    from numcheck import __version__

    h = hashlib.sha256(f"numcheck {__version__} cache {FORMAT}\n".encode())
    for folder in rules.folders:
        base = Path(folder)
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            h.update(path.relative_to(base).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    h.update(repr(dataclasses.astuple(rules.settings)).encode())
    return h.hexdigest()


def document_key(document: Document, rules_key: str) -> str:
    h = hashlib.sha256(rules_key.encode())
    for name in ("name", "path", "lang", "published", "outlet", "encoding", "url", "title"):
        h.update(f"{name}={getattr(document, name)!s}\0".encode())
    h.update(document.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class ExtractionCache:
    """Extraction records stored one file per key under ``folder``; ``None`` disables it."""

    def __init__(self, folder: Path | None, rules: Rulebook) -> None:
        self.folder = folder
        self.rules = rules
        self.rules_key = rules_digest(rules) if folder is not None else ""
        self.hits = 0
        self.misses = 0

    def extract(self, document: Document) -> Extraction:
        if self.folder is None:
            self.misses += 1
            return extract_document(document, self.rules)
        key = document_key(document, self.rules_key)
        path = self.folder / key[:2] / f"{key}.pickle"
        found = self._read(path)
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        extraction = extract_document(document, self.rules)
        self._write(path, extraction)
        return extraction

    @staticmethod
    def _read(path: Path) -> Extraction | None:
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return value if isinstance(value, Extraction) else None

    def _write(self, path: Path, extraction: Extraction) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(extraction, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            gitignore = self.folder / ".gitignore" if self.folder else None
            if gitignore is not None and not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")
        except OSError:
            pass  # a read-only checkout still works, only slower

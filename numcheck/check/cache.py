"""A cache of Extraction records, so a CI run re-reads only the articles that changed.

Extraction is a pure function of the document (text and metadata) and the rules
(files and settings), so the key hashes exactly those plus the numcheck version:
any change to an article, its sources.csv row, a rules file, a tolerance or numcheck
itself gives a new key, and a stale entry can never be returned.

The cache folder is shared state (CI restores it from a cache any branch can write),
so an entry is data, never code: plain JSON, checked field by field on read against
the document it claims to describe (its key, a digest of its records, every span
equal to the text it points at, every digit run of the text accounted for). An entry
that fails any check is a miss and is recomputed: a corrupt or crafted entry can
cost time, never execute anything, and never pass an article off as having no
figures. Entries are written atomically; a read-only folder only makes runs slower.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import types
import typing
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from numcheck.atomicfile import write_atomic
from numcheck.errors import NumcheckError
from numcheck.model import (
    Claim,
    Document,
    Extraction,
    OtherMention,
    Period,
    Problem,
    claim_id,
)
from numcheck.pipeline import extract_isolated
from numcheck.rulebook import Rulebook

FORMAT = 6  # bump when the stored layout changes (1 and 2 were pickle, 3 a found_by string,
#            4 without Claim.direction, 5 without Claim.precision)
_DIGITS = re.compile(r"[0-9]+")
Record = TypeVar("Record", Claim, OtherMention)


def rules_digest(rules: Rulebook) -> str:
    """Every file under every rules folder (path and bytes), plus the settings in force."""
    from numcheck import __version__

    h = hashlib.sha256(f"numcheck {__version__} cache {FORMAT}\n".encode())
    for folder in rules.folders:
        base = Path(folder)
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            h.update(path.relative_to(base).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    h.update(repr(tuple(rules.settings.model_dump().values())).encode())
    return h.hexdigest()


def document_key(document: Document, rules_key: str) -> str:
    """Not the path: extraction never reads it, and a folder spelled another way (or
    reached through a link) must find its entries."""
    h = hashlib.sha256(rules_key.encode())
    for name in ("name", "lang", "published", "outlet", "encoding", "url", "title"):
        h.update(f"{name}={getattr(document, name)!s}\0".encode())
    h.update(document.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class ExtractionCache:
    """Extraction records stored one JSON file per key under ``folder``; ``None`` disables it."""

    def __init__(self, folder: Path | None, rules: Rulebook) -> None:
        self.folder = folder
        self.rules = rules
        self.rules_key = rules_digest(rules) if folder is not None else ""
        self.hits = 0
        self.misses = 0

    def key(self, document: Document) -> str:
        """The entry key of ``document``: what its extraction depends on, hashed."""
        return document_key(document, self.rules_key)

    def extract(self, document: Document) -> Extraction | Problem:
        """The document's extraction (from the cache when a valid entry exists), or the
        ``Problem`` saying its extraction crashed."""
        if self.folder is None:
            self.misses += 1
            return extract_isolated(document, self.rules)
        key = document_key(document, self.rules_key)
        path = self.folder / key[:2] / f"{key}.json"
        found = read_entry(path, key, document)
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        extraction = extract_isolated(document, self.rules)
        if isinstance(extraction, Extraction) and _accounts_for_digits(extraction):
            self._write(path, key, extraction)
        return extraction

    def _write(self, path: Path, key: str, extraction: Extraction) -> None:
        try:
            write_atomic(path, entry_text(key, extraction), make_parents=True)
            gitignore = self.folder / ".gitignore" if self.folder else None
            if gitignore is not None and not gitignore.exists():
                write_atomic(gitignore, "*\n")
        except NumcheckError:
            pass  # a read-only checkout still works, only slower


def entry_text(key: str, extraction: Extraction) -> str:
    records = _records(extraction.claims, extraction.others)
    entry = {"format": FORMAT, "key": key, "digest": records_digest(records), **records}
    return json.dumps(entry, ensure_ascii=False, sort_keys=True)


def read_entry(path: Path, key: str, document: Document) -> Extraction | None:
    """The stored extraction if the entry is intact and describes ``document``; else None."""
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or set(entry) != {"format", "key", "digest", "claims", "others"}:
        return None
    if entry["format"] != FORMAT or entry["key"] != key:
        return None
    records = {"claims": entry["claims"], "others": entry["others"]}
    if entry["digest"] != records_digest(records):
        return None
    try:
        claims = tuple(_decode(Claim, raw) for raw in _as_list(entry["claims"]))
        others = tuple(_decode(OtherMention, raw) for raw in _as_list(entry["others"]))
    except (TypeError, ValueError, KeyError):
        return None
    extraction = Extraction(document, claims, others)
    if not _describes(extraction) or not _accounts_for_digits(extraction):
        return None
    return extraction


def _records(claims: tuple[Claim, ...], others: tuple[OtherMention, ...]) -> dict[str, Any]:
    return {"claims": [_encode(c) for c in claims], "others": [_encode(o) for o in others]}


def records_digest(records: Any) -> str:
    canonical = json.dumps(records, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _encode(record: Claim | OtherMention) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, Period):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out


def _as_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _decode(cls: type[Record], raw: Any) -> Record:
    """A record from its JSON fields, every field present and of its declared type."""
    hints = _fields_of(cls)
    if not isinstance(raw, dict) or set(raw) != set(hints):
        raise TypeError(f"{cls.__name__}: wrong fields")
    return cls(**{name: _value(hint, raw[name]) for name, hint in hints.items()})


_FIELDS: dict[type, dict[str, Any]] = {}


def _fields_of(cls: type) -> dict[str, Any]:
    if cls not in _FIELDS:
        _FIELDS[cls] = typing.get_type_hints(cls)
    return _FIELDS[cls]


def _value(hint: Any, value: Any) -> Any:
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    if value is None:
        if type(None) in options:
            return None
        raise TypeError("null where a value is required")
    if typing.get_origin(hint) is tuple and isinstance(value, list):  # found_by: str ids
        if not all(isinstance(v, str) for v in value):
            raise TypeError("expected a list of strings")
        return tuple(value)
    for option in options:
        if option is bool and isinstance(value, bool):
            return value
        if option is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if option is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if option is str and isinstance(value, str):
            return value
        if option is date and isinstance(value, str):
            return date.fromisoformat(value)
        if option is Period and isinstance(value, str):
            return Period.parse(value)
        if isinstance(option, type) and issubclass(option, Enum) and isinstance(value, str):
            return option(value)
    raise TypeError(f"unexpected {type(value).__name__}")


def _describes(extraction: Extraction) -> bool:
    """Every record belongs to this document and points at the text it quotes."""
    doc = extraction.document
    text = doc.text
    records: list[Claim | OtherMention] = [*extraction.claims, *extraction.others]
    for record in records:
        if record.doc != doc.name or not 0 <= record.start < record.end <= len(text):
            return False
        if text[record.start:record.end] != record.surface:
            return False
    return all(c.id == claim_id(c.doc, c.start, c.end, c.surface) for c in extraction.claims)


def _accounts_for_digits(extraction: Extraction) -> bool:
    """Every run of ASCII digits lies inside a claim or a listed non-claim: an entry that
    drops figures (an empty one, say) is not believed."""
    records: list[Claim | OtherMention] = [*extraction.claims, *extraction.others]
    spans = sorted((r.start, r.end) for r in records)
    covered: list[tuple[int, int]] = []
    for start, end in spans:
        if covered and start <= covered[-1][1]:
            covered[-1] = (covered[-1][0], max(covered[-1][1], end))
        else:
            covered.append((start, end))
    i = 0
    for match in _DIGITS.finditer(extraction.document.text):
        while i < len(covered) and covered[i][1] <= match.start():
            i += 1
        if i == len(covered) or not covered[i][0] <= match.start() < covered[i][1]:
            return False
    return True

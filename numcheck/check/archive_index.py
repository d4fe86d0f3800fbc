"""The archive index: what a check needs of an unchanged archive, kept between runs.

``check NEW --against ARCHIVE`` re-read, re-grouped and re-compared the whole archive
on every run. The archive's side of the work does not depend on the draft (new
articles join the stories the archive forms alone: ``numcheck.stories.tracking``),
so it is kept here, one file per archive and rules: for every file read, its
``stat`` signature, the SHA-256 of its bytes, the documents it gave (metadata, the
extraction-cache key, the headline) and the problems met reading it; each document's
hashed story features; the archive's stories and their tracking model; and, per
story, the fingerprints of its flags (for stale ledger entries).

A file whose ``stat`` (size, modification and change times, inode, device) is the
one recorded is taken as unchanged, unless it was modified within a second of being
recorded (a later write in the same clock tick could keep its times); any other file
is hashed, and re-read when its digest differs. Claims are not kept here: the
extraction cache holds them, and the stories a check needs are loaded from it and
checked against their texts as always.

The file is a NumPy ``.npz`` archive read with ``allow_pickle=False`` (data, never
code: the cache folder may come from a shared CI cache), checked on load (types,
shapes, ranges); any failure makes it a miss, and the check rebuilds it. It is
written atomically, so concurrent runs each see a whole index, the last one written.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from numcheck.atomicfile import write_atomic
from numcheck.errors import NumcheckError
from numcheck.model import Document, Problem, Story
from numcheck.stories.cluster import N_FEATURES
from numcheck.stories.tracking import Model

if TYPE_CHECKING:
    from numpy.typing import NDArray

FORMAT = 2
Row = tuple["NDArray[np.int32]", "NDArray[np.int32]"]
RACY_NS = 1_000_000_000  # a file modified this close to its recording is hashed again
_DOC_FIELDS = ("name", "path", "lang", "published", "outlet", "encoding", "url", "title")


@dataclass(frozen=True)
class Entry:
    """One archive document as the index knows it: no text, no claims."""

    document: Document  # text ""
    key: str  # its extraction-cache key
    title: str  # its headline, the story's title when it comes first
    crashed: Problem | None  # its extraction crashed: the problem that says so
    words: Row  # hashed feature counts: columns (ascending) and counts
    names: Row
    days: tuple[int, ...] = ()  # the days its figures are about (stories.event_days)


@dataclass(frozen=True)
class FileRecord:
    """An archive file: how to tell it is unchanged, and what reading it gave."""

    stat: tuple[int, ...]
    digest: str
    recorded_ns: int  # when its stat was taken (time.time_ns())
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]


@dataclass
class Index:
    """The whole index of one archive; ``changed`` says it must be written back."""

    context: str
    files: dict[str, FileRecord] = field(default_factory=dict)
    state: str = ""  # digest of the archive documents the model was built from
    model: Model | None = None
    fingerprints: dict[str, tuple[str, ...]] = field(default_factory=dict)
    changed: bool = False


def stat_signature(path: Path) -> tuple[int, ...]:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def unchanged(record: FileRecord, path: Path) -> bool:
    """The file holds what was recorded: same ``stat`` (and not racy), else same bytes."""
    try:
        now = stat_signature(path)
        if now == record.stat and record.recorded_ns - now[1] > RACY_NS:
            return True
        return file_digest(path) == record.digest
    except OSError:
        return False


def location(folder: Path, against: list[str]) -> Path:
    """One index per archive as given: files are recorded by their path as listed."""
    h = hashlib.sha256(f"archive index {FORMAT}\n".encode())
    for raw in against:
        h.update(os.path.abspath(raw).encode("utf-8", "surrogatepass") + b"\0")
    return folder / "archive" / f"{h.hexdigest()[:32]}.npz"


def load(path: Path, context: str) -> Index:
    """The index stored at ``path`` if it is intact and made in ``context``; else empty."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
        meta = json.loads(bytes(arrays.pop("meta")).decode("utf-8"))
        if meta.get("format") != FORMAT or meta.get("context") != context:
            return Index(context)
        return _decode(meta, arrays, context)
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            RecursionError, zipfile.BadZipFile, EOFError):
        return Index(context)


def save(path: Path, index: Index) -> None:
    """Written atomically; a read-only cache folder only makes the next run slower."""
    entries = [e for r in index.files.values() for e in r.entries]
    arrays: dict[str, NDArray[Any]] = {}
    for part in ("words", "names"):
        cols, counts, ptr = flat([getattr(e, part) for e in entries])
        arrays |= {f"{part}_cols": cols, f"{part}_counts": counts, f"{part}_ptr": ptr}
    meta: dict[str, Any] = {
        "format": FORMAT, "context": index.context, "state": index.state,
        "files": {key: _record_json(r) for key, r in index.files.items()},
        "fingerprints": {k: list(v) for k, v in index.fingerprints.items()},
    }
    if index.model is not None:
        m = index.model
        meta["model"] = {"stories": [_story_json(s) for s in m.stories], "size": m.size}
        arrays |= {"m_data": m.data, "m_indices": m.indices, "m_indptr": m.indptr,
                   "m_days": m.days, "m_story": m.story,
                   "df_words": _pairs(m.df_words), "df_names": _pairs(m.df_names)}
    arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), np.uint8)
    buffer = io.BytesIO()
    np.savez(buffer, allow_pickle=False, **arrays)
    with contextlib.suppress(NumcheckError):
        write_atomic(path, buffer.getvalue(), make_parents=True)


# ------------------------------------------------------------------ encoding


def row(counts: dict[int, int]) -> Row:
    """A feature row from column → count, columns ascending (scikit-learn's order)."""
    cols = np.array(sorted(counts), dtype=np.int32)
    return cols, np.array([counts[c] for c in cols.tolist()], dtype=np.int32)


def flat(rows: list[Row]) -> tuple[NDArray[np.int32], NDArray[np.int32], NDArray[np.int64]]:
    ptr = np.zeros(len(rows) + 1, dtype=np.int64)
    if rows:
        ptr[1:] = np.cumsum([len(r[0]) for r in rows])
    empty = np.zeros(0, dtype=np.int32)
    cols = np.concatenate([r[0] for r in rows]) if rows else empty
    counts = np.concatenate([r[1] for r in rows]) if rows else empty
    return cols.astype(np.int32), counts.astype(np.int32), ptr


def _pairs(df: dict[int, int]) -> NDArray[np.int64]:
    return np.array([list(df.keys()), list(df.values())], dtype=np.int64).reshape(2, len(df))


def _record_json(record: FileRecord) -> dict[str, Any]:
    return {
        "stat": list(record.stat), "digest": record.digest, "recorded_ns": record.recorded_ns,
        "problems": [[p.path, p.message, p.fatal] for p in record.problems],
        "entries": [{
            "document": {name: _plain(getattr(e.document, name)) for name in _DOC_FIELDS},
            "key": e.key, "title": e.title, "days": list(e.days),
            "crashed": None if e.crashed is None else [e.crashed.path, e.crashed.message,
                                                       e.crashed.fatal],
        } for e in record.entries],
    }


def _story_json(story: Story) -> dict[str, Any]:
    return {"id": story.id, "title": story.title, "documents": list(story.documents),
            "first": _plain(story.first), "last": _plain(story.last)}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# ------------------------------------------------------------------ decoding (checked)


def _decode(meta: dict[str, Any], arrays: dict[str, NDArray[Any]], context: str) -> Index:
    rows = {part: _rows(arrays, part) for part in ("words", "names")}
    files: dict[str, FileRecord] = {}
    at = 0
    for key, raw in _dict(meta["files"]).items():
        entries = []
        for e in _list(raw["entries"]):
            if at >= len(rows["words"]):
                raise ValueError("more entries than feature rows")
            entries.append(Entry(_document(_dict(e["document"])), _str(e["key"]),
                                 _str(e["title"]), _problem(e["crashed"]),
                                 rows["words"][at], rows["names"][at],
                                 tuple(_int(d) for d in _list(e["days"]))))
            at += 1
        stat = tuple(_int(v) for v in _list(raw["stat"]))
        if len(stat) != 5:
            raise ValueError("stat")
        problems = tuple(_problem(p) or _never() for p in _list(raw["problems"]))
        files[_str(key)] = FileRecord(stat, _str(raw["digest"]), _int(raw["recorded_ns"]),
                                      tuple(entries), problems)
    if at != len(rows["words"]):
        raise ValueError("feature rows without entries")
    fingerprints = {_str(k): tuple(_str(f) for f in _list(v))
                    for k, v in _dict(meta["fingerprints"]).items()}
    model = _model(_dict(meta["model"]), arrays) if "model" in meta else None
    return Index(context, files, _str(meta["state"]), model, fingerprints)


def _rows(arrays: dict[str, NDArray[Any]], part: str) -> list[Row]:
    cols, counts, ptr = (arrays[f"{part}_{n}"] for n in ("cols", "counts", "ptr"))
    _check_csr(cols, ptr, N_FEATURES)
    if counts.shape != cols.shape or counts.dtype != np.int32 or cols.dtype != np.int32 \
            or (counts.size and counts.min() < 1):
        raise ValueError(f"{part} counts")
    p = ptr.tolist()
    return [(cols[p[i]:p[i + 1]], counts[p[i]:p[i + 1]]) for i in range(len(p) - 1)]


def _model(meta: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> Model:
    stories = tuple(_story(_dict(s)) for s in _list(meta["stories"]))
    data, indices, indptr = arrays["m_data"], arrays["m_indices"], arrays["m_indptr"]
    days, story = arrays["m_days"], arrays["m_story"]
    _check_csr(indices, indptr, 2 * N_FEATURES)
    rows = len(indptr) - 1
    if data.dtype != np.float64 or data.shape != indices.shape or not np.isfinite(data).all():
        raise ValueError("model data")
    if days.dtype != np.float64 or story.dtype != np.int32 or days.shape != (rows,) \
            or story.shape != (rows,):
        raise ValueError("model rows")
    if rows and (np.any(np.diff(days) < 0) or story.min() < 0 or story.max() >= len(stories)):
        raise ValueError("model order")
    return Model(data, indices.astype(np.int32), indptr.astype(np.int64), days, story, stories,
                 _df(arrays["df_words"]), _df(arrays["df_names"]), _int(meta["size"]))


def _check_csr(indices: NDArray[Any], indptr: NDArray[Any], width: int) -> None:
    if indices.ndim != 1 or indptr.ndim != 1 or len(indptr) < 1:
        raise ValueError("sparse rows")
    if not np.issubdtype(indices.dtype, np.integer) or not np.issubdtype(indptr.dtype,
                                                                         np.integer):
        raise ValueError("sparse types")
    if indptr[0] != 0 or indptr[-1] != len(indices) or np.any(np.diff(indptr) < 0):
        raise ValueError("sparse pointers")
    if indices.size and (indices.min() < 0 or indices.max() >= width):
        raise ValueError("sparse columns")


def _df(pairs: NDArray[Any]) -> dict[int, int]:
    if pairs.ndim != 2 or pairs.shape[0] != 2 or not np.issubdtype(pairs.dtype, np.integer):
        raise ValueError("document frequencies")
    return dict(zip(pairs[0].tolist(), pairs[1].tolist(), strict=True))


def _document(raw: dict[str, Any]) -> Document:
    if set(raw) != set(_DOC_FIELDS):
        raise ValueError("document fields")
    values = {name: raw[name] for name in _DOC_FIELDS}
    for name in ("outlet", "url", "title"):
        _optional_str(values[name])
    values["published"] = _date(values["published"])
    for name in ("name", "path", "lang", "encoding"):
        _str(values[name])
    return Document(text="", **values)


def _story(raw: dict[str, Any]) -> Story:
    return Story(_str(raw["id"]), _str(raw["title"]),
                 tuple(_str(d) for d in _list(raw["documents"])),
                 _date(raw["first"]), _date(raw["last"]))


def _problem(raw: Any) -> Problem | None:
    if raw is None:
        return None
    path, message, fatal = _list(raw)
    if not isinstance(fatal, bool):
        raise TypeError("fatal")
    return Problem(_str(path), _str(message), fatal)


def _never() -> Problem:
    raise TypeError("null problem")


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(_str(value))


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("expected an object")
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("expected an integer")
    return value



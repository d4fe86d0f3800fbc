"""The archive index: what a check needs of an unchanged archive, kept between runs.

``check NEW --against ARCHIVE`` used to re-read, re-group and re-compare the whole
archive on every run. The archive's side of the work does not depend on the draft
(new articles join the stories the archive forms alone: ``numcheck.stories.tracking``),
so it is kept here, one file per archive: for every file read, its ``stat``
signature, the SHA-256 of its bytes, the documents it gave (metadata, the
extraction-cache key, the headline) and the problems met reading it; each document's
hashed story features; the archive's stories and their tracking model; and, per
story, the fingerprints of its flags (for stale ledger entries).

**Column-wise and lazy.** Everything is a column: one array per field, strings as one
UTF-8 block and their offsets. A warm check of an unchanged archive reads the file
keys, ``stat`` signatures and document names (to tell nothing changed and to find
the files of the story a draft joins), the stories and the model; it never decodes a
document's metadata, its features or its problems unless that file changed or is
read. That is what keeps a 10 000-article check from building 10 000 records.

**Spelling.** Files are keyed by the real path of the folder (or file) given plus
their path inside it, and the index's own name hashes the real paths given, so
``archive``, ``./archive``, ``/abs/archive`` and a link to it share one index. A
document's ``path`` (the spelling given) and the problems' paths are not stored:
they are the current spelling's.

**Changes.** A file whose ``stat`` (size, modification and change times, inode,
device) is the one recorded is taken as unchanged, unless it was modified within a
second of being recorded (a later write in the same clock tick could keep its
times); any other file is hashed, and re-read when its digest differs. Added and
removed files change the listing, and the index is rewritten from what the listing
holds now. Claims are not kept here: the extraction cache holds them.

**Safety.** The file is a NumPy ``.npz`` archive read with ``allow_pickle=False``
(data, never code: the cache folder may come from a shared CI cache); every column
is checked (types, shapes, ranges, offsets) when it is used, and any failure makes
the whole index a miss (``Damaged``): the check then runs without it and rewrites it.
It is written atomically, so concurrent runs each see a whole index, the last one
written. Index files of other formats left in the folder are deleted when one is
written.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from numcheck.atomicfile import write_atomic
from numcheck.errors import NumcheckError
from numcheck.model import Document, Problem, Story
from numcheck.stories.cluster import N_FEATURES
from numcheck.stories.tracking import Model

if TYPE_CHECKING:
    from numpy.typing import NDArray

FORMAT = 3  # 1 and 2: one JSON record per file, keyed by the path as listed
PREFIX = f"v{FORMAT}-"
Row = tuple["NDArray[np.int32]", "NDArray[np.int32]"]
RACY_NS = 1_000_000_000  # a file modified this close to its recording is hashed again
_DOC_FIELDS = ("lang", "published", "outlet", "encoding", "url", "title")
_ERRORS = (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError,
           RecursionError, UnicodeError, zipfile.BadZipFile, EOFError)


class Damaged(ValueError):
    """A stored column failed its checks: the index is not to be believed."""


Method = TypeVar("Method", bound=Callable[..., Any])


def _checked(method: Method) -> Method:
    """Any failure decoding a stored column is ``Damaged``: callers need catch only that."""

    @functools.wraps(method)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except Damaged:
            raise
        except _ERRORS as err:
            raise Damaged(f"{method.__name__}: {err}") from err

    return run  # type: ignore[return-value]


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

    raw: str  # the file as listed this run (documents' and problems' path)
    stat: tuple[int, ...]
    digest: str
    recorded_ns: int  # when its stat was taken (time.time_ns())
    entries: tuple[Entry, ...]
    problems: tuple[Problem, ...]


@dataclass
class Index:
    """One archive's index: ``stored`` reads the saved columns on demand; ``changed``
    says it must be written back (from ``records``, the files of this run's listing)."""

    context: str
    stored: Stored | None = None
    state: str = ""  # digest of the archive documents the model was built from
    model: Model | None = None
    fingerprints: dict[str, tuple[str, ...]] = field(default_factory=dict)
    records: dict[str, FileRecord] = field(default_factory=dict)
    changed: bool = False


def stat_signature(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def location(folder: Path, against: list[str]) -> Path:
    """One index per archive, whatever the spelling of its paths."""
    h = hashlib.sha256(b"archive index\n")
    for raw in against:
        h.update(os.path.realpath(raw).encode("utf-8", "surrogatepass") + b"\0")
    return folder / "archive" / f"{PREFIX}{h.hexdigest()[:32]}.npz"


def load(path: Path, context: str) -> Index:
    """The index stored at ``path`` if it was made in ``context``; else an empty one.
    Only the columns every warm check needs are read here, and checked."""
    try:
        stored = Stored(path.read_bytes())
        meta = stored.meta
        if meta.get("format") != FORMAT or meta.get("context") != context:
            return Index(context)
        return Index(context, stored, _str(meta["state"]), stored.model(),
                     stored.fingerprints())
    except _ERRORS:
        return Index(context)


class Stored:
    """The saved columns of an index, decoded when first asked for."""

    def __init__(self, data: bytes) -> None:
        self._npz = np.load(io.BytesIO(data), allow_pickle=False)
        self.meta = _dict(json.loads(bytes(self._array("meta", np.uint8)).decode("utf-8")))
        keys = self._strings("f_key")
        self.rows = dict(zip(keys, range(len(keys)), strict=True))
        if len(self.rows) != len(keys):
            raise Damaged("file keys repeat")
        self.stats = self._array("f_stat", np.int64)
        self.recorded = self._array("f_recorded", np.int64)
        self.digests = self._array("f_digest", np.uint8)
        self.entry_ptr = self._pointers("f_entries", len(keys))
        self.names = self._strings("e_name")
        if self.stats.shape != (len(keys), 5) or self.recorded.shape != (len(keys),) \
                or self.digests.shape != (len(keys), 32) or self.entry_ptr[-1] != len(self.names):
            raise Damaged("file columns")
        self._stat_rows: list[list[int]] = self.stats.tolist()
        self._ptr: list[int] = self.entry_ptr.tolist()
        self._problems: dict[str, Any] | None = None
        self._columns: dict[str, Any] | None = None
        self._entry_of: dict[str, int] | None = None
        self._days: dict[str, tuple[int, ...]] | None = None

    @property
    def files(self) -> int:
        return len(self.rows)

    def unchanged(self, row: int, stat: tuple[int, ...], path: Path) -> bool:
        """The file holds what was recorded: same ``stat`` (and not racy), else same bytes."""
        if tuple(self._stat_rows[row]) == stat and int(self.recorded[row]) - stat[1] > RACY_NS:
            return True
        try:
            return file_digest(path) == self.digest(row)
        except OSError:
            return False

    def digest(self, row: int) -> str:
        return bytes(self.digests[row]).hex()

    def entry_range(self, row: int) -> range:
        return range(self._ptr[row], self._ptr[row + 1])

    def named(self, row: int, name: str) -> bool:
        """Its documents still carry the name the listing gives the file."""
        span = self.entry_range(row)
        if not span:
            return True
        first = self.names[span.start]
        return first == name or first.startswith(f"{name}#")

    @_checked
    def crashed(self, entry: int, raw: str) -> Problem | None:
        found = self._extras()["crashed"].get(str(entry))
        return None if found is None else _problem(found, raw)

    @_checked
    def problems(self, row: int, raw: str) -> tuple[Problem, ...]:
        return tuple(_problem(p, raw) for p in _list(self._extras()["problems"].get(str(row), [])))

    @_checked
    def record(self, row: int, raw: str) -> FileRecord:
        """A file's whole record, its documents' ``path`` being ``raw``."""
        return FileRecord(raw, tuple(self._stat_rows[row]), self.digest(row),
                          int(self.recorded[row]),
                          tuple(self.entry(i, raw) for i in self.entry_range(row)),
                          self.problems(row, raw))

    @_checked
    def entry(self, i: int, raw: str) -> Entry:
        columns = self._entry_columns()
        doc = _list(json.loads(columns["e_doc"][i]))
        if len(doc) != len(_DOC_FIELDS):
            raise Damaged("document fields")
        values = dict(zip(_DOC_FIELDS, doc, strict=True))
        for name in ("outlet", "url", "title"):
            _optional_str(values[name])
        for name in ("lang", "encoding"):
            _str(values[name])
        values["published"] = _date(values["published"])
        document = Document(text="", name=self.names[i], path=raw, **values)
        return Entry(document, columns["e_key"][i], columns["e_title"][i],
                     self.crashed(i, raw), columns["words"][i], columns["names"][i],
                     self.days()[self.names[i]])

    @_checked
    def days(self) -> dict[str, tuple[int, ...]]:
        """Every document's event days, by name (placing a draft weighs them)."""
        if self._days is None:
            values = self._array("e_days", np.int64)
            ptr = self._pointers("e_days_ptr", len(self.names))
            if values.ndim != 1 or ptr[-1] != len(values):
                raise Damaged("days")
            v, p = values.tolist(), ptr.tolist()
            self._days = {name: tuple(v[p[i]:p[i + 1]]) for i, name in enumerate(self.names)}
        return self._days

    @_checked
    def entry_keys(self) -> dict[str, str]:
        """Every document's extraction-cache key, by name."""
        return dict(zip(self.names, self._entry_columns()["e_key"], strict=True))

    @_checked
    def file_of(self, name: str) -> int | None:
        """The file row of the document called ``name``, if recorded."""
        if self._entry_of is None:
            self._entry_of = {n: i for i, n in enumerate(self.names)}
        entry = self._entry_of.get(name)
        return None if entry is None else bisect.bisect_right(self._ptr, entry) - 1

    @_checked
    def crashes(self, raw_of: Callable[[int], str]) -> list[Problem]:
        """The crashed extractions recorded, each with its file's spelling."""
        out = []
        for entry in self._extras()["crashed"]:
            row = bisect.bisect_right(self._ptr, int(entry)) - 1
            out.append(self.crashed(int(entry), raw_of(row)))
        return [p for p in out if p is not None]

    def model(self) -> Model | None:
        if "model" not in self.meta:
            return None
        size = _int(_dict(self.meta["model"])["size"])
        return _model(self, self._stories(), size)

    def fingerprints(self) -> dict[str, tuple[str, ...]]:
        return {_str(k): tuple(_str(f) for f in _list(v))
                for k, v in _dict(self.meta["fingerprints"]).items()}

    # -------------------------------------------------------------- columns

    def array(self, name: str, dtype: type) -> NDArray[Any]:
        return self._array(name, dtype)

    def _array(self, name: str, dtype: type) -> NDArray[Any]:
        try:
            value: NDArray[Any] = self._npz[name]
        except _ERRORS as err:
            raise Damaged(name) from err
        if value.dtype != dtype:
            raise Damaged(f"{name}: {value.dtype}")
        return value

    def _pointers(self, name: str, rows: int) -> NDArray[np.int64]:
        ptr = self._array(name, np.int64)
        if ptr.shape != (rows + 1,) or ptr[0] != 0 or np.any(np.diff(ptr) < 0):
            raise Damaged(name)
        return ptr

    def _strings(self, name: str) -> list[str]:
        blob = self._array(f"{name}_text", np.uint8)
        ends = self._array(f"{name}_ends", np.int64)
        text = bytes(blob).decode("utf-8", "surrogatepass")
        if ends.ndim != 1 or (ends.size and (ends[-1] != len(text) or ends[0] < 0
                                             or np.any(np.diff(ends) < 0))):
            raise Damaged(name)
        bounds = [0, *ends.tolist()]
        return [text[bounds[i]:bounds[i + 1]] for i in range(len(bounds) - 1)]

    def _extras(self) -> dict[str, Any]:
        if self._problems is None:
            raw = _dict(self.meta["extras"])
            self._problems = {"problems": _dict(raw["problems"]), "crashed": _dict(raw["crashed"])}
        return self._problems

    def _entry_columns(self) -> dict[str, Any]:
        if self._columns is None:
            count = len(self.names)
            columns: dict[str, Any] = {n: self._strings(n) for n in ("e_doc", "e_key", "e_title")}
            for part in ("words", "names"):
                columns[part] = _rows(self, part)
            if any(len(v) != count for v in columns.values()):
                raise Damaged("entry columns")
            self._columns = columns
        return self._columns

    def _stories(self) -> tuple[Story, ...]:
        ids, titles = self._strings("s_id"), self._strings("s_title")
        days = self._array("s_days", np.int64)
        docs = self._array("s_docs", np.int64)
        ptr = self._pointers("s_ptr", len(ids))
        if len(titles) != len(ids) or days.shape != (len(ids), 2) or docs.ndim != 1 \
                or ptr[-1] != len(docs) or (docs.size and (docs.min() < 0
                                                          or docs.max() >= len(self.names))):
            raise Damaged("stories")
        names, p, d = self.names, ptr.tolist(), docs.tolist()
        return tuple(Story(ids[i], titles[i], tuple(names[j] for j in d[p[i]:p[i + 1]]),
                           _day(first), _day(last))
                     for i, (first, last) in enumerate(days.tolist()))


def save(path: Path, index: Index) -> None:
    """Written atomically, from ``index.records``; a read-only cache folder only makes
    the next run slower. Index files of other formats are removed."""
    records = list(index.records.items())
    entries = [e for _, r in records for e in r.entries]
    arrays: dict[str, NDArray[Any]] = {}
    arrays |= _string_column("f_key", [k for k, _ in records])
    arrays["f_stat"] = np.array([r.stat for _, r in records], dtype=np.int64).reshape(-1, 5)
    arrays["f_recorded"] = np.array([r.recorded_ns for _, r in records], dtype=np.int64)
    arrays["f_digest"] = np.frombuffer(b"".join(bytes.fromhex(r.digest) for _, r in records),
                                       dtype=np.uint8).reshape(-1, 32)
    arrays["f_entries"] = np.cumsum([0, *(len(r.entries) for _, r in records)], dtype=np.int64)
    arrays |= _string_column("e_name", [e.document.name for e in entries])
    arrays |= _string_column("e_key", [e.key for e in entries])
    arrays |= _string_column("e_title", [e.title for e in entries])
    arrays |= _string_column("e_doc", [json.dumps(
        [_plain(getattr(e.document, n)) for n in _DOC_FIELDS], ensure_ascii=False)
        for e in entries])
    for part in ("words", "names"):
        cols, counts, ptr = flat([getattr(e, part) for e in entries])
        arrays |= {f"{part}_cols": cols, f"{part}_counts": counts, f"{part}_ptr": ptr}
    arrays["e_days"] = np.array([d for e in entries for d in e.days], dtype=np.int64)
    arrays["e_days_ptr"] = np.cumsum([0, *(len(e.days) for e in entries)], dtype=np.int64)
    problems = {str(i): [_problem_json(p, r.raw) for p in r.problems]
                for i, (_, r) in enumerate(records) if r.problems}
    crashed = {str(i): _problem_json(e.crashed, e.document.path)
               for i, e in enumerate(entries) if e.crashed is not None}
    meta: dict[str, Any] = {
        "format": FORMAT, "context": index.context, "state": index.state,
        "extras": {"problems": problems, "crashed": crashed},
        "fingerprints": {k: list(v) for k, v in index.fingerprints.items()},
    }
    if index.model is not None:
        m = index.model
        meta["model"] = {"size": m.size}
        at = {e.document.name: i for i, e in enumerate(entries)}
        arrays |= _string_column("s_id", [s.id for s in m.stories])
        arrays |= _string_column("s_title", [s.title for s in m.stories])
        arrays["s_days"] = np.array([[_ordinal(s.first), _ordinal(s.last)] for s in m.stories],
                                    dtype=np.int64).reshape(-1, 2)
        arrays["s_docs"] = np.array([at[n] for s in m.stories for n in s.documents],
                                    dtype=np.int64)
        arrays["s_ptr"] = np.cumsum([0, *(len(s.documents) for s in m.stories)], dtype=np.int64)
        arrays |= {"m_data": m.data, "m_indices": m.indices, "m_indptr": m.indptr,
                   "m_days": m.days, "m_story": m.story,
                   "df_words": _pairs(m.df_words), "df_names": _pairs(m.df_names)}
    arrays["meta"] = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), np.uint8)
    buffer = io.BytesIO()
    np.savez(buffer, allow_pickle=False, **arrays)
    with contextlib.suppress(NumcheckError):
        write_atomic(path, buffer.getvalue(), make_parents=True)
        remove_stale(path.parent)


def remove_stale(folder: Path) -> list[Path]:
    """Delete the index files of other formats (older numcheck versions) in ``folder``."""
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as found:
        for entry in found:
            if entry.name.endswith(".npz") and not entry.name.startswith((PREFIX, ".")):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


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


def _string_column(name: str, values: list[str]) -> dict[str, NDArray[Any]]:
    text = "".join(values)
    return {f"{name}_text": np.frombuffer(text.encode("utf-8", "surrogatepass"), np.uint8),
            f"{name}_ends": np.cumsum([len(v) for v in values], dtype=np.int64)}


def _pairs(df: dict[int, int]) -> NDArray[np.int64]:
    return np.array([list(df.keys()), list(df.values())], dtype=np.int64).reshape(2, len(df))


def _problem_json(problem: Problem, raw: str) -> list[Any]:
    """A problem whose path is the file's spelling is stored without it (``None``)."""
    return [None if problem.path == raw else problem.path, problem.message, problem.fatal]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _ordinal(day: date | None) -> int:
    return 0 if day is None else day.toordinal()


# ------------------------------------------------------------------ decoding (checked)


def _rows(stored: Stored, part: str) -> list[Row]:
    cols = stored.array(f"{part}_cols", np.int32)
    counts = stored.array(f"{part}_counts", np.int32)
    ptr = stored.array(f"{part}_ptr", np.int64)
    _check_csr(cols, ptr, N_FEATURES)
    if counts.shape != cols.shape or (counts.size and counts.min() < 1):
        raise Damaged(f"{part} counts")
    p = ptr.tolist()
    return [(cols[p[i]:p[i + 1]], counts[p[i]:p[i + 1]]) for i in range(len(p) - 1)]


def _model(stored: Stored, stories: tuple[Story, ...], size: int) -> Model:
    data = stored.array("m_data", np.float64)
    indices, indptr = stored.array("m_indices", np.int32), stored.array("m_indptr", np.int64)
    days, story = stored.array("m_days", np.float64), stored.array("m_story", np.int32)
    _check_csr(indices, indptr, 2 * N_FEATURES)
    rows = len(indptr) - 1
    if data.shape != indices.shape or not np.isfinite(data).all():
        raise Damaged("model data")
    if days.shape != (rows,) or story.shape != (rows,):
        raise Damaged("model rows")
    if rows and (np.any(np.diff(days) < 0) or story.min() < 0 or story.max() >= len(stories)):
        raise Damaged("model order")
    return Model(data, indices, indptr, days, story, stories,
                 _df(stored.array("df_words", np.int64)), _df(stored.array("df_names", np.int64)),
                 size)


def _check_csr(indices: NDArray[Any], indptr: NDArray[Any], width: int) -> None:
    if indices.ndim != 1 or indptr.ndim != 1 or len(indptr) < 1:
        raise Damaged("sparse rows")
    if indptr[0] != 0 or indptr[-1] != len(indices) or np.any(np.diff(indptr) < 0):
        raise Damaged("sparse pointers")
    if indices.size and (indices.min() < 0 or indices.max() >= width):
        raise Damaged("sparse columns")


def _df(pairs: NDArray[Any]) -> dict[int, int]:
    if pairs.ndim != 2 or pairs.shape[0] != 2:
        raise Damaged("document frequencies")
    return dict(zip(pairs[0].tolist(), pairs[1].tolist(), strict=True))


def _problem(raw: Any, path: str) -> Problem:
    where, message, fatal = _list(raw)
    if not isinstance(fatal, bool):
        raise Damaged("fatal")
    return Problem(path if where is None else _str(where), _str(message), fatal)


def _day(ordinal: int) -> date | None:
    return None if ordinal == 0 else date.fromordinal(ordinal)


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(_str(value))


def _dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Damaged("expected an object")
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise Damaged("expected a list")
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise Damaged("expected a string")
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Damaged("expected an integer")
    return value

"""What a check compares: the new articles' stories, read through the archive index.

The archive's stories are the ones it forms alone; the new articles join them
(``numcheck.stories.tracking``), and only the stories a new article joined are loaded
and compared. With an index (``archive_index``) an unchanged archive file is neither
read nor extracted: its documents, headlines and story features come from the index,
and the stories and their tracking model too when no archive document changed. The
claims of the stories a new article joins come from the extraction cache, checked
against their texts as always. Without an index (``--no-cache``) every step runs
from the files, through the same code: the two paths give the same stories and flags.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from numcheck.check import archive_index as ix
from numcheck.check.cache import ExtractionCache
from numcheck.ingest import Listing, Options, article_files, listing
from numcheck.ingest.fetch import is_url
from numcheck.model import Document, Extraction, Problem, Story
from numcheck.parallel import ordered_map, plan_jobs
from numcheck.pipeline import Report, build_report
from numcheck.progress import Meter, Progress
from numcheck.rulebook import Rulebook
from numcheck.stories import Features, Stories, features_of, find_stories
from numcheck.stories.cluster import N_FEATURES, Counts
from numcheck.stories.hashing import hashed_counts
from numcheck.stories.tracking import model, place

Item = tuple[str, Path | None, str]
STDIN = "-"


@dataclass
class Gathered:
    """The new articles' stories compared, and how to get the other stories' flags."""

    report: Report
    new: frozenset[str]
    other_fingerprints: Callable[[], frozenset[str]]
    timings: dict[str, float] = field(default_factory=dict)


@dataclass
class _Run:
    rules: Rulebook
    cache: ExtractionCache
    listed: Listing
    options: Options
    index: ix.Index
    jobs: int | None
    progress: Progress | None
    extracted: dict[str, Extraction] = field(default_factory=dict)  # computed this run
    item_of: dict[str, Item] = field(default_factory=dict)  # archive document → its file
    known: dict[int, tuple[str, Item]] = field(default_factory=dict)  # stored row → key, file
    timings: dict[str, float] = field(default_factory=dict)

    def lap(self, name: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - since
        return now

    def item(self, name: str) -> Item | None:
        """The file an archive document comes from."""
        if name in self.item_of:
            return self.item_of[name]
        stored = self.index.stored
        row = stored.file_of(name) if stored is not None else None
        return self.known[row][1] if row is not None and row in self.known else None


def gather(
    new: Sequence[str | Path],
    against: Sequence[str | Path],
    rules: Rulebook,
    cache: ExtractionCache,
    *,
    stdin: bytes | BinaryIO | None = None,
    sources: str | Path | None = None,
    options: Options | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> Gathered:
    """Read, place and compare; ``cache.folder`` (when set) also holds the archive index."""
    start = time.perf_counter()
    options = options or Options()
    problems: list[Problem] = []
    # The corpus first: a folder's sources.csv then also describes new files beside it.
    listed = listing([*against, *new], problems, sources)
    against_raw = [str(a) for a in against]
    corpus = against_raw or [str(n) for n in new]  # without --against, the new set is it
    where = _index_path(cache, corpus)
    context = _context(cache, listed, options, sources)
    index = ix.load(where, context) if where is not None else ix.Index(context)
    run = _Run(rules, cache, listed, options, index, jobs, progress)
    run.lap("index", start)
    try:
        return _gather(run, new, against_raw, corpus, where, list(problems), stdin)
    except ix.Damaged:  # a column failed its checks once used: start again without it
        run = _Run(rules, cache, listed, options, ix.Index(context), jobs, progress)
        return _gather(run, new, against_raw, corpus, where, problems, stdin)


def _gather(run: _Run, new: Sequence[str | Path], against_raw: list[str], corpus: list[str],
            where: Path | None, problems: list[Problem],
            stdin: bytes | BinaryIO | None) -> Gathered:
    start = time.perf_counter()
    index, rules, listed = run.index, run.rules, run.listed
    new_files = _expand(new)
    key_of = _keys(corpus)
    new_docs: list[Document] = []
    fresh: list[_Fresh] = []
    for item in listed.items:
        stamp = time.time_ns()
        st = _stat(item[1])
        is_new = item[0] == STDIN or (st is not None and (st.st_dev, st.st_ino) in new_files)
        if is_new and against_raw:
            new_docs += listed.read(item, rules, run.options, problems, stdin)
            continue
        key = key_of(item)
        row = _known(index.stored, key, item, st)
        if row is not None and index.stored is not None:
            run.known[row] = (key, item)
            problems += index.stored.problems(row, item[0])
            if is_new:
                new_docs += [e.document for e in index.stored.record(row, item[0]).entries]
            continue
        # Stat, then hash, then read: a write racing the read leaves a record that
        # is older than the text, and the next run reads the file again.
        before = ix.stat_signature(st) if st is not None else ()
        digest = _digest(item)
        own: list[Problem] = []
        documents = listed.read(item, rules, run.options, own, stdin)
        problems += own
        fresh.append(_Fresh(item, key, documents, own, before, digest, stamp))
        if is_new:
            new_docs += documents
    start = run.lap("read", start)
    fresh_entries = _record_fresh(run, fresh)
    if against_raw:
        outcomes = _extract(run, new_docs)
        new_docs = [d for d in new_docs if d.name in run.extracted]
    start = run.lap("extract", start)
    stored = index.stored
    if stored is not None and not fresh and len(run.known) == stored.files \
            and index.model is not None:
        # Nothing listed changed: the stored stories hold, no record is decoded.
        crashes = stored.crashes(lambda row: run.known[row][1][0])
        stories = index.model.stories
        found = Stories(stories, {name: s.id for s in stories for name in s.documents})
        days = stored.days()
    else:
        archive = _all_entries(run) + fresh_entries
        crashes = [e.crashed for e in archive if e.crashed is not None]
        found = _archive_stories(run, [e for e in archive if e.crashed is None])
        days = {e.document.name: e.days for e in archive}
    if against_raw:
        crashes += [o for o in outcomes if isinstance(o, Problem)]
        assert index.model is not None
        pairs = [(d, features_of(d, rules, run.extracted[d.name].claims)) for d in new_docs]
        found = place(index.model, pairs, rules.settings, days)
        new_names = frozenset(d.name for d in new_docs)
    else:
        new_names = frozenset(d.name for d in new_docs if d.name in found.story_of)
    start = run.lap("stories", start)
    mine = [s for s in found.stories if new_names.intersection(s.documents)]
    extractions = _load(run, [n for s in mine for n in s.documents])
    start = run.lap("load", start)
    report = build_report(extractions, [*problems, *crashes], rules,
                          stories=Stories(tuple(mine), found.story_of))
    run.lap("compare", start)
    _save(where, run)

    def others() -> frozenset[str]:
        prints = _fingerprints(run, [s for s in found.stories if s not in mine])
        _save(where, run)
        return prints

    return Gathered(report, new_names, others, run.timings)


def _all_entries(run: _Run) -> list[ix.Entry]:
    """Every stored file still listed, decoded into the records the index is rewritten
    from (the archive changed: its stories are found again)."""
    stored = run.index.stored
    out: list[ix.Entry] = []
    if stored is None:
        return out
    for row, (key, item) in run.known.items():
        record = stored.record(row, item[0])
        run.index.records[key] = record
        run.item_of.update((e.document.name, item) for e in record.entries)
        out += record.entries
    run.index.changed = True
    return out


def _index_path(cache: ExtractionCache, against: list[str]) -> Path | None:
    """Where this archive's index lives; None when there is none (no cache, or an
    archive holding URLs or stdin, which have no stat to tell they are unchanged)."""
    if cache.folder is None or any(a == STDIN or is_url(a) for a in against):
        return None
    return ix.location(cache.folder, against)


def _context(cache: ExtractionCache, listed: Listing, options: Options,
             sources: str | Path | None) -> str:
    """What every recorded document depends on besides its own file."""
    h = hashlib.sha256(cache.rules_key.encode())
    h.update(repr(options).encode())
    h.update(repr(None if sources is None else os.path.realpath(sources)).encode())
    h.update(repr(sorted(listed.metadata.items())).encode())
    return h.hexdigest()


def _keys(against: list[str]) -> Callable[[Item], str]:
    """A file's key in the index: the real path of the folder (or file) given that
    lists it, plus its path inside that folder; the same for every spelling."""
    files: dict[str, str] = {}
    roots: list[tuple[str, str]] = []
    for raw in against:
        if raw == STDIN or is_url(raw):
            continue
        path = Path(raw)
        if path.is_dir():
            spelled = str(path)
            prefix = "" if spelled == "." else spelled.rstrip("/") + "/"
            roots.append((prefix, os.path.realpath(path) + "/"))
        else:
            files[raw] = os.path.realpath(path)

    def key(item: Item) -> str:
        raw = item[0]
        if raw in files:
            return files[raw]
        for prefix, real in roots:
            if raw.startswith(prefix) and (prefix or not raw.startswith("/")):
                return real + raw[len(prefix):]
        return os.path.realpath(raw)

    return key


def _known(stored: ix.Stored | None, key: str, item: Item,
           st: os.stat_result | None) -> int | None:
    """The stored row of this file when what it holds is what was recorded."""
    _, path, name = item
    if stored is None or path is None or st is None:
        return None
    row = stored.rows.get(key)
    if row is None or not stored.unchanged(row, ix.stat_signature(st), path):
        return None
    if not stored.named(row, name):
        return None  # listed under another name now (a new file took its name)
    return row


def _stat(path: Path | None) -> os.stat_result | None:
    try:
        return os.stat(path) if path is not None else None
    except OSError:
        return None


def _signature(item: Item) -> tuple[int, ...]:
    st = _stat(item[1])
    return ix.stat_signature(st) if st is not None else ()


def _digest(item: Item) -> str:
    try:
        return ix.file_digest(item[1]) if item[1] is not None else ""
    except OSError:
        return ""


@dataclass(frozen=True)
class _Fresh:
    """An archive file read this run, with what tells later runs it is unchanged."""

    item: Item
    key: str
    documents: list[Document]
    problems: list[Problem]
    stat: tuple[int, ...]
    digest: str
    stamp: int  # time.time_ns() just before the stat


def _record_fresh(run: _Run, fresh: list[_Fresh]) -> list[ix.Entry]:
    """Extract and record the archive files read this run; their entries, in order."""
    outcomes = iter(_extract(run, [d for f in fresh for d in f.documents]))
    out: list[ix.Entry] = []
    for f in fresh:
        entries = []
        for document in f.documents:
            outcome = next(outcomes)
            features = features_of(document, run.rules, outcome.claims
                                   if isinstance(outcome, Extraction) else ())
            entries.append(ix.Entry(
                replace(document, text=""), run.cache.key(document), features.title,
                outcome if isinstance(outcome, Problem) else None,
                ix.row(hashed_counts(features.words, N_FEATURES)),
                ix.row(hashed_counts(features.names, N_FEATURES)), features.days))
            run.item_of[document.name] = f.item
        out += entries
        path = f.item[1]
        if path is not None and f.stat and f.digest and _signature(f.item) == f.stat:
            run.index.records[f.key] = ix.FileRecord(
                f.item[0], f.stat, f.digest, f.stamp, tuple(entries), tuple(f.problems))
        run.index.changed = True
    return out


def _extract(run: _Run, documents: list[Document]) -> list[Extraction | Problem]:
    """Every document's extraction (or crash), from the cache or computed, in ``jobs``
    processes; extractions are kept for this run."""
    meter = Meter(stage="extracting", documents_total=len(documents))
    jobs = plan_jobs(run.jobs, len(documents))
    if jobs > 1:
        found = ordered_map(_cached_in_worker, documents, jobs, initializer=_init_worker,
                            initargs=(run.cache,))
        outcomes: Iterator[tuple[Extraction | Problem, bool]] = (o for _, o in found)
    else:
        outcomes = (_cached(run.cache, d) for d in documents)
    out = []
    for outcome, hit in outcomes:
        if jobs > 1:  # the workers' own caches counted these
            run.cache.hits += hit
            run.cache.misses += not hit
        if isinstance(outcome, Extraction):
            run.extracted[outcome.document.name] = outcome
        out.append(outcome)
        meter.documents += 1
        if run.progress is not None:
            run.progress(meter)
    return out


def _cached(cache: ExtractionCache, document: Document) -> tuple[Extraction | Problem, bool]:
    hits = cache.hits
    extraction = cache.extract(document)
    return extraction, cache.hits > hits


_WORKER_CACHE: list[ExtractionCache] = []


def _init_worker(cache: ExtractionCache) -> None:
    _WORKER_CACHE[:] = [cache]


def _cached_in_worker(document: Document) -> tuple[Extraction | Problem, bool]:
    return _cached(_WORKER_CACHE[0], document)


def _archive_stories(run: _Run, archive: list[ix.Entry]) -> Stories:
    """The archive's own stories: from the index when its documents are the recorded
    ones, else found afresh from the recorded features (and the model rebuilt)."""
    archive = sorted(archive, key=lambda e: e.document.name)
    h = hashlib.sha256()
    for e in archive:
        h.update(f"{e.document.name}\0{e.key}\0{e.title}\0".encode())
    state = h.hexdigest()
    index = run.index
    if index.model is None or index.state != state:
        documents = [e.document for e in archive]
        counts = _counts(archive)
        found = find_stories(documents, run.rules,
                             features=[Features((), (), e.title, e.days) for e in archive],
                             counts=counts) if archive else Stories()
        index.model = model(documents, counts, found, run.rules.settings)
        index.state, index.changed = state, True
    stories = index.model.stories
    return Stories(stories, {name: s.id for s in stories for name in s.documents})


def _counts(archive: list[ix.Entry]) -> Counts:
    from scipy.sparse import csr_matrix

    def matrix(part: str) -> csr_matrix:
        rows: list[ix.Row] = [getattr(e, part) for e in archive]
        cols, counts, ptr = ix.flat(rows)
        return csr_matrix((counts.astype(float), cols, ptr), shape=(len(rows), N_FEATURES))

    return Counts(words=matrix("words"), names=matrix("names"))


def _load(run: _Run, names: list[str]) -> list[Extraction]:
    """The extractions of these documents: kept from this run, else read and taken from
    the extraction cache (checked against the text as always)."""
    wanted = [n for n in names if n not in run.extracted]
    items: dict[Item, None] = {}
    for name in wanted:
        item = run.item(name)
        if item is not None:
            items[item] = None
    documents = [d for item in items
                 for d in run.listed.read(item, run.rules, run.options, [])
                 if d.name in set(wanted)]
    _extract(run, documents)
    return [run.extracted[n] for n in names if n in run.extracted]


def _fingerprints(run: _Run, stories: list[Story]) -> frozenset[str]:
    """Every flag fingerprint of these stories, kept per story (its articles and their
    extraction keys) in the index; stories not kept are loaded and compared."""
    stored = run.index.stored
    keys = {e.document.name: e.key for r in run.index.records.values() for e in r.entries}
    if not run.index.records and stored is not None:
        keys = stored.entry_keys()
    out: set[str] = set()
    missing: list[tuple[Story, str]] = []
    for story in stories:
        h = hashlib.sha256(story.id.encode())
        for name in story.documents:
            h.update(f"\0{name}\0{keys.get(name, run.extracted.get(name))}".encode())
        key = h.hexdigest()
        if key in run.index.fingerprints:
            out.update(run.index.fingerprints[key])
        else:
            missing.append((story, key))
    if missing:
        names = [n for s, _ in missing for n in s.documents]
        report = build_report(_load(run, names), [], run.rules, stories=Stories(
            tuple(s for s, _ in missing), {n: s.id for s, _ in missing for n in s.documents}))
        by_story: dict[str, set[str]] = {key: set() for _, key in missing}
        key_of = {s.id: key for s, key in missing}
        for flag in report.comparison.flags:
            story_id = report.claim(flag.claims[0]).story
            by_story[key_of[story_id or ""]].add(flag.fingerprint)
        for key, prints in by_story.items():
            run.index.fingerprints[key] = tuple(sorted(prints))
            out |= prints
        run.index.changed = True
    return frozenset(out)


def _save(where: Path | None, run: _Run) -> None:
    index = run.index
    if where is None or not index.changed:
        return
    if index.stored is not None and not index.records:  # only fingerprints were added
        _all_entries(run)
    ix.save(where, index)
    index.changed = False


def _inode(path: Path | None) -> tuple[int, int] | None:
    """A file's identity: a new file reached through a link or another spelling is
    still the new file (the listing keeps the first spelling it met)."""
    if path is None:
        return None
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _expand(paths: Sequence[str | Path]) -> set[tuple[int, int] | None]:
    out: set[tuple[int, int] | None] = set()
    for raw in paths:
        path = Path(raw)
        if str(raw) == STDIN or is_url(str(raw)):
            continue
        files = article_files(path, []) if path.is_dir() else [path]
        out.update(_inode(p) for p in files)
    out.discard(None)
    return out

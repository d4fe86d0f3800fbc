"""Ingest: paths in, ``Document`` records and ``Problem`` lines out.

A bad file never stops the run: it becomes one ``Problem`` naming the file and what
was wrong, and the other files are still read. Offsets later refer to the decoded
text exactly as read (no newline translation), so highlights land on the figure.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from numcheck.errors import NumcheckError
from numcheck.ingest.corpus_files import (
    Columns,
    Position,
    Row,
    corpus_format,
    jsonl_rows,
    looks_like_jsonl,
    read_rows,
)
from numcheck.ingest.decode import decode, looks_like_html
from numcheck.ingest.fetch import Fetched, FetchError, FetchSettings, fetch, is_url
from numcheck.ingest.html import read_page
from numcheck.ingest.language import detect_language
from numcheck.ingest.metadata import SOURCES_FILE, Source, read_sources
from numcheck.isolation import crashed
from numcheck.model import Document, Problem
from numcheck.progress import Meter
from numcheck.rulebook import Rulebook, load_rules

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
STDIN = "-"

__all__ = [
    "Columns", "Ingest", "Listing", "Options", "article_files", "detect_language",
    "iter_documents", "listing", "read_paths",
]


@dataclass
class Ingest:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> bool:
        return any(p.fatal for p in self.problems)


@dataclass(frozen=True)
class Options:
    """How to read: forced language, corpus-file columns, what stdin's one article is."""

    lang: str | None = None
    columns: Columns = field(default_factory=Columns)
    stdin_name: str = "<stdin>"
    stdin_source: Source = field(default_factory=Source)
    fetch: FetchSettings = field(default_factory=FetchSettings)


def read_paths(
    paths: Iterable[str | Path],
    *,
    lang: str | None = None,
    rules: Rulebook | None = None,
    sources: str | Path | None = None,
    stdin: bytes | BinaryIO | None = None,
    options: Options | None = None,
) -> Ingest:
    """Read files, folders (recursively) and ``-`` (``stdin``) into documents."""
    result = Ingest()
    result.documents.extend(iter_documents(
        paths, problems=result.problems, lang=lang, rules=rules, sources=sources, stdin=stdin,
        options=options,
    ))
    return result


def iter_documents(
    paths: Iterable[str | Path],
    *,
    problems: list[Problem],
    lang: str | None = None,
    rules: Rulebook | None = None,
    sources: str | Path | None = None,
    stdin: bytes | BinaryIO | None = None,
    options: Options | None = None,
    meter: Meter | None = None,
) -> Iterator[Document]:
    """Documents one at a time, in input order; problems are appended as they are met.

    Nothing is held beyond the document being yielded, so a corpus file of any size
    streams; ``meter`` (if given) gets the totals up front and the bytes read as they go.
    """
    rules = rules or load_rules()
    options = options or Options()
    if lang is not None:
        options = replace(options, lang=lang)
    meter = meter or Meter()
    metadata: dict[str, Source] = {}
    if sources is not None:
        metadata.update(read_sources(Path(sources), problems))
    items = _expand(paths, problems, metadata)
    _set_totals(meter, items)
    reader = _Reader(rules, options, metadata, problems, meter)
    for raw, path, name in items:
        try:
            yield from reader.item(raw, path, name, stdin if raw == STDIN else None)
        except NumcheckError:
            raise
        except Exception as err:  # one unreadable input must not stop the others
            problems.append(crashed(raw, "reading", err))


@dataclass
class Listing:
    """Every input of a run, named, before any is read: (as given, path, name) items and
    the metadata of every ``sources.csv`` met. ``read`` reads one item as a full run
    would, so a caller can read only some of them (the archive index of ``check``)."""

    items: list[tuple[str, Path | None, str]]
    metadata: dict[str, Source]

    def read(self, item: tuple[str, Path | None, str], rules: Rulebook, options: Options,
             problems: list[Problem], stdin: bytes | BinaryIO | None = None) -> list[Document]:
        raw, path, name = item
        reader = _Reader(rules, options, self.metadata, problems, Meter())
        try:
            return list(reader.item(raw, path, name, stdin if raw == STDIN else None))
        except NumcheckError:
            raise
        except Exception as err:  # one unreadable input must not stop the others
            problems.append(crashed(raw, "reading", err))
            return []


def listing(paths: Iterable[str | Path], problems: list[Problem],
            sources: str | Path | None = None) -> Listing:
    """The inputs ``read_paths`` would read, in its order and with its names."""
    metadata: dict[str, Source] = {}
    if sources is not None:
        metadata.update(read_sources(Path(sources), problems))
    return Listing(_expand(paths, problems, metadata), metadata)


def _set_totals(meter: Meter, items: list[tuple[str, Path | None, str]]) -> None:
    sizes = [_size(path) if raw != STDIN else None for raw, path, _ in items]
    meter.bytes_total = None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)
    single = all(raw != STDIN and (path is None or corpus_format(path) is None)
                 for raw, path, _ in items)
    meter.documents_total = len(items) if single else None


def _size(path: Path | None) -> int:
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0


def _expand(
    paths: Iterable[str | Path], problems: list[Problem], metadata: dict[str, Source]
) -> list[tuple[str, Path | None, str]]:
    """(as given, path, document name) for every article, each file once.

    A file's name is its path relative to the folder given (or its own name when the
    file itself was given); when two files would share a name, each is named by its
    path as given instead, so two ``x.txt`` in two folders stay two documents.
    """
    items = [str(item) for item in paths]
    reals: dict[str, str] = {}  # a folder's file → its real path
    roots = [Path(raw).resolve() for raw in items
             if raw != STDIN and not is_url(raw) and Path(raw).is_dir()]
    found: list[tuple[str, Path | None, str]] = []
    for raw in items:
        if raw == STDIN:
            found.append((raw, None, "<stdin>"))
            continue
        if is_url(raw):
            found.append((raw, None, raw))  # named by its URL
            continue
        path = Path(raw)
        if path.is_dir():
            real = os.path.realpath(path)
            if (path / SOURCES_FILE).is_file():
                for key, value in read_sources(path / SOURCES_FILE, problems).items():
                    metadata.setdefault(key, value)
                    metadata[_real_inside(real, key)] = value
            files = article_files(path, problems, roots)
            if not files:
                problems.append(Problem(raw, "folder holds no article files"))
            for file in files:
                inside = file.relative_to(path).as_posix()
                reals[str(file)] = _real_inside(real, inside)
                found.append((str(file), file, inside))
        elif path.is_file():
            if path.name == SOURCES_FILE:
                metadata.update(read_sources(path, problems))
                continue
            found.append((raw, path, path.name))
        else:
            problems.append(Problem(raw, "no such file or folder"))
    return _unique_names(_once_each(found, reals))


def _real_inside(real_folder: str, inside: str) -> str:
    """``os.path.realpath`` of a path inside a folder whose real path is known: only
    the components inside are checked for links (a 10 000-file archive would
    otherwise resolve its whole path 10 000 times)."""
    parts = inside.split("/")
    if ".." in parts or "." in parts or "" in parts:
        return os.path.realpath(os.path.join(real_folder, inside))
    at = real_folder
    for part in parts:
        at = os.path.join(at, part)
        if os.path.islink(at):
            return os.path.realpath(os.path.join(real_folder, inside))
    return at


def article_files(
    folder: Path, problems: list[Problem], roots: Iterable[Path] = ()
) -> list[Path]:
    """Every file under ``folder`` (hidden ones and sources.csv left out), sorted.

    The walk is iterative (a deep tree cannot exhaust the stack), an unreadable folder
    is a problem rather than a silent gap, and a symbolic link is followed only when
    it leads inside ``folder`` or one of ``roots`` (the folders the user gave): a link
    to elsewhere on the machine is reported and not read.
    """
    allowed = [folder.resolve(), *roots]
    files: list[Path] = []
    # Folders by (device, inode), not by resolved path: resolving every folder of a
    # deep tree would cost the square of its depth. Only links can make a cycle.
    top = folder.stat()
    seen: set[tuple[int, int]] = {(top.st_dev, top.st_ino)}
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as err:
            problems.append(Problem(str(current), f"cannot read folder: {err.strerror or err}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = current / entry.name
            if entry.is_symlink():
                target = path.resolve()
                if not any(target.is_relative_to(root) for root in allowed):
                    problems.append(Problem(
                        str(path), f"symbolic link to {target}, outside the folders given; "
                        "not followed", fatal=False))
                    continue
                if not target.exists():
                    problems.append(Problem(str(path), "broken symbolic link; skipped"))
                    continue
            try:
                is_dir = entry.is_dir()
                info = entry.stat() if is_dir else None
            except OSError:
                is_dir, info = False, None
            if info is not None:
                key = (info.st_dev, info.st_ino)
                if key not in seen:  # a link back up the tree is walked once
                    seen.add(key)
                    pending.append(path)
            elif entry.name != SOURCES_FILE:
                files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).parts)


def _once_each(
    found: list[tuple[str, Path | None, str]], reals: dict[str, str],
) -> list[tuple[str, Path | None, str]]:
    """A file reached twice (given, and inside a folder given) is read once."""
    seen: set[str] = set()
    out = []
    for raw, path, name in found:
        if path is not None:
            key = reals.get(raw) or os.path.realpath(path)  # Path.resolve's answer
            if key in seen:
                continue
            seen.add(key)
        out.append((raw, path, name))
    return out


def _unique_names(
    found: list[tuple[str, Path | None, str]],
) -> list[tuple[str, Path | None, str]]:
    counts = Counter(name for _, _, name in found)
    return [
        (raw, path, Path(os.path.normpath(raw)).as_posix() if counts[name] > 1 and path else name)
        for raw, path, name in found
    ]


@dataclass
class _Reader:
    """What every input of one run is read with, and where its problems go."""

    rules: Rulebook
    options: Options
    metadata: dict[str, Source]
    problems: list[Problem]
    meter: Meter

    def item(self, raw: str, path: Path | None, name: str,
             data: bytes | BinaryIO | None) -> Iterator[Document]:
        """One input: a corpus file gives its rows, a page or a text file one article."""
        fmt = corpus_format(path) if path is not None else None
        if fmt is not None and path is not None:
            yield from self.corpus_file(raw, path, name, fmt)
            return
        fetched = None
        if path is None and is_url(raw):
            try:
                fetched = fetch(raw, self.options.fetch)
            except FetchError as err:
                self.problems.append(Problem(raw, err.problem))
                return
            data = fetched.body
        metadata = self.metadata
        if raw == STDIN:
            name = self.options.stdin_name
            metadata = {name: self.options.stdin_source.over(metadata.get(name) or Source())}
            if data is not None and not isinstance(data, bytes):
                data = yield from self.stdin_stream(data, name, metadata[name])
                if data is None:
                    return
        assert data is None or isinstance(data, bytes)
        document = _read_one(raw, path, name, data, self.options.lang, self.rules, metadata,
                             self.problems, fetched)
        self.meter.bytes_read += _size(path) or (len(data) if data is not None else 0)
        if document is not None:
            yield document

    def corpus_file(self, raw: str, path: Path, name: str, fmt: str) -> Iterator[Document]:
        """The rows of a corpus file; its ``sources.csv`` line is every row's default."""
        base = (self.metadata.get(str(path.resolve())) or self.metadata.get(name)
                or self.metadata.get(path.name) or Source())
        try:
            handle = path.open("rb")
        except OSError as err:
            self.problems.append(Problem(raw, f"cannot read: {err.strerror or err}"))
            return
        start = self.meter.bytes_read
        with handle:
            position = Position()
            rows = read_rows(handle, fmt, name, raw, self.options.columns, self.problems,
                             position)
            yield from self.rows(rows, raw, base, start, position)
        self.meter.bytes_read = start + (_size(path) or position.done)

    def stdin_stream(
        self, stream: BinaryIO, name: str, base: Source
    ) -> Generator[Document, None, bytes | None]:
        """JSONL on stdin is streamed row by row; anything else is one article, read
        whole and returned for the caller to read like a file."""
        first = stream.readline()
        if not looks_like_jsonl(first, self.options.columns):
            return first + stream.read()
        position = Position()
        lines = itertools.chain([first], stream)
        rows = jsonl_rows(lines, name, self.options.columns, self.problems, position)
        yield from self.rows(rows, STDIN, base, self.meter.bytes_read, position)
        return None

    def rows(self, rows: Iterable[Row], raw: str, base: Source, start: int,
             position: Position) -> Iterator[Document]:
        for row in rows:
            self.meter.bytes_read = start + position.done
            source = row.source.over(self.metadata.get(row.name) or base)
            document = _document(row.text, row.name, raw, source, "utf-8", self.options.lang,
                                 self.rules, self.problems)
            if document is not None:
                yield document


def _read_one(
    raw: str,
    path: Path | None,
    name: str,
    data: bytes | None,
    lang: str | None,
    rules: Rulebook,
    metadata: dict[str, Source],
    problems: list[Problem],
    fetched: Fetched | None = None,
) -> Document | None:
    """One article; ``fetched`` is the download a URL's ``data`` comes from."""
    if path is not None:
        suffix = path.suffix.lower()
        if suffix not in ARTICLE_SUFFIXES and suffix not in HTML_SUFFIXES:
            problems.append(Problem(raw, f"not a text article ({suffix} file); skipped"))
            return None
        try:
            data = path.read_bytes()
        except OSError as err:
            problems.append(Problem(raw, f"cannot read: {err.strerror or err}"))
            return None
    data = data or b""
    where = name if raw == STDIN else raw  # "<stdin>: empty file" says more than "-: …"
    own = metadata.get(str(path.resolve())) if path is not None else None
    given = own or metadata.get(name) or metadata.get(Path(name).name) or Source()
    web_url = fetched.url if fetched is not None else None
    if (looks_like_html(data) or (path is not None and path.suffix.lower() in HTML_SUFFIXES)
            or (fetched is not None and fetched.content_type != "text/plain")):
        page = read_page(data, rules, url=given.url or web_url)
        if page is None:
            problems.append(Problem(where, "an HTML page with no article text found; skipped"))
            return None
        return _document(page.text, name, raw, given.over(page.source), "utf-8", lang, rules,
                         problems)
    decoded = decode(data)
    if decoded.problem is not None:
        problems.append(Problem(where, decoded.problem, fatal=decoded.text is None))
    if decoded.text is None:
        return None
    given = given.over(Source(url=web_url))
    return _document(decoded.text, name, raw, given, decoded.encoding, lang, rules, problems)


def _document(
    text: str,
    name: str,
    raw: str,
    source: Source,
    encoding: str,
    lang: str | None,
    rules: Rulebook,
    problems: list[Problem],
) -> Document | None:
    """The document, in the forced language, else the stated one, else the detected one."""
    chosen = lang or source.language or detect_language(text, rules)
    if chosen not in rules.languages:
        where = name if raw == STDIN or "#" in name else raw
        problems.append(Problem(where, f"no rules for language '{chosen}'; skipped"))
        return None
    return Document(
        name=name,
        path=raw,
        text=text,
        lang=chosen,
        published=source.published,
        outlet=source.outlet,
        encoding=encoding,
        url=source.url,
        title=source.title,
    )

"""Ingest: paths in, ``Document`` records and ``Problem`` lines out.

A bad file never stops the run: it becomes one ``Problem`` naming the file and what
was wrong, and the other files are still read. Offsets later refer to the decoded
text exactly as read (no newline translation), so highlights land on the figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from numcheck.ingest.decode import decode
from numcheck.ingest.language import detect_language
from numcheck.ingest.metadata import SOURCES_FILE, Source, read_sources
from numcheck.model import Document, Problem
from numcheck.rulebook import Rulebook, load_rules

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ""}
STDIN = "-"

__all__ = ["Ingest", "detect_language", "read_paths"]


@dataclass
class Ingest:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> bool:
        return any(p.fatal for p in self.problems)


def read_paths(
    paths: Iterable[str | Path],
    *,
    lang: str | None = None,
    rules: Rulebook | None = None,
    sources: str | Path | None = None,
    stdin: bytes | None = None,
) -> Ingest:
    """Read files, folders (recursively) and ``-`` (``stdin``) into documents."""
    rules = rules or load_rules()
    result = Ingest()
    metadata: dict[str, Source] = {}
    if sources is not None:
        metadata.update(read_sources(Path(sources), result.problems))
    for raw, path, name in _expand(paths, result.problems, metadata):
        data = stdin if raw == STDIN else None
        document = _read_one(raw, path, name, data, lang, rules, metadata, result.problems)
        if document is not None:
            result.documents.append(document)
    return result


def _expand(
    paths: Iterable[str | Path], problems: list[Problem], metadata: dict[str, Source]
) -> Iterator[tuple[str, Path | None, str]]:
    for item in paths:
        raw = str(item)
        if raw == STDIN:
            yield raw, None, "<stdin>"
            continue
        path = Path(raw)
        if path.is_dir():
            if (path / SOURCES_FILE).is_file():
                for key, value in read_sources(path / SOURCES_FILE, problems).items():
                    metadata.setdefault(key, value)
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.name != SOURCES_FILE
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                problems.append(Problem(raw, "folder holds no article files"))
            for file in files:
                yield str(file), file, file.relative_to(path).as_posix()
        elif path.is_file():
            if path.name == SOURCES_FILE:
                metadata.update(read_sources(path, problems))
                continue
            yield raw, path, path.name
        else:
            problems.append(Problem(raw, "no such file or folder"))


def _read_one(
    raw: str,
    path: Path | None,
    name: str,
    data: bytes | None,
    lang: str | None,
    rules: Rulebook,
    metadata: dict[str, Source],
    problems: list[Problem],
) -> Document | None:
    if path is not None:
        suffix = path.suffix.lower()
        if suffix not in ARTICLE_SUFFIXES and suffix not in (".html", ".htm"):
            problems.append(Problem(raw, f"not a text article ({suffix} file); skipped"))
            return None
        try:
            data = path.read_bytes()
        except OSError as err:
            problems.append(Problem(raw, f"cannot read: {err.strerror or err}"))
            return None
    decoded = decode(data or b"")
    where = name if raw == STDIN else raw  # "<stdin>: empty file" says more than "-: …"
    if decoded.problem is not None:
        problems.append(Problem(where, decoded.problem, fatal=decoded.text is None))
    if decoded.text is None:
        return None
    source = metadata.get(name) or metadata.get(Path(name).name) or Source()
    chosen = lang or source.language or detect_language(decoded.text, rules)
    if chosen not in rules.languages:
        problems.append(Problem(where, f"no rules for language '{chosen}'; skipped"))
        return None
    return Document(
        name=name,
        path=raw,
        text=decoded.text,
        lang=chosen,
        published=source.published,
        outlet=source.outlet,
        encoding=decoded.encoding,
    )

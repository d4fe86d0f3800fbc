"""The whole pipeline in one call: ingest → extract → group → compare.

Renderers and commands all start from the ``Report`` this returns, so every output
format shows the same records in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from numcheck.compare import compare
from numcheck.extract import extract_document
from numcheck.ingest import read_paths
from numcheck.model import Claim, Comparison, Document, Extraction, OtherMention, Problem
from numcheck.rulebook import Rulebook, load_rules

Progress = Callable[[Document], None]


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs, sorted once: documents by name, claims by place."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    others: tuple[OtherMention, ...]
    comparison: Comparison
    problems: tuple[Problem, ...]
    rules: Rulebook

    @property
    def skipped(self) -> bool:
        return any(p.fatal for p in self.problems)

    def claim(self, claim_id: str) -> Claim:
        return self._by_id()[claim_id]

    def document(self, name: str) -> Document:
        return next(d for d in self.documents if d.name == name)

    def _by_id(self) -> dict[str, Claim]:
        cache = self.__dict__.get("_claims_by_id")
        if cache is None:
            cache = {c.id: c for c in self.claims}
            object.__setattr__(self, "_claims_by_id", cache)
        return cache


def build_report(
    extractions: Iterable[Extraction], problems: Iterable[Problem], rules: Rulebook
) -> Report:
    done = sorted(extractions, key=lambda e: e.document.name)
    claims = tuple(c for e in done for c in e.claims)
    return Report(
        documents=tuple(e.document for e in done),
        claims=claims,
        others=tuple(o for e in done for o in e.others),
        comparison=compare(claims, rules),
        problems=tuple(problems),
        rules=rules,
    )


def run(
    paths: Iterable[str | Path],
    *,
    lang: str | None = None,
    rules: Rulebook | None = None,
    rules_dirs: Iterable[str | Path] = (),
    sources: str | Path | None = None,
    stdin: bytes | None = None,
    progress: Progress | None = None,
) -> Report:
    rules = rules or load_rules(rules_dirs)
    ingest = read_paths(paths, lang=lang, rules=rules, sources=sources, stdin=stdin)
    extractions = []
    for document in ingest.documents:
        extractions.append(extract_document(document, rules))
        if progress is not None:
            progress(document)
    return build_report(extractions, ingest.problems, rules)

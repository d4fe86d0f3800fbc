"""The gate: flags that involve a new article, judged against the corpus and each other.

The whole-corpus comparison keeps only the extreme pair of each subject (that is what
keeps it linear), so a new article's disagreement can hide behind an older, larger one
between two corpus articles. The gate therefore also judges each new article against
every other document of each subject it touches, pair by pair, with the same verdict
code: the fingerprints are the ones ``numcheck report`` gives for the same pair.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from numcheck.check.archive import gather
from numcheck.check.cache import ExtractionCache
from numcheck.check.fail_on import DEFAULT_VERDICTS, NEW, fails
from numcheck.check.ledger import Ledger, Review, stale
from numcheck.compare.periods import split_periods
from numcheck.compare.verdicts import judge
from numcheck.ingest import Options, read_paths
from numcheck.model import Claim, Extraction, Flag, Problem, Report, Subject, Verdict
from numcheck.pipeline import build_report
from numcheck.progress import Progress
from numcheck.rulebook import Rulebook


@dataclass(frozen=True, slots=True)
class CheckItem:
    """One flag as the gate reports it, located at the figure in the new article."""

    flag: Flag
    at: Claim  # the flag's first claim that belongs to a new article
    path: str  # that article's path as given
    others: tuple[Claim, ...]
    status: str  # "new", "baseline" or "reviewed"
    failing: bool
    review: Review | None = None


@dataclass(frozen=True)
class CheckResult:
    report: Report
    new: frozenset[str]  # document names of the new articles
    items: tuple[CheckItem, ...]
    stale: tuple[str, ...]
    fail_on: frozenset[Verdict]
    cache_hits: int = 0
    cache_misses: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step, for bench/

    @property
    def failed(self) -> bool:
        return any(i.failing for i in self.items)

    @property
    def flags(self) -> tuple[Flag, ...]:
        return tuple(i.flag for i in self.items)


def check(
    new: Sequence[str | Path],
    against: Sequence[str | Path],
    rules: Rulebook,
    *,
    ledger: Ledger,
    baseline: frozenset[str] = frozenset(),
    fail_on: frozenset[Verdict] = DEFAULT_VERDICTS,
    cache: ExtractionCache | None = None,
    stdin: bytes | BinaryIO | None = None,
    sources: str | Path | None = None,
    options: Options | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> CheckResult:
    """Check ``new`` against ``against`` (or against itself when ``against`` is empty)."""
    cache = cache or ExtractionCache(None, rules)
    gathered = gather(new, against, rules, cache, stdin=stdin, sources=sources,
                      options=options, jobs=jobs, progress=progress)
    report, new_names = gathered.report, gathered.new
    started = time.perf_counter()
    flags = gate_flags(report, frozenset(new_names))
    by_id = {c.id: c for c in report.claims}
    items = []
    for flag in flags:
        review = ledger.get(flag.fingerprint)
        if review is not None:
            flag = dataclasses.replace(flag, review=review.decision)
        claims = [by_id[i] for i in flag.claims]
        at = next(c for c in claims if c.doc in new_names)
        status = "reviewed" if review else "baseline" if flag.fingerprint in baseline else NEW
        items.append(CheckItem(
            flag=flag,
            at=at,
            path=report.document(at.doc).path,
            others=tuple(c for c in claims if c is not at),
            status=status,
            failing=fails(flag.verdict, status, fail_on),
            review=review,
        ))
    items.sort(key=lambda i: (i.path, i.at.line, i.at.col, i.flag.verdict.severity,
                              i.flag.fingerprint))
    gone = stale(ledger, [*report.comparison.flags, *flags])
    if gone:  # the other stories' flags are live too
        others = gathered.other_fingerprints()
        gone = [fp for fp in gone if fp not in others]
    gathered.timings["gate"] = time.perf_counter() - started
    return CheckResult(report, frozenset(new_names), tuple(items), tuple(gone), fail_on,
                       cache.hits, cache.misses, gathered.timings)


def gate_flags(report: Report, new: frozenset[str]) -> list[Flag]:
    """Every flag involving a claim of a new document, judged document pair by pair.

    Pairs, not the whole subject at once: a whole-subject flag names the claims of
    every document at odds, so its fingerprint would change whenever any corpus
    article changed, and a new conflict could hide behind an older, larger one.
    """
    by_id = {c.id: c for c in report.claims}
    found: dict[str, Flag] = {}
    for subject in report.comparison.subjects:
        members = [by_id[i] for i in subject.claims]
        mine = {c.doc for c in members} & new
        for doc in sorted(mine):
            own = [c for c in members if c.doc == doc]
            others = sorted({c.doc for c in members} - {doc})
            for other in [None, *others]:
                group = own + [c for c in members if c.doc == other]
                for flag in _judge(subject, group, report.rules):
                    if any(by_id[i].doc in new for i in flag.claims):
                        found.setdefault(flag.fingerprint, flag)
    return sorted(found.values(), key=lambda f: (f.verdict.severity, f.subject, f.claims))


def _judge(subject: Subject, members: list[Claim], rules: Rulebook) -> list[Flag]:
    periods = split_periods([c for c in members if not c.garbled], rules.settings)
    return judge(subject, members, periods, rules)


def known_fingerprints(
    paths: Sequence[str | Path], rules: Rulebook, *, cache: ExtractionCache | None = None,
    new: Sequence[str | Path] = (),
) -> tuple[frozenset[str], tuple[Problem, ...]]:
    """Every fingerprint ``report`` or ``check`` can show for these articles (whole-subject
    flags and document pairs), and the problems met reading them. ``new`` (among
    ``paths``) are the articles ``check`` would place into the others' stories."""
    cache = cache or ExtractionCache(None, rules)
    ingest = read_paths(paths, rules=rules)
    report = _extracted([cache.extract(d) for d in ingest.documents], ingest.problems, rules)
    every = frozenset(d.name for d in report.documents)
    flags = [*report.comparison.flags, *gate_flags(report, every)]
    corpus = [p for p in paths if p not in set(new)]
    if new and corpus:
        gathered = gather(new, corpus, rules, cache)
        flags += [*gathered.report.comparison.flags, *gate_flags(gathered.report, gathered.new)]
    return frozenset(f.fingerprint for f in flags), report.problems


def _extracted(
    outcomes: list[Extraction | Problem], problems: Iterable[Problem], rules: Rulebook
) -> Report:
    """The report over the extractions, a crashed extraction being one more problem."""
    return build_report(
        (o for o in outcomes if isinstance(o, Extraction)),
        [*problems, *(o for o in outcomes if isinstance(o, Problem))],
        rules,
    )

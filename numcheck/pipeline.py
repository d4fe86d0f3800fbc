"""The whole pipeline in one call: ingest → extract → stories → group → compare.

Each stage is called here, in that order, and only here: a stage never calls the next
one behind its caller's back. Renderers and commands all start from the ``Report``
(``numcheck.model``) this returns, so every output format shows the same records in
the same order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from numcheck.compare import compare
from numcheck.errors import NumcheckError
from numcheck.extract import extract_document
from numcheck.group.by_story import group_by_story
from numcheck.ingest import Options, iter_documents
from numcheck.isolation import crashed
from numcheck.model import Claim, Document, Extraction, OtherMention, Problem, Report
from numcheck.parallel import SMALL_CORPUS, ordered_map, plan_jobs
from numcheck.progress import Meter, Progress
from numcheck.rulebook import Rulebook, load_rules
from numcheck.stories import Features, Stories, features_of, find_stories, with_stories

__all__ = ["Report", "build_report", "extract_isolated", "run"]


def build_report(
    extractions: Iterable[Extraction],
    problems: Iterable[Problem],
    rules: Rulebook,
    *,
    features: dict[str, Features] | None = None,
    stories: Stories | None = None,
) -> Report:
    """Stories, then grouping and comparison within each story; ``features`` (by
    document name) spare reading the texts again, ``stories`` (found beforehand:
    ``check`` tracks new articles) spare finding them."""
    done = sorted(extractions, key=lambda e: e.document.name)
    documents = [e.document for e in done]
    found = stories if stories is not None else find_stories(
        documents, rules,
        features=[features[d.name] for d in documents] if features is not None
        else [features_of(e.document, rules, e.claims) for e in done],
    )
    claims = tuple(with_stories([c for e in done for c in e.claims], found.story_of))
    grouping = group_by_story(claims, rules)
    return Report(
        documents=tuple(documents),
        claims=claims,
        others=tuple(o for e in done for o in e.others),
        comparison=compare(claims, grouping, rules),
        problems=tuple(problems),
        rules=rules,
        stories=found.stories,
    )


def run(
    paths: Iterable[str | Path],
    *,
    lang: str | None = None,
    rules: Rulebook | None = None,
    rules_dirs: Iterable[str | Path] = (),
    sources: str | Path | None = None,
    stdin: bytes | BinaryIO | None = None,
    options: Options | None = None,
    progress: Progress | None = None,
    jobs: int | None = 1,
    keep_texts: bool = True,
) -> Report:
    """Read, extract, group and compare; the same ``Report`` whatever ``jobs`` is.

    ``jobs`` > 1 extracts documents in that many worker processes (extraction is
    per document and CPU-bound; grouping and comparison need every claim and stay
    here); ``None`` takes the CPUs available, or 1 for a small corpus. Results come
    back in input order, so the report is identical to ``jobs=1``. Documents are read
    as extraction needs them; ``keep_texts=False`` drops each article's text once it
    is extracted (``Report.documents`` then carry ``text=""``): memory then holds the
    claims, not the corpus, however large the input.
    """
    rules = rules or load_rules(rules_dirs)
    meter = Meter()
    problems: list[Problem] = []
    documents = iter_documents(paths, problems=problems, lang=lang, rules=rules,
                               sources=sources, stdin=stdin, options=options, meter=meter)
    extractions: list[Extraction] = []
    features: dict[str, Features] = {}
    meter.stage = "extracting"
    for extraction in _extract_all(documents, rules, jobs):
        if isinstance(extraction, Problem):
            problems.append(extraction)
            continue
        features[extraction.document.name] = features_of(extraction.document, rules,
                                                         extraction.claims)
        if not keep_texts:
            extraction = replace(extraction, document=replace(extraction.document, text=""))
        extractions.append(extraction)
        meter.documents += 1
        if progress is not None:
            progress(meter)
    meter.stage = "comparing"
    if progress is not None:
        progress(meter)
    return build_report(extractions, problems, rules, features=features)


def _extract_all(
    documents: Iterable[Document], rules: Rulebook, jobs: int | None
) -> Iterator[Extraction | Problem]:
    """Extractions in document order, in this process or streamed back from a pool; a
    document whose extraction crashes comes back as the ``Problem`` saying so.

    Only the first documents are counted before deciding (``plan_jobs``): the input
    may be a stream.
    """
    source = iter(documents)
    head = list(itertools.islice(source, SMALL_CORPUS)) if jobs != 1 else []
    jobs = plan_jobs(jobs, len(head))
    if jobs <= 1:
        for document in itertools.chain(head, source):
            yield extract_isolated(document, rules)
        return
    # Workers get the rulebook once, then documents in chunks: per-task pickling of
    # the rules would cost more than extracting a short article.
    found = ordered_map(_extract_in_worker, itertools.chain(head, source), jobs,
                        initializer=_init_worker, initargs=(rules,))
    for document, outcome in found:
        if isinstance(outcome, str):
            yield Problem(document.path, outcome)
        else:
            yield Extraction(document, *outcome)  # the text is not sent back


_WORKER_RULES: list[Rulebook] = []


def _init_worker(rules: Rulebook) -> None:
    _WORKER_RULES[:] = [rules]


def extract_isolated(document: Document, rules: Rulebook) -> Extraction | Problem:
    try:
        return extract_document(document, rules)
    except NumcheckError:
        raise
    except Exception as err:  # one article's bug must not cost the others their report
        return crashed(document.path, "extraction", err)


def _extract_in_worker(
    document: Document,
) -> tuple[tuple[Claim, ...], tuple[OtherMention, ...]] | str:
    """Claims and others, or the problem's message (a Problem pickles, but a message
    is all the parent needs)."""
    outcome = extract_isolated(document, _WORKER_RULES[0])
    if isinstance(outcome, Problem):
        return outcome.message
    return outcome.claims, outcome.others

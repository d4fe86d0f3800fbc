"""A report still renders when one document makes a renderer crash.

The per-document guard for rendering (see ``numcheck.isolation`` for reading and
extraction): the documents that make a format crash are left out, one ``Problem``
each, and the rest is rendered.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from numcheck.errors import NumcheckError
from numcheck.isolation import crashed
from numcheck.model import Comparison, Problem, Report
from numcheck.render.registry import render


def render_isolated(
    family: str, name: str, report: Report, **options: Any
) -> tuple[str | bytes, tuple[Problem, ...]]:
    """Render the report; if that crashes, find the documents that make it crash, leave
    them out (one problem each, returned and shown in the output) and render the rest."""
    try:
        return render(family, name, report, **options), ()
    except NumcheckError:
        raise
    except Exception as err:
        culprits: dict[str, BaseException] = {}
        for document in report.documents:
            try:
                render(family, name, restrict(report, {document.name}), **options)
            except Exception as own:
                culprits[document.name] = own
        if not culprits:
            raise err from None  # not one document's fault: the CLI's guard reports it
    kept = {d.name for d in report.documents} - set(culprits)
    reduced = restrict(report, kept)
    problems = [crashed(report.document(n).path, f"rendering {name}", e)
                for n, e in sorted(culprits.items())]
    reduced = dataclasses.replace(reduced, problems=(*reduced.problems, *problems))
    return render(family, name, reduced, **options), tuple(problems)


def restrict(report: Report, keep: set[str]) -> Report:
    """The report as if only the documents named in ``keep`` had been read; flags and
    subjects touching another document's claims are dropped or trimmed."""
    claims = tuple(c for c in report.claims if c.doc in keep)
    ids = {c.id for c in claims}
    subjects = tuple(
        dataclasses.replace(s, claims=tuple(i for i in s.claims if i in ids))
        for s in report.comparison.subjects
        if any(i in ids for i in s.claims)
    )
    flags = tuple(f for f in report.comparison.flags if all(i in ids for i in f.claims))
    subject_of = {k: v for k, v in report.comparison.subject_of.items() if k in ids}
    return dataclasses.replace(
        report,
        documents=tuple(d for d in report.documents if d.name in keep),
        claims=claims,
        others=tuple(o for o in report.others if o.doc in keep),
        comparison=Comparison(subjects, flags, subject_of),
    )

"""The report as data: JSON (the comparison contract), CSV, and schema.org ClaimReview."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from numcheck.model import Flag, Report, Side, Story, Verdict
from numcheck.render.csv_cells import csv_text
from numcheck.render.explain import ClaimOf, explain
from numcheck.render.registry import renderer
from numcheck.render.words import Words, report_words
from numcheck.table import COLUMNS, claim_record


def _side(side: Side | None) -> dict[str, Any] | None:
    if side is None:
        return None
    period = str(side.period) if side.period else None
    return {"claims": list(side.claims), "period": period, "source": side.source,
            "source_kind": side.source_kind}


def flag_record(flag: Flag, claim_of: ClaimOf, words: Words) -> dict[str, Any]:
    return {
        "subject": flag.subject,
        "label": flag.label_in(words.lang),
        "claims": list(flag.claims),
        "verdict": flag.verdict.value,
        "rule": flag.rule,
        "ratio": flag.ratio,
        "pair": list(flag.pair),
        "high": _side(flag.high),
        "low": _side(flag.low),
        "whole": list(flag.whole),
        "estimates": [_side(s) for s in flag.estimates],
        "explanation": explain(flag, claim_of, words),
        "fingerprint": flag.fingerprint,
        "review": flag.review,
    }


def story_record(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "documents": list(story.documents),
        "first": story.first.isoformat() if story.first else None,
        "last": story.last.isoformat() if story.last else None,
    }


@renderer("report", "json")
def as_json(report: Report, **options: object) -> str:
    """Data, plus each flag's ``explanation`` in the report's language (``lang`` option)."""
    words = report_words(report, options)
    subject_of = report.comparison.subject_of
    data = {
        "documents": [
            {
                "name": d.name,
                "path": d.path,
                "url": d.url,
                "title": d.title,
                "outlet": d.outlet,
                "published": d.published.isoformat() if d.published else None,
                "lang": d.lang,
            }
            for d in report.documents
        ],
        "claims": [claim_record(c, subject_of.get(c.id)) for c in report.claims],
        "flags": [flag_record(f, report.claim, words) for f in report.comparison.flags],
        "subjects": [
            {
                "key": s.key,
                "label": s.label_in(words.lang),
                "claims": list(s.claims),
                "found_by": list(s.found_by),
                "facets": dict(s.facets),
                "part_of": list(s.part_of),
                "story": s.story,
            }
            for s in report.comparison.subjects
        ],
        "parts": dict(sorted(report.comparison.part_of.items())),
        "stories": [story_record(s) for s in report.stories],
        "others": [
            {
                "doc": o.doc,
                "start": o.start,
                "end": o.end,
                "surface": o.surface,
                "reason": o.reason,
                "found_by": list(o.found_by),
            }
            for o in report.others
        ],
        "problems": [
            {"path": p.path, "message": p.message, "skipped": p.fatal} for p in report.problems
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@renderer("report", "csv")
def as_csv(report: Report, **options: object) -> str:
    """One row per claim, with its subject's label (in the report's language) and the
    worst verdict it takes part in."""
    lang = report_words(report, options).lang
    worst: dict[str, Verdict] = {}
    for flag in report.comparison.flags:
        for cid in flag.claims:
            if cid not in worst or flag.verdict.severity < worst[cid].severity:
                worst[cid] = flag.verdict
    labels = {s.key: s.label_in(lang) for s in report.comparison.subjects}
    subject_of = report.comparison.subject_of
    rows = []
    for c in report.claims:
        record = claim_record(c, subject_of.get(c.id), flat=True)
        verdict = worst.get(c.id)
        rows.append([
            *(record[k] for k in COLUMNS),
            labels.get(subject_of.get(c.id, ""), ""),
            verdict.value if verdict else Verdict.CONSISTENT.value,
        ])
    return csv_text([*COLUMNS, "subject_label", "verdict"], rows)


@renderer("report", "claimreview")
def as_claimreview(report: Report, **options: object) -> str:
    """schema.org ClaimReview JSON-LD, one item per flagged subject, its prose in the
    report's language (``inLanguage``)."""
    words = report_words(report, options)
    by_subject: dict[str, list[Flag]] = defaultdict(list)
    for flag in report.comparison.flags:
        by_subject[flag.subject].append(flag)
    items = []
    for key in sorted(
        by_subject, key=lambda k: (min(f.verdict.severity for f in by_subject[k]), k)
    ):
        flags = sorted(by_subject[key], key=lambda f: f.verdict.severity)
        worst = flags[0]
        claims = [report.claim(cid) for f in flags for cid in f.claims]
        seen: dict[str, Any] = {}
        for c in claims:
            seen.setdefault(c.id, c)
        items.append(
            {
                "@type": "ClaimReview",
                "claimReviewed": f"{worst.label_in(words.lang)}: "
                + "; ".join(
                    words.figure_counted(c) for c in seen.values()
                ),
                "itemReviewed": {
                    "@type": "Claim",
                    "appearance": [
                        {
                            "@type": "CreativeWork",
                            "name": report.document(c.doc).title or c.doc,
                            **({"url": url} if (url := report.document(c.doc).url) else {}),
                            **({"datePublished": c.published.isoformat()} if c.published else {}),
                            **(
                                {"publisher": {"@type": "Organization", "name": c.outlet}}
                                if c.outlet
                                else {}
                            ),
                        }
                        for c in seen.values()
                    ],
                },
                "reviewRating": {
                    "@type": "Rating",
                    "alternateName": worst.verdict.value,
                    "ratingExplanation": explain(worst, report.claim, words),
                },
                "author": {"@type": "Organization", "name": "numcheck"},
                "inLanguage": words.lang,
                "identifier": worst.fingerprint,
            }
        )
    return (
        json.dumps(
            {"@context": "https://schema.org", "@graph": items}, ensure_ascii=False, indent=2
        )
        + "\n"
    )

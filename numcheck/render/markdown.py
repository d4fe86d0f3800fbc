"""The markdown discrepancy report: an editor's ten-second read, then the evidence.

Order: summary → stories → flagged subjects (most serious first) → garbled figures →
appendix with every claim by subject → numbers that are not claims → input problems.
Every cell is escaped, so whatever the article holds, the table stays a table.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from tabulate import tabulate

from numcheck.model import Claim, Flag, Report, Story, Subject, Verdict
from numcheck.render.explain import explain
from numcheck.render.registry import renderer
from numcheck.wording import figure_text, interval_text, number

VERDICT_NAMES = {
    Verdict.CONFLICT: "conflict",
    Verdict.SELF_CONTRADICTION: "self-contradiction",
    Verdict.DIVERGENT: "divergent",
    Verdict.DISPUTED: "disputed",
    Verdict.UNVERIFIABLE: "unverifiable (garbled)",
    Verdict.DIFFERENT_PERIOD: "different period",
    Verdict.CONSISTENT: "consistent",
}
QUOTE_CONTEXT = 140
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Markdown-inert text for a table cell or a line: no markup, no row breaks."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def quote(claim: Claim, context: int = QUOTE_CONTEXT) -> str:
    """The claim's sentence, trimmed around the figure, with the figure in bold."""
    rel_start = claim.start - claim.sentence_start
    rel_end = claim.end - claim.sentence_start
    s = claim.sentence
    left = max(0, rel_start - context)
    right = min(len(s), rel_end + context)
    # cut at word boundaries so no word is shown half
    while 0 < left < rel_start and not s[left - 1].isspace():
        left += 1
    while rel_end < right < len(s) and not s[right].isspace():
        right -= 1
    before = ("…" if left else "") + escape(s[left:rel_start])
    after = escape(s[rel_end:right]) + ("…" if right < len(s) else "")
    space_before = " " if s[left:rel_start][-1:].isspace() else ""
    space_after = " " if s[rel_end:right][:1].isspace() else ""
    return f"{before}{space_before}**{escape(claim.surface)}**{space_after}{after}".strip()


def _source(claim: Claim) -> str:
    return escape(claim.outlet or claim.doc)


def _cell(value: str | None) -> str:
    return escape(value) if value else "—"


def _as_written(claim: Claim) -> str:
    words = f"{claim.hedge_text} " if claim.hedge_text and claim.hedge.value != "vague" else ""
    counted = f" {claim.counted}" if claim.counted else ""
    return escape(f"{words}{claim.surface}{counted}")


def _interval(claim: Claim) -> str:
    if claim.garbled:
        return "unknown (garbled)"
    return escape(interval_text(claim.low, claim.high, claim.low_open, claim.high_open, claim.lang))


def _table(rows: list[list[str]], headers: Sequence[str]) -> str:
    return str(tabulate(rows, headers=list(headers), tablefmt="pipe", disable_numparse=True))


def _summary(report: Report, flags: Sequence[Flag]) -> list[str]:
    counts = Counter(f.verdict for f in flags)
    parts = [f"{counts[v]} {VERDICT_NAMES[v]}" for v in Verdict if counts[v]]
    subjects = [s for s in report.comparison.subjects if not s.alone]
    lines = [
        f"**{len(report.documents)} articles · {len(report.stories)} stories · "
        f"{len(report.claims)} claims · {len(subjects)} subjects · "
        f"flags: {', '.join(parts) if parts else 'none'}**",
        "",
    ]
    raised = [f for f in flags if f.verdict.raised]
    if raised:
        lines.append("Most serious first:")
        lines.append("")
        for f in raised:
            review = f" — reviewed: {escape(f.review)}" if f.review else ""
            lines.append(
                f"- **{VERDICT_NAMES[f.verdict]}** `{f.rule}` — {escape(f.label)}: "
                f"{escape(explain(f, report.claim))}{review}"
            )
    else:
        lines.append("No source contradicts another on the same subject and period.")
    disputed = [f for f in flags if f.verdict is Verdict.DISPUTED]
    if disputed:
        lines += ["", "Estimates that named sources dispute (not errors):", ""]
        lines += [f"- **{VERDICT_NAMES[f.verdict]}** `{f.rule}` — {escape(f.label)}: "
                  f"{escape(explain(f, report.claim))}" for f in disputed]
    lines.append("")
    return lines


def _flagged_subjects(report: Report, flags: Sequence[Flag]) -> list[tuple[Subject, list[Flag]]]:
    by_subject: dict[str, list[Flag]] = defaultdict(list)
    for f in flags:
        if f.verdict is not Verdict.UNVERIFIABLE:
            by_subject[f.subject].append(f)
    subjects = {s.key: s for s in report.comparison.subjects}
    ordered = sorted(by_subject, key=lambda k: (min(f.verdict.severity for f in by_subject[k]), k))
    return [(subjects[k], by_subject[k]) for k in ordered]


def _subject_section(report: Report, n: int, subject: Subject, flags: Sequence[Flag]) -> list[str]:
    worst = min(flags, key=lambda f: f.verdict.severity)
    lines = [
        f"### {n}. {escape(subject.label)} — {VERDICT_NAMES[worst.verdict]}",
        "",
        f"Subject key: `{subject.key}`",
        "",
        *_story_line(report, subject.story),
    ]
    if subject.part_of:
        wholes = ", ".join(f"`{k}`" for k in subject.part_of)
        lines += [f"A part of: {wholes} (a breakdown, never compared with its whole).", ""]
    rows = []
    for cid in subject.claims:
        c = report.claim(cid)
        rows.append(
            [
                _source(c),
                c.published.isoformat() if c.published else "—",
                _as_written(c),
                _interval(c),
                _cell(c.attribution),
                quote(c),
            ]
        )
    lines.append(
        _table(rows, ["source", "published", "as written", "interval", "who says", "sentence"])
    )
    lines.append("")
    for f in flags:
        ratio = f" (×{f.ratio:.2f})" if f.ratio else ""
        review = f" Reviewed: **{escape(f.review)}**." if f.review else ""
        lines.append(
            f"**Verdict: {VERDICT_NAMES[f.verdict]}** `{f.rule}`{ratio} — "
            f"{escape(explain(f, report.claim))}{review}"
        )
        lines.append("")
    return lines


def story_dates(story: Story) -> str:
    if story.first is None or story.last is None:
        return "undated"
    if story.first == story.last:
        return story.first.isoformat()
    return f"{story.first.isoformat()} – {story.last.isoformat()}"


def _story_line(report: Report, story_id: str | None) -> list[str]:
    story = report.story(story_id)
    if story is None:
        return []
    return [f"Story: *{escape(story.title)}* (`{story.id}`, {story_dates(story)}, "
            f"{len(story.documents)} article{'s' if len(story.documents) > 1 else ''})", ""]


def _stories_section(report: Report, flags: Sequence[Flag]) -> list[str]:
    if not report.stories:
        return []
    raised: Counter[str] = Counter()
    subjects = {s.key: s.story for s in report.comparison.subjects}
    for f in flags:
        if f.verdict.raised:
            raised[subjects.get(f.subject) or ""] += 1
    rows = [
        [f"`{s.id}`", escape(s.title), ", ".join(escape(d) for d in s.documents),
         story_dates(s), str(raised[s.id])]
        for s in report.stories
    ]
    return [
        "## Stories",
        "",
        "Articles about the same event; figures are compared only within a story.",
        "",
        _table(rows, ["story", "title", "articles", "published", "raised flags"]),
        "",
    ]


def _garbled_section(report: Report) -> list[str]:
    garbled = [c for c in report.claims if c.garbled]
    if not garbled:
        return []
    lines = [
        "## Garbled figures",
        "",
        "Figures mangled in translation. They are never compared; a candidate reading is "
        "shown where one is defensible, and it is **a guess, not a fact**.",
        "",
    ]
    for c in garbled:
        guess = (
            f" Candidate reading: {number(c.candidate, c.lang)} — *a guess*."
            if c.candidate is not None
            else " No reading can be defended."
        )
        lines.append(
            f"- **{escape(c.surface)}** in {_source(c)}, line {c.line}: «{quote(c)}» — "
            f"{escape(c.garble_reason or 'garbled')}.{guess}"
        )
    lines.append("")
    return lines


def _appendix(report: Report) -> list[str]:
    lines = ["## Appendix: every claim by subject", ""]
    claims_alone = []
    for subject in report.comparison.subjects:
        members = [report.claim(i) for i in subject.claims]
        if subject.alone:
            claims_alone.extend(members)
            continue
        lines += [f"### {escape(subject.label)}", "", f"`{subject.key}`", ""]
        lines.append(_claims_table(members))
        lines.append("")
    if claims_alone:
        lines += [
            "### Claims with no nameable subject",
            "",
            "These count nothing a rule or the fallback can name, so they are not compared.",
            "",
            _claims_table(claims_alone),
            "",
        ]
    return lines


def _claims_table(claims: Iterable[Claim]) -> str:
    rows = [
        [
            _source(c),
            str(c.line),
            _as_written(c),
            "garbled" if c.garbled else escape(figure_text(c)),
            _interval(c),
            _cell(c.attribution),
            _cell(c.time_scope),
        ]
        for c in claims
    ]
    return _table(
        rows, ["source", "line", "as written", "reads as", "interval", "who says", "when"]
    )


def _others(report: Report) -> list[str]:
    if not report.others:
        return []
    counts = Counter(o.reason for o in report.others)
    listed = ", ".join(f"{n} {reason}" for reason, n in sorted(counts.items()))
    rows = [
        [escape(o.doc), str(o.line), escape(o.surface), escape(o.reason)] for o in report.others
    ]
    return [
        "## Numbers that are not claims",
        "",
        f"{len(report.others)} in all: {listed}.",
        "",
        "<details><summary>List</summary>",
        "",
        _table(rows, ["source", "line", "number", "why"]),
        "",
        "</details>",
        "",
    ]


def _problems(report: Report) -> list[str]:
    if not report.problems:
        return []
    return [
        "## Input problems",
        "",
        *[f"- {'skipped' if p.fatal else 'warning'}: {escape(str(p))}" for p in report.problems],
        "",
    ]


@renderer("report", "markdown")
def render_markdown(report: Report, **_: object) -> str:
    flags = report.comparison.flags
    lines = ["# numcheck discrepancy report", ""]
    lines += _summary(report, flags)
    lines += _stories_section(report, flags)
    flagged = _flagged_subjects(report, flags)
    if flagged:
        lines += ["## Flagged subjects", ""]
        for n, (subject, subject_flags) in enumerate(flagged, 1):
            lines += _subject_section(report, n, subject, subject_flags)
    lines += _garbled_section(report)
    lines += _appendix(report)
    lines += _others(report)
    lines += _problems(report)
    return "\n".join(lines).rstrip() + "\n"

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
from numcheck.render.words import Words, report_words

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


def _cell(value: str | None, w: Words) -> str:
    return escape(value) if value else w("cell.none")


def _as_written(claim: Claim) -> str:
    words = f"{claim.hedge_text} " if claim.hedge_text and claim.hedge.value != "vague" else ""
    counted = f" {claim.counted}" if claim.counted else ""
    return escape(f"{words}{claim.surface}{counted}")


def _interval(claim: Claim, w: Words) -> str:
    if claim.garbled:
        return w("cell.unknown_garbled")
    return escape(w.claim_interval(claim))


def _table(rows: list[list[str]], headers: Sequence[str], w: Words) -> str:
    named = [w(f"column.{h}") for h in headers]
    return str(tabulate(rows, headers=named, tablefmt="pipe", disable_numparse=True))


class _Md:
    """One report being written: its words, and the sentence of each flag."""

    def __init__(self, report: Report, w: Words) -> None:
        self.report, self.w = report, w

    def explain(self, flag: Flag) -> str:
        return escape(explain(flag, self.report.claim, self.w))

    def item(self, flag: Flag, review: str = "") -> str:
        return self.w("markdown.flag_item", verdict=self.w.verdict(flag.verdict), rule=flag.rule,
                      label=escape(flag.label_in(self.w.lang)), explanation=self.explain(flag),
                      review=review)


def _summary(md: _Md, flags: Sequence[Flag]) -> list[str]:
    report, w = md.report, md.w
    counts = Counter(f.verdict for f in flags)
    parts = [w("markdown.flag_count", n=w.number(counts[v]), verdict=w.verdict(v))
             for v in Verdict if counts[v]]
    subjects = [s for s in report.comparison.subjects if not s.alone]
    lines = [
        w("markdown.summary", articles=w.count("articles", len(report.documents)),
          stories=w.count("stories", len(report.stories)),
          claims=w.count("claims", len(report.claims)),
          subjects=w.count("subjects", len(subjects)),
          flags=", ".join(parts) if parts else w("markdown.no_flags")),
        "",
    ]
    raised = [f for f in flags if f.verdict.raised]
    if raised:
        lines.append(w("markdown.serious_first"))
        lines.append("")
        for f in raised:
            review = (w("markdown.reviewed_inline", decision=escape(w.decision(f.review)))
                      if f.review else "")
            lines.append(md.item(f, review))
    else:
        lines.append(w("markdown.no_conflict"))
    disputed = [f for f in flags if f.verdict is Verdict.DISPUTED]
    if disputed:
        lines += ["", w("markdown.disputed_intro"), ""]
        lines += [md.item(f) for f in disputed]
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


def _subject_section(md: _Md, n: int, subject: Subject, flags: Sequence[Flag]) -> list[str]:
    report, w = md.report, md.w
    worst = min(flags, key=lambda f: f.verdict.severity)
    lines = [
        f"### {n}. {escape(subject.label_in(w.lang))} — {w.verdict(worst.verdict)}",
        "",
        w("markdown.subject_key", key=subject.key),
        "",
        *_story_line(report, subject.story, w),
    ]
    if subject.part_of:
        wholes = ", ".join(f"`{k}`" for k in subject.part_of)
        lines += [w("markdown.part_of", wholes=wholes), ""]
    rows = []
    for cid in subject.claims:
        c = report.claim(cid)
        rows.append(
            [
                _source(c),
                w.date(c.published) if c.published else w("cell.none"),
                _as_written(c),
                _interval(c, w),
                _cell(c.attribution, w),
                quote(c),
            ]
        )
    lines.append(_table(rows, ["source", "published", "as_written", "interval", "who_says",
                               "sentence"], w))
    lines.append("")
    for f in flags:
        ratio = w("markdown.ratio", ratio=w.ratio(f.ratio)) if f.ratio else ""
        review = w("markdown.reviewed", decision=escape(w.decision(f.review))) if f.review else ""
        lines.append(w("markdown.verdict_line", verdict=w.verdict(f.verdict), rule=f.rule,
                       ratio=ratio, explanation=md.explain(f), review=review))
        lines.append("")
    return lines


def story_dates(story: Story, w: Words) -> str:
    if story.first is None or story.last is None:
        return w("cell.undated")
    if story.first == story.last:
        return w.date(story.first)
    return f"{w.date(story.first)} – {w.date(story.last)}"


def _story_line(report: Report, story_id: str | None, w: Words) -> list[str]:
    story = report.story(story_id)
    if story is None:
        return []
    return [w("markdown.story_line", title=escape(story.title), id=story.id,
              dates=story_dates(story, w), articles=w.count("articles", len(story.documents))),
            ""]


def _stories_section(report: Report, flags: Sequence[Flag], w: Words) -> list[str]:
    if not report.stories:
        return []
    raised: Counter[str] = Counter()
    subjects = {s.key: s.story for s in report.comparison.subjects}
    for f in flags:
        if f.verdict.raised:
            raised[subjects.get(f.subject) or ""] += 1
    rows = [
        [f"`{s.id}`", escape(s.title), ", ".join(escape(d) for d in s.documents),
         story_dates(s, w), w.number(raised[s.id])]
        for s in report.stories
    ]
    return [
        f"## {w('markdown.stories')}",
        "",
        w("markdown.stories_intro"),
        "",
        _table(rows, ["story", "title", "articles", "published", "raised_flags"], w),
        "",
    ]


def _garbled_section(report: Report, w: Words) -> list[str]:
    garbled = [c for c in report.claims if c.garbled]
    if not garbled:
        return []
    lines = [f"## {w('markdown.garbled')}", "", w("markdown.garbled_intro"), ""]
    for c in garbled:
        guess = (w("markdown.candidate", guess=w.guess(c)) if c.candidate is not None
                 else w("markdown.no_candidate"))
        lines.append(w("markdown.garbled_item", surface=escape(c.surface), source=_source(c),
                       line=c.line, quote=quote(c), reason=escape(w.garble_reason(c)),
                       guess=guess))
    lines.append("")
    return lines


def _appendix(report: Report, w: Words) -> list[str]:
    lines = [f"## {w('markdown.appendix')}", ""]
    claims_alone = []
    for subject in report.comparison.subjects:
        members = [report.claim(i) for i in subject.claims]
        if subject.alone:
            claims_alone.extend(members)
            continue
        lines += [f"### {escape(subject.label_in(w.lang))}", "", f"`{subject.key}`", ""]
        lines.append(_claims_table(members, w))
        lines.append("")
    if claims_alone:
        lines += [
            f"### {w('markdown.alone')}",
            "",
            w("markdown.alone_intro"),
            "",
            _claims_table(claims_alone, w),
            "",
        ]
    return lines


def _claims_table(claims: Iterable[Claim], w: Words) -> str:
    rows = [
        [
            _source(c),
            str(c.line),
            _as_written(c),
            w("cell.garbled") if c.garbled else escape(w.figure(c)),
            _interval(c, w),
            _cell(c.attribution, w),
            _cell(c.time_scope, w),
        ]
        for c in claims
    ]
    return _table(rows, ["source", "line", "as_written", "reads_as", "interval", "who_says",
                         "when"], w)


def _others(report: Report, w: Words) -> list[str]:
    if not report.others:
        return []
    counts = Counter(w(f"reason.{o.reason}") for o in report.others)
    listed = ", ".join(f"{w.number(n)} {reason}" for reason, n in sorted(counts.items()))
    rows = [
        # line and column: a line may hold the same word several times ("one … one")
        [escape(o.doc), f"{o.line}:{o.col}", escape(o.surface), escape(w(f"reason.{o.reason}"))]
        for o in report.others
    ]
    return [
        f"## {w('markdown.others')}",
        "",
        w("markdown.others_count", n=w.number(len(report.others)), listed=listed),
        "",
        f"<details><summary>{w('markdown.list')}</summary>",
        "",
        _table(rows, ["source", "position", "number", "why"], w),
        "",
        "</details>",
        "",
    ]


def _problems(report: Report, w: Words) -> list[str]:
    if not report.problems:
        return []
    return [
        f"## {w('markdown.problems')}",
        "",
        *[w("markdown.skipped" if p.fatal else "markdown.warning", problem=escape(str(p)))
          for p in report.problems],
        "",
    ]


@renderer("report", "markdown")
def render_markdown(report: Report, **options: object) -> str:
    """``lang`` (an option) picks the report's language; else the corpus's majority."""
    w = report_words(report, options)
    md = _Md(report, w)
    flags = report.comparison.flags
    lines = [f"# {w('markdown.title')}", ""]
    lines += _summary(md, flags)
    lines += _stories_section(report, flags, w)
    flagged = _flagged_subjects(report, flags)
    if flagged:
        lines += [f"## {w('markdown.flagged')}", ""]
        for n, (subject, subject_flags) in enumerate(flagged, 1):
            lines += _subject_section(md, n, subject, subject_flags)
    lines += _garbled_section(report, w)
    lines += _appendix(report, w)
    lines += _others(report, w)
    lines += _problems(report, w)
    return "\n".join(lines).rstrip() + "\n"

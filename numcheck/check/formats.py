"""Output formats of ``numcheck check``: text, github, sarif and json.

Each renders a ``numcheck.check.CheckResult``; locations point at the figure in the new
article (1-based line and column), the place an editor would fix.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from numcheck.check.gate import CheckItem, CheckResult
from numcheck.model import RULE_IDS, Story
from numcheck.render.explain import explain
from numcheck.render.registry import formats, render, renderer
from numcheck.render.words import Words, report_words

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class _Out:
    """One output being written: its words (``lang`` option, else the corpus's) and the
    stories by id, built once so naming each flag's story costs no scan of all stories."""

    def __init__(self, result: CheckResult, options: dict[str, Any]) -> None:
        self.result = result
        self.w: Words = report_words(result.report, options)
        self.stories = {s.id: s for s in result.report.stories}

    def story(self, item: CheckItem) -> Story | None:
        return self.stories.get(item.at.story or "")

    def story_text(self, item: CheckItem) -> str:
        story = self.story(item)
        if story is None:
            return ""
        return self.w("check.story", id=story.id, title=" ".join(story.title.split()))

    def explain(self, item: CheckItem) -> str:
        return explain(item.flag, self.result.report.claim, self.w)

    def status(self, item: CheckItem) -> str:
        if item.review is not None:
            return self.w("check.reviewed", decision=self.w.decision(item.review.decision))
        if item.status == "baseline":
            return self.w("check.baseline")
        return ""


@renderer("check", "text")
def text(result: CheckResult, **options: Any) -> str:
    out = _Out(result, options)
    w = out.w
    lines = [
        f"{i.path}:{i.at.line}:{i.at.col}: {w.verdict(i.flag.verdict)}: {out.explain(i)}"
        f"{out.story_text(i)} ({i.flag.fingerprint}){out.status(i)}"
        for i in result.items
    ]
    failing = sum(i.failing for i in result.items)
    lines.append(w("check.total", flags=w.count("flags", len(result.items)),
                   articles=w.count("new_articles", len(result.new)),
                   failing=w.number(failing)))
    return "\n".join(lines) + "\n"


def escape_data(value: str) -> str:
    """GitHub workflow-command message escaping."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """GitHub workflow-command property escaping (also ':' and ',')."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


@renderer("check", "github")
def github(result: CheckResult, **options: Any) -> str:
    lines = []
    out = _Out(result, options)
    w = out.w
    for i in result.items:
        level = "error" if i.failing else "warning" if i.status == "new" else "notice"
        title = w("check.title", verdict=w.verdict(i.flag.verdict), rule=i.flag.rule)
        props = ",".join(
            f"{k}={escape_property(v)}"
            for k, v in (("file", i.path), ("line", str(i.at.line)), ("col", str(i.at.col)),
                         ("title", title))
        )
        message = (f"{out.explain(i)}{out.story_text(i)}\n"
                   f"{w('check.fingerprint', fingerprint=i.flag.fingerprint)}{out.status(i)}")
        lines.append(f"::{level} {props}::{escape_data(message)}")
    for fp in result.stale:
        message = escape_data(w("check.stale", fingerprint=fp))
        title = escape_property(w("check.stale_title"))
        lines.append(f"::warning title={title}::{message}")
    return "\n".join(lines) + ("\n" if lines else "")


SUMMARY_LIMIT = 1024 * 1024  # bytes: GitHub drops a larger job summary whole, flags and all


def summary_markdown(result: CheckResult, *, budget: int = SUMMARY_LIMIT,
                     **options: Any) -> str:
    """For $GITHUB_STEP_SUMMARY: every flag the gate raised, the stale entries, then the
    full markdown report — within ``budget`` bytes, since GitHub shows nothing at all
    of a summary over 1 MiB. Rows come first; what does not fit is counted, not lost
    silently (the annotations and ``--format json`` still hold every flag)."""
    out = _Out(result, options)
    w = out.w
    heads = " | ".join(w(f"column.{h}") for h in ("where", "verdict", "status", "explanation",
                                                   "fingerprint"))
    lines = [f"## {w('check.summary_title')}", "", f"| {heads} |",
             "| --- | --- | --- | --- | --- |"]
    rows = []
    for i in result.items:
        status = w("check.failing") if i.failing else (
            w.decision(i.review.decision) if i.review else w(f"check.status.{i.status}"))
        cell = out.explain(i).replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{i.path}:{i.at.line}:{i.at.col}` | {w.verdict(i.flag.verdict)} "
                    f"| {status} | {cell} | `{i.flag.fingerprint}` |")
    if not result.items:
        rows.append(f"| | | | {w('check.no_flags')} | |")
    stale = [w("check.stale_item", fingerprint=fp) for fp in result.stale]
    room = budget - _size(lines) - 1024  # kept for the line saying what was left out
    kept = _fitting(rows, room)
    lines += kept
    if len(kept) < len(rows):
        lines += ["", w("check.summary_cut", shown=w.number(len(kept)),
                        total=w.number(len(rows)))]
    lines += _fitting(stale, budget - _size(lines) - 1024)
    body = "\n".join(lines) + "\n"
    if "markdown" in formats("report"):
        full = render("report", "markdown", result.report, lang=w.lang)
        if isinstance(full, str):
            if len(body.encode()) + len(full.encode()) + 1 <= budget:
                body += "\n" + full
            else:
                body += "\n" + w("check.summary_report_cut") + "\n"
    return body


def _size(lines: list[str]) -> int:
    return sum(len(line.encode()) + 1 for line in lines)


def _fitting(lines: list[str], room: int) -> list[str]:
    """The first lines that fit in ``room`` bytes."""
    kept = []
    for line in lines:
        room -= len(line.encode()) + 1
        if room < 0:
            break
        kept.append(line)
    return kept


def _sarif_result(ctx: _Out, i: CheckItem) -> dict[str, Any]:
    result, story = ctx.result, ctx.story(i)
    level = "error" if i.failing else "warning" if i.status == "new" else "note"
    related = [
        {"id": n, "message": {"text": ctx.w("check.related", doc=c.doc, surface=c.surface)},
         "physicalLocation": {"artifactLocation": {"uri": _uri(result.report.document(c.doc).path)},
                              "region": {"startLine": c.line, "startColumn": c.col}}}
        for n, c in enumerate(i.others, 1)
    ]
    out: dict[str, Any] = {
        "ruleId": RULE_IDS[i.flag.verdict],
        "level": level,
        "message": {"text": ctx.explain(i)},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(i.path)},
            "region": {"startLine": i.at.line, "startColumn": i.at.col,
                       "endColumn": i.at.col + len(i.at.surface),
                       "snippet": {"text": i.at.surface}},
        }}],
        "partialFingerprints": {"numcheckFlag/v1": i.flag.fingerprint},
        "baselineState": "unchanged" if i.status == "baseline" else "new",
        "properties": {"subject": i.flag.subject, "verdict": i.flag.verdict.value},
    }
    if story is not None:
        out["properties"]["story"] = {"id": story.id, "title": story.title}
    if related:
        out["relatedLocations"] = related
    if i.review is not None:
        why = f"{i.review.decision}: {i.review.note}" if i.review.note else i.review.decision
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": why}]
    return out


def _uri(path: str) -> str:
    """A relative URI reference: forward slashes, spaces and % escaped."""
    return quote(path.replace("\\", "/"), safe="/:.-_~")


@renderer("check", "sarif")
def sarif(result: CheckResult, **options: Any) -> str:
    from numcheck import __version__

    out = _Out(result, options)
    rules = [
        {"id": rid, "name": verdict.value,
         "shortDescription": {"text": out.w(f"rule.{verdict.value}")},
         "defaultConfiguration": {"level": "error" if verdict in result.fail_on else "warning"}}
        for verdict, rid in RULE_IDS.items()
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "numcheck", "version": __version__,
                                "rules": rules}},
            "results": [_sarif_result(out, i) for i in result.items],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


@renderer("check", "json")
def as_json(result: CheckResult, **options: Any) -> str:
    out = _Out(result, options)
    items = [
        {
            "path": i.path, "line": i.at.line, "col": i.at.col, "surface": i.at.surface,
            "verdict": i.flag.verdict.value, "rule": RULE_IDS[i.flag.verdict],
            "subject": i.flag.subject, "explanation": out.explain(i),
            "story": None if (story := out.story(i)) is None else {
                "id": story.id, "title": story.title},
            "fingerprint": i.flag.fingerprint, "status": i.status, "failing": i.failing,
            "review": None if i.review is None else {
                "decision": i.review.decision, "reviewer": i.review.reviewer,
                "date": i.review.date, "note": i.review.note},
            "others": [{"doc": c.doc, "line": c.line, "col": c.col, "surface": c.surface}
                       for c in i.others],
        }
        for i in result.items
    ]
    data = {"new": sorted(result.new), "failed": result.failed, "items": items,
            "stale": list(result.stale)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

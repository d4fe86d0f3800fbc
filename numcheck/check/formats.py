"""Output formats of ``numcheck check``: text, github, sarif and json.

Each renders a ``numcheck.check.CheckResult``; locations point at the figure in the new
article (1-based line and column), the place an editor would fix.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from numcheck.check.gate import CheckItem, CheckResult
from numcheck.model import RULE_IDS, Story, Verdict
from numcheck.render.explain import explain
from numcheck.render.registry import formats, render, renderer

RULE_TEXT: dict[Verdict, str] = {
    Verdict.CONFLICT: "Sources give figures that cannot both be true.",
    Verdict.SELF_CONTRADICTION: "One article gives two incompatible figures for the same thing.",
    Verdict.DIVERGENT: "Figures are compatible only through a hedge or open bound, yet far apart.",
    Verdict.UNVERIFIABLE: (
        "A figure is garbled (e.g. a machine-translation placeholder) and cannot be checked."
    ),
    Verdict.DIFFERENT_PERIOD: (
        "Figures differ but belong to different periods: a trend, not a conflict."
    ),
    Verdict.CONSISTENT: "Figures agree.",
    Verdict.DISPUTED: (
        "Named sources of different kinds (police and organisers, government and opposition) "
        "give different estimates of the same quantity."
    ),
}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _stories(result: CheckResult) -> dict[str, Story]:
    """Built once per output, so naming each flag's story costs no scan of all stories."""
    return {s.id: s for s in result.report.stories}


def _story(stories: dict[str, Story], item: CheckItem) -> Story | None:
    return stories.get(item.at.story or "")


def _story_text(stories: dict[str, Story], item: CheckItem) -> str:
    story = _story(stories, item)
    return f" [story {story.id}: {' '.join(story.title.split())}]" if story else ""


def _explain(result: CheckResult, item: CheckItem) -> str:
    return explain(item.flag, result.report.claim)


def _status(item: CheckItem) -> str:
    if item.review is not None:
        return f" [reviewed: {item.review.decision}]"
    if item.status == "baseline":
        return " [baseline]"
    return ""


@renderer("check", "text")
def text(result: CheckResult, **_: Any) -> str:
    stories = _stories(result)
    lines = [
        f"{i.path}:{i.at.line}:{i.at.col}: {i.flag.verdict.value}: {_explain(result, i)}"
        f"{_story_text(stories, i)} ({i.flag.fingerprint}){_status(i)}"
        for i in result.items
    ]
    failing = sum(i.failing for i in result.items)
    lines.append(
        f"{len(result.items)} flag(s) on {len(result.new)} new article(s), {failing} failing."
    )
    return "\n".join(lines) + "\n"


def escape_data(value: str) -> str:
    """GitHub workflow-command message escaping."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """GitHub workflow-command property escaping (also ':' and ',')."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


@renderer("check", "github")
def github(result: CheckResult, **_: Any) -> str:
    out = []
    stories = _stories(result)
    for i in result.items:
        level = "error" if i.failing else "warning" if i.status == "new" else "notice"
        title = f"numcheck {i.flag.verdict.value} ({RULE_IDS[i.flag.verdict]})"
        props = ",".join(
            f"{k}={escape_property(v)}"
            for k, v in (("file", i.path), ("line", str(i.at.line)), ("col", str(i.at.col)),
                         ("title", title))
        )
        message = (f"{_explain(result, i)}{_story_text(stories, i)}\n"
                   f"fingerprint {i.flag.fingerprint}{_status(i)}")
        out.append(f"::{level} {props}::{escape_data(message)}")
    for fp in result.stale:
        message = escape_data(f"ledger entry {fp} matches no flag")
        out.append(f"::warning title=numcheck stale review::{message}")
    return "\n".join(out) + ("\n" if out else "")


def summary_markdown(result: CheckResult) -> str:
    """For $GITHUB_STEP_SUMMARY: the gate's flags, then the full markdown report if registered."""
    lines = ["## numcheck check", "", "| where | verdict | status | explanation | fingerprint |",
             "| --- | --- | --- | --- | --- |"]
    for i in result.items:
        status = "**failing**" if i.failing else (i.review.decision if i.review else i.status)
        cell = _explain(result, i).replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{i.path}:{i.at.line}:{i.at.col}` | {i.flag.verdict.value} | {status} "
                     f"| {cell} | `{i.flag.fingerprint}` |")
    if not result.items:
        lines.append("| | | | no flags | |")
    lines += [f"- stale ledger entry `{fp}`" for fp in result.stale]
    body = "\n".join(lines) + "\n"
    if "markdown" in formats("report"):
        full = render("report", "markdown", result.report)
        if isinstance(full, str):
            body += "\n" + full
    return body


def _sarif_result(result: CheckResult, i: CheckItem, story: Story | None) -> dict[str, Any]:
    level = "error" if i.failing else "warning" if i.status == "new" else "note"
    related = [
        {"id": n, "message": {"text": f"{c.doc}: '{c.surface}'"},
         "physicalLocation": {"artifactLocation": {"uri": _uri(result.report.document(c.doc).path)},
                              "region": {"startLine": c.line, "startColumn": c.col}}}
        for n, c in enumerate(i.others, 1)
    ]
    out: dict[str, Any] = {
        "ruleId": RULE_IDS[i.flag.verdict],
        "level": level,
        "message": {"text": _explain(result, i)},
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
def sarif(result: CheckResult, **_: Any) -> str:
    from numcheck import __version__

    rules = [
        {"id": rid, "name": verdict.value, "shortDescription": {"text": RULE_TEXT[verdict]},
         "defaultConfiguration": {"level": "error" if verdict in result.fail_on else "warning"}}
        for verdict, rid in RULE_IDS.items()
    ]
    stories = _stories(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "numcheck", "version": __version__,
                                "rules": rules}},
            "results": [_sarif_result(result, i, _story(stories, i)) for i in result.items],
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


@renderer("check", "json")
def as_json(result: CheckResult, **_: Any) -> str:
    stories = _stories(result)
    items = [
        {
            "path": i.path, "line": i.at.line, "col": i.at.col, "surface": i.at.surface,
            "verdict": i.flag.verdict.value, "rule": RULE_IDS[i.flag.verdict],
            "subject": i.flag.subject, "explanation": _explain(result, i),
            "story": None if (story := _story(stories, i)) is None else {
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

"""``numcheck eval``: score numcheck (and optionally a baseline) on annotated articles."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any

import typer

from numcheck.cli import inputs
from numcheck.cli.app import Exit, app, fail, say_problems, write_output
from numcheck.cli.options import Config, Rules
from numcheck.cli.progress import progress_display
from numcheck.errors import NumcheckError

if TYPE_CHECKING:
    from numcheck.evaluate import Evaluation, Scores, Threshold

_ROWS = (
    ("claims: precision", "claim_precision"),
    ("claims: recall", "claim_recall"),
    ("claims: F1", "claim_f1"),
    ("claims: found / gold", ("matched_claims", "gold_claims")),
    ("false claims", "false_claims"),
    ("non-claims taken for claims", ("non_claims_as_claims", "non_claims")),
    ("garbled recall", "garbled_recall"),
    ("value accuracy", "value_accuracy"),
    ("bound accuracy (low/high/hedge)", "bound_accuracy"),
    ("grouping: pair precision", "group_precision"),
    ("grouping: pair recall", "group_recall"),
    ("grouping: gold pairs across stories", "gold_pairs_across_stories"),
    ("expected flags found", ("expected_flags_found", "expected_flags")),
    ("forbidden flags raised", ("forbidden_flags", "must_not_flag")),
)


@app.command("eval")
def eval_(
    gold: Annotated[str, typer.Argument(help="Gold annotation file (YAML).")],
    paths: Annotated[list[str], typer.Argument(help="The annotated articles (files or folders).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write here.")] = None,
    baseline: Annotated[list[str] | None, typer.Option(
        help="Also score baselines: quantulum3, duckling (repeat or comma-separate).")] = None,
    minimum: Annotated[list[str] | None, typer.Option(
        "--min", help="KEY=VALUE: exit 1 if the metric is below (repeatable).")] = None,
    maximum: Annotated[list[str] | None, typer.Option(
        "--max", help="KEY=VALUE: exit 1 if the metric is above (repeatable).")] = None,
    rules: Rules = None,
    config: Config = None,
    jobs: inputs.JobsOpt = None,
    quiet: inputs.QuietOpt = False,
) -> None:
    """Score the extraction, grouping and flags against a gold annotation."""
    from numcheck.evaluate import failures, parse_threshold
    from numcheck.project import open_project

    try:
        project = open_project(config, rules or ())
        if fmt not in ("text", "json"):
            raise NumcheckError("--format", f"unknown format '{fmt}' (text or json)")
        thresholds = [parse_threshold(t, is_min=True) for t in minimum or ()]
        thresholds += [parse_threshold(t, is_min=False) for t in maximum or ()]
        names = [n.strip() for b in baseline or () for n in b.split(",") if n.strip()]
        with progress_display(quiet=quiet) as display:
            result = project.evaluate(gold, paths, baseline=names, jobs=jobs, progress=display)
    except NumcheckError as err:
        raise fail(err) from None
    missed = failures(result.scores, thresholds)
    data = _json(result, thresholds, missed) if fmt == "json" else _text(result)
    write_output(data, output)
    say_problems(result.problems)
    for name in result.unannotated:
        typer.echo(f"numcheck: warning: {name}: not in the gold file; not scored", err=True)
    for line in missed:
        typer.echo(f"numcheck: below threshold: {line}", err=True)
    if result.problems:
        raise typer.Exit(Exit.USAGE)
    if missed:
        raise typer.Exit(Exit.PROBLEMS)


def _cell(scores: Scores, key: str | tuple[str, str]) -> str:
    if isinstance(key, tuple):
        return f"{getattr(scores, key[0])} / {getattr(scores, key[1])}"
    value = getattr(scores, key)
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _text(result: Evaluation) -> str:
    systems = [result.scores, *result.baselines]
    header = ["metric"] + [s.system for s in systems]
    rows = [[label] + [_cell(s, key) for s in systems] for label, key in _ROWS]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [f"gold: {result.scores.gold} ({result.scores.documents} documents, "
             f"{result.scores.gold_claims} scored claims)", ""]
    for row in [header, *rows]:
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    for s in systems:
        # a story split is no miss of the grouping: listed after the misses, counted apart
        issues = sorted(s.issues, key=lambda i: i.kind == "split_story")
        apart = sum(i.kind == "split_story" for i in issues)
        lines += ["", f"{s.system}: {len(issues) - apart} misses and false alarms"
                  + (f" (and {apart} gold pairs in different stories)" if apart else "")]
        for issue in issues:
            lines.append(f"  {issue.kind:<18} {issue.doc}:{issue.start}-{issue.end} "
                         f"'{issue.surface}': {issue.detail}")
            lines.append(f"  {'':<18} » {issue.sentence}")
    return "\n".join(lines) + "\n"


def _json(result: Evaluation, thresholds: list[Threshold], missed: list[str]) -> str:
    systems: dict[str, Any] = {s.system: asdict(s) for s in (result.scores, *result.baselines)}
    payload = {
        "gold": result.scores.gold,
        "systems": systems,
        "unannotated": list(result.unannotated),
        "thresholds": [str(t) for t in thresholds],
        "below_threshold": missed,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

"""Score numcheck (or a baseline) against hand-annotated articles.

``evaluate`` returns plain ``Scores`` records; the CLI only renders them. Nothing
here prints or exits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from numcheck.errors import NumcheckError
from numcheck.evaluate.baseline import (
    BASELINES,
    duckling_predictions,
    from_report,
    quantulum3_predictions,
)
from numcheck.evaluate.gold import Gold, GoldClaim, load_gold, parse_gold
from numcheck.evaluate.match import Matching, Prediction, match
from numcheck.evaluate.scores import Issue, Scores, metric_names, score
from numcheck.evaluate.thresholds import Threshold, failures, parse_threshold
from numcheck.model import Problem, Report
from numcheck.pipeline import run
from numcheck.progress import Progress
from numcheck.rulebook import Rulebook

__all__ = [
    "BASELINES", "Evaluation", "Gold", "GoldClaim", "Issue", "Matching", "Prediction",
    "Scores", "Threshold", "evaluate", "failures", "load_gold", "match", "metric_names",
    "parse_gold", "parse_threshold", "score", "score_report",
]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """numcheck's scores, each asked baseline's, and what could not be read."""

    scores: Scores
    baselines: tuple[Scores, ...]
    unannotated: tuple[str, ...]  # documents read but absent from the gold (not scored)
    problems: tuple[Problem, ...]

    @property
    def baseline(self) -> Scores | None:
        """The first baseline (the one a single ``--baseline`` asks for)."""
        return self.baselines[0] if self.baselines else None


def evaluate(
    gold_path: str | Path,
    paths: Iterable[str | Path],
    *,
    baseline: str | Sequence[str] | None = None,
    rules: Rulebook | None = None,
    jobs: int | None = 1,
    progress: Progress | None = None,
) -> Evaluation:
    """Run numcheck on ``paths`` with ``rules`` (the shipped ones when None) and score it
    (and each named baseline) against the gold."""
    names = [baseline] if isinstance(baseline, str) else list(baseline or ())
    for name in names:
        if name not in BASELINES:
            raise NumcheckError("--baseline", f"unknown baseline '{name}' "
                                f"(one of {', '.join(BASELINES)})")
    gold = load_gold(gold_path)
    report = run(list(paths), rules=rules, jobs=jobs, progress=progress)
    scores = score_report(gold, report)
    docs = [d for d in report.documents if d.name in gold.documents]
    predict = {"quantulum3": quantulum3_predictions, "duckling": duckling_predictions}
    bases = tuple(score(name, gold, _texts(report), predict[name](docs)) for name in names)
    unannotated = tuple(d.name for d in report.documents if d.name not in gold.documents)
    return Evaluation(scores, bases, unannotated, report.problems)


def score_report(gold: Gold, report: Report) -> Scores:
    """Score a finished pipeline run; the gold must match the articles read."""
    texts = _texts(report)
    check_spans(gold, texts)
    predictions = [p for p in from_report(report) if p.doc in gold.documents]
    return score("numcheck", gold, texts, predictions, report.comparison.flags,
                 rules=report.rules)


def check_spans(gold: Gold, texts: dict[str, str]) -> None:
    """Every gold document was read and every gold span holds the number it names."""
    for name in gold.documents:
        if name not in texts:
            raise NumcheckError(gold.path, f"documents.{name}: not among the articles read")
    spans = [(f"claims ({c.id})", c.doc, c.start, c.end, c.number) for c in gold.claims]
    spans += [(f"non_claims ({n.doc}:{n.start})", n.doc, n.start, n.end, n.number)
              for n in gold.non_claims]
    for key, doc, start, end, number in spans:
        found = texts[doc][start:end]
        if found != number:
            raise NumcheckError(gold.path, f"{key}: text at {start}-{end} is '{found}', "
                                f"not '{number}'")


def _texts(report: Report) -> dict[str, str]:
    return {d.name: d.text for d in report.documents}

"""Compare: within each subject, do the sources agree?

Intervals decide, not central figures: ``plus de 100 000`` is compatible with
``environ 175 000``; the soft ``divergent`` verdict then says the figures a reader
takes away still differ by more than the tolerance. Claims are split into periods
first, so a trend (29 deaths in 2021, about 50 in 2020) is never called a conflict.
Work per subject is a sort plus linear scans: cost grows with subject size only.
The subjects come from ``group`` (``numcheck.group.by_story`` in the pipeline): compare
judges the grouping it is given and never groups on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from numcheck.compare.periods import split_periods
from numcheck.compare.verdicts import judge
from numcheck.model import Claim, Comparison, Flag, Grouping
from numcheck.rulebook import Rulebook, load_rules

__all__ = ["compare"]


def compare(
    claims: Sequence[Claim], grouping: Grouping, rules: Rulebook | None = None
) -> Comparison:
    """The grouping's subjects judged: flags (most serious first), with the grouping."""
    rules = rules or load_rules()
    by_id = {c.id: c for c in claims}
    flags: list[Flag] = []
    for subject in grouping.subjects:
        members = [by_id[i] for i in subject.claims]
        if len(members) < 1:
            continue
        periods = split_periods([c for c in members if not c.garbled], rules.settings)
        flags.extend(judge(subject, members, periods, rules))
    flags.sort(key=lambda f: (f.verdict.severity, f.subject, f.claims))
    return Comparison(grouping.subjects, tuple(flags), grouping.subject_of, grouping.part_of)

"""The scores of one system on one gold file, as plain records a CLI or CI can read.

Ratios are ``None`` when their denominator is empty (no garbled gold claim, no
predicted pair…): a missing measurement must not pass for a perfect one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from numcheck.evaluate.gold import ClaimSet, Gold, GoldClaim
from numcheck.evaluate.match import Matching, Prediction, match, overlaps, sentence_around
from numcheck.model import Flag
from numcheck.rulebook import Rulebook, load_rules

# Metrics where a larger number is better, and counts where it is worse.
HIGHER_IS_BETTER = (
    "claim_precision", "claim_recall", "claim_f1", "garbled_recall", "value_accuracy",
    "bound_accuracy", "group_precision", "group_recall", "expected_flags_found",
    "expected_flag_recall",
)
LOWER_IS_BETTER = ("false_claims", "missed_claims", "non_claims_as_claims", "forbidden_flags")


@dataclass(frozen=True, slots=True)
class Issue:
    """One thing a reviewer should look at: a miss or a false alarm, with its sentence."""

    kind: str  # missed_claim, false_claim, non_claim_as_claim, wrong_value, wrong_bounds,
    # missed_garble, split_group, merged_group, split_story, missed_flag, forbidden_flag
    doc: str
    start: int
    end: int
    surface: str
    sentence: str
    detail: str


@dataclass(frozen=True, slots=True)
class Scores:
    """Every metric of ``numcheck eval`` plus the issues behind them."""

    system: str
    gold: str
    documents: int
    gold_claims: int
    predicted_claims: int
    matched_claims: int
    false_claims: int
    missed_claims: int
    claim_precision: float | None
    claim_recall: float | None
    claim_f1: float | None
    non_claims: int
    non_claims_as_claims: int
    garbled_gold: int
    garbled_found: int
    garbled_recall: float | None
    values_scored: int
    value_accuracy: float | None
    bound_accuracy: float | None
    gold_pairs: int
    predicted_pairs: int
    gold_pairs_across_stories: int  # left out of both: the system never compares them
    group_precision: float | None
    group_recall: float | None
    expected_flags: int
    expected_flags_found: int
    expected_flag_recall: float | None
    must_not_flag: int
    forbidden_flags: int
    issues: tuple[Issue, ...] = field(default=())

    def metric(self, name: str) -> float | None:
        """A metric by name, for thresholds; unknown names are the caller's error."""
        value = getattr(self, name)
        return None if value is None else float(value)


def metric_names() -> tuple[str, ...]:
    return HIGHER_IS_BETTER + LOWER_IS_BETTER + (
        "gold_claims", "predicted_claims", "matched_claims", "non_claims", "garbled_gold",
        "garbled_found", "values_scored", "gold_pairs", "predicted_pairs",
        "gold_pairs_across_stories", "must_not_flag",
    )


def score(
    system: str,
    gold: Gold,
    texts: Mapping[str, str],
    predictions: Sequence[Prediction],
    flags: Sequence[Flag] = (),
    *,
    rules: Rulebook | None = None,
) -> Scores:
    """Score ``predictions`` (and ``flags`` over their ids) against ``gold``; ``rules``
    are the run's (the shipped ones when None), whose divergence ratio says which
    figures a flag can set against each other."""
    m = match(gold, predictions)
    scored = gold.scored
    issues: list[Issue] = []
    ratio = (rules or load_rules()).settings.divergence_ratio
    ctx = _Context(gold, texts, m, issues, ratio)

    for g in scored:
        if g.id not in m.pairs:
            ctx.gold_issue("missed_claim", g, "not extracted")
    non_claim_hits = 0
    for n in gold.non_claims:
        hit = [p for p in predictions
               if p.doc == n.doc and overlaps(n.start, n.end, p.start, p.end)]
        if hit:
            non_claim_hits += 1
    for p in m.false:
        why = next((n.why for n in gold.non_claims
                    if n.doc == p.doc and overlaps(n.start, n.end, p.start, p.end)), None)
        kind = "non_claim_as_claim" if why else "false_claim"
        issues.append(Issue(kind, p.doc, p.start, p.end, p.surface, p.sentence,
                            f"gold says: {why}" if why else "not a claim in the gold"))

    tp, fp = len(m.pairs), len(m.false)
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, len(scored))
    f1 = (2 * precision * recall / (precision + recall)
          if precision is not None and recall is not None and precision + recall > 0
          else (0.0 if precision is not None and recall is not None else None))

    garbled = [g for g in scored if g.garbled]
    garbled_found = 0
    for g in garbled:
        found = m.pairs.get(g.id)
        if found is not None and found.garbled:
            garbled_found += 1
        elif found is not None:
            ctx.gold_issue("missed_garble", g, f"read as a clean figure ({_num(found.value)})")

    values_ok = bounds_ok = 0
    clean = [g for g in scored if not g.garbled and g.id in m.pairs]
    for g in clean:
        p = m.pairs[g.id]
        if _same(p.value, g.value) and not p.garbled:
            values_ok += 1
        else:
            got = "garbled" if p.garbled else _num(p.value)
            ctx.gold_issue("wrong_value", g, f"value {got}, gold {_num(g.value)}")
        if _bounds_ok(g, p):
            bounds_ok += 1
        else:
            ctx.gold_issue("wrong_bounds", g, f"{p.hedge} [{_num(p.low)}, {_num(p.high)}], gold "
                           f"{g.hedge} [{_num(g.low)}, {_num(g.high)}]")

    gold_pairs, predicted_pairs, both, across = _pairs(ctx)
    forbidden = sum(1 for s in gold.must_not_flag if ctx.raised(s, expect=False, flags=flags))
    expected_found = sum(1 for s in gold.expected_flags if ctx.raised(s, True, flags))

    return Scores(
        system=system,
        gold=gold.path,
        documents=len(gold.documents),
        gold_claims=len(scored),
        predicted_claims=tp + fp,
        matched_claims=tp,
        false_claims=fp,
        missed_claims=len(scored) - tp,
        claim_precision=precision,
        claim_recall=recall,
        claim_f1=f1,
        non_claims=len(gold.non_claims),
        non_claims_as_claims=non_claim_hits,
        garbled_gold=len(garbled),
        garbled_found=garbled_found,
        garbled_recall=_ratio(garbled_found, len(garbled)),
        values_scored=len(clean),
        value_accuracy=_ratio(values_ok, len(clean)),
        bound_accuracy=_ratio(bounds_ok, len(clean)),
        gold_pairs=gold_pairs,
        predicted_pairs=predicted_pairs,
        gold_pairs_across_stories=across,
        group_precision=_ratio(both, predicted_pairs),
        group_recall=_ratio(both, gold_pairs),
        expected_flags=len(gold.expected_flags),
        expected_flags_found=expected_found,
        expected_flag_recall=_ratio(expected_found, len(gold.expected_flags)),
        must_not_flag=len(gold.must_not_flag),
        forbidden_flags=forbidden,
        issues=tuple(sorted(issues, key=lambda i: (i.doc, i.start, i.kind))),
    )


@dataclass
class _Context:
    gold: Gold
    texts: Mapping[str, str]
    matching: Matching
    issues: list[Issue]
    divergence_ratio: float

    def gold_issue(self, kind: str, g: GoldClaim, detail: str) -> None:
        text = self.texts.get(g.doc, "")
        self.issues.append(Issue(kind, g.doc, g.start, g.end, g.number,
                                 sentence_around(text, g.start, g.end), detail))

    def raised(self, claim_set: ClaimSet, expect: bool, flags: Sequence[Flag] = ()) -> bool:
        """Whether a raised flag covers every claim of the set (all must be matched).

        For a forbidden set the flag must also set two of its claims *against each
        other*: a flag lists every figure taking part in a disagreement, so a headline
        and a body giving the same figure may both stand on one side of it.
        """
        preds = [self.matching.pairs.get(cid) for cid in claim_set.claims]
        found = all(p is not None for p in preds) and any(
            f.verdict.raised and {p.id for p in preds if p is not None} <= set(f.claims)
            and (expect or _some_at_odds([p for p in preds if p is not None],
                                         self.divergence_ratio))
            for f in flags
        )
        if found != expect:
            first = self.gold.claims[[c.id for c in self.gold.claims].index(claim_set.claims[0])]
            kind = "missed_flag" if expect else "forbidden_flag"
            what = " + ".join(claim_set.claims)
            self.gold_issue(kind, first, f"{what}: {claim_set.why}".rstrip(": "))
        return found


def _central(p: Prediction) -> float | None:
    if p.value is not None:
        return p.value
    if p.low is not None and p.high is not None:
        return (p.low + p.high) / 2
    return p.low if p.low is not None else p.high


def _some_at_odds(preds: Sequence[Prediction], ratio: float) -> bool:
    """Two figures a flag can set against each other: intervals apart, or centrals further
    apart than the run's divergence ratio."""
    for p, q in combinations(preds, 2):
        if p.garbled or q.garbled:
            return True  # a garbled figure must never be set against anything
        apart = any(
            a.low is not None and b.high is not None and a.low > b.high for a, b in ((p, q), (q, p))
        )
        cp, cq = _central(p), _central(q)
        far = bool(cp and cq and cp > 0 and cq > 0 and max(cp, cq) / min(cp, cq) > ratio)
        if apart or far:
            return True
    return False


def _pairs(ctx: _Context) -> tuple[int, int, int, int]:
    """Pairwise grouping over matched scored gold claims, may_group pairs left out:
    gold pairs, predicted pairs, pairs in both, and gold pairs across stories.

    Grouping is scored within stories, as ``compare`` works: two claims the system put
    in different stories are never set against each other whatever their subject key
    (scored without its story suffix), so such a pair is neither a predicted pair nor a
    gold pair the grouping missed. The gold pairs split that way are counted apart
    (``gold_pairs_across_stories``, one ``split_story`` issue each): a story split is
    the stories' decision, judged on its own (tests/stories), not the grouping's.
    """
    gold, pairs = ctx.gold, ctx.matching.pairs
    excused = {frozenset(p) for s in gold.may_group for p in combinations(s.claims, 2)}
    matched = [g for g in gold.scored if g.id in pairs]
    gold_same = predicted_same = both = across = 0
    for a, b in combinations(matched, 2):
        if frozenset((a.id, b.id)) in excused:
            continue
        same_gold = gold.group_of(a.id) == gold.group_of(b.id)
        pa, pb = pairs[a.id], pairs[b.id]
        if pa.story != pb.story:
            across += same_gold
            if same_gold:
                ctx.gold_issue("split_story", a, f"{a.id} and {b.id} share gold subject "
                               f"'{gold.group_of(a.id)}' but not a story: never compared")
            continue
        sa = pa.subject
        same_pred = sa is not None and sa == pb.subject
        gold_same += same_gold
        predicted_same += same_pred
        both += same_gold and same_pred
        if same_gold and not same_pred:
            ctx.gold_issue("split_group", a, f"{a.id} and {b.id} share gold subject "
                           f"'{gold.group_of(a.id)}' but not a predicted subject")
        elif same_pred and not same_gold:
            ctx.gold_issue("merged_group", a, f"{a.id} and {b.id} put in one subject '{sa}', "
                           "gold keeps them apart")
    return gold_same, predicted_same, both, across


def _bounds_ok(g: GoldClaim, p: Prediction) -> bool:
    if p.garbled or g.hedge is None or p.hedge != g.hedge.value:
        return False
    if g.has_low and not _same(p.low, g.low):
        return False
    return not (g.has_high and not _same(p.high, g.high))


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _num(x: float | None) -> str:
    if x is None:
        return "none"
    return str(int(x)) if x == int(x) else f"{x:g}"

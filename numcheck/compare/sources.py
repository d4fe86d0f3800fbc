"""Who stands behind a figure, and of which kind that source is.

Crowd counts, tolls and budgets are estimated by interested parties: the police and
the organisers of a march, a government and its opposition, two agencies. When named
sources of different kinds disagree, the disagreement *is* the news (`disputed`), not
an error of one outlet; two figures from sources of one kind (two ministry figures)
remain a conflict. Kinds come from ``sources`` in ``rules/subjects/<lang>.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from numcheck.extract.lexicon import fold
from numcheck.group.vocabulary import vocabulary
from numcheck.model import Claim
from numcheck.rulebook import Rulebook


@dataclass(frozen=True)
class Source:
    """A claim's source: who (as written), its concept id and its kind, if known."""

    name: str
    concept: str | None
    kind: str | None
    independent: bool  # estimators of this kind are independent (two agencies)

    @property
    def estimator(self) -> str | None:
        """What makes two figures independent estimates: the kind, or the agency itself."""
        if self.kind is None:
            return None
        return f"{self.kind}:{self.concept}" if self.independent else self.kind

    @property
    def identity(self) -> str:
        """Two claims from one identity in one article may contradict each other."""
        return self.concept or " ".join(fold(self.name).split())


def source_of(claim: Claim, rules: Rulebook) -> Source | None:
    """The claim's attributed source, classified; ``None`` when nobody is named."""
    if not claim.attribution:
        return None
    return _classify(claim.attribution, claim.lang, rules)


@functools.lru_cache(maxsize=4096)
def _classify(who: str, lang: str, rules: Rulebook) -> Source:
    vocab = vocabulary(rules, lang)
    if vocab is None:
        return Source(who, None, None, False)
    found = vocab.families["sources"].spans(fold(who))
    if not found:
        return Source(who, None, None, False)
    # the longest phrase names the source best ("préfecture de police" over "police")
    concept = max(found, key=lambda s: (s[1] - s[0], -s[0]))[2]
    kind = vocab.source_kind.get(concept)
    return Source(who, concept, kind, kind in vocab.independent_kinds)


__all__ = ["Source", "source_of"]

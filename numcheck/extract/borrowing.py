"""A figure that names no counted thing borrows one from a figure read before it.

'2 000 soldats …, tandis que 1 000 autres' (anaphora: the others are soldiers too) and
'25 soldats en 2021, contre près de 50 en 2020' (ellipsis: the second figure counts
the same). The claims read so far are kept indexed so that each lookup costs the
same however many figures came before: a scan back over all previous claims made a
document with many figures on one line cost the square of its length.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from numcheck.extract.claims import Draft
from numcheck.extract.context import Sentences
from numcheck.extract.lexicon import Lexicon, fold
from numcheck.model import Claim, Kind

_TENFOLD = math.log(10)


@dataclass
class Lenders:
    """The claims a later figure may borrow its counted thing from."""

    sentences: Sentences
    lex: Lexicon
    _last: tuple[int, str] | None = None  # sentence index and counted of the latest noun
    # (sentence start, kind) → sorted (log value, order) and order → counted
    _by_size: dict[tuple[int, Kind], list[tuple[float, int]]] = field(default_factory=dict)
    _counted: list[str] = field(default_factory=list)

    def add(self, claim: Claim) -> None:
        if not claim.counted:
            return
        if not self._anaphoric(claim.counted):
            self._last = (self.sentences.index(claim.start), claim.counted)
        if claim.value is not None and claim.value > 0:
            sizes = self._by_size.setdefault((claim.sentence_start, claim.kind), [])
            bisect.insort(sizes, (math.log(claim.value), len(self._counted)))
            self._counted.append(claim.counted)

    def resolve_anaphora(self, draft: Draft) -> None:
        """'1 000 autres' counts what the last figure of this or the previous sentence did."""
        if not draft.counted or not self._anaphoric(draft.counted) or self._last is None:
            return
        where, counted = self._last
        if where >= self.sentences.index(draft.start) - 1:
            draft.counted = counted
            draft.found_by.append("counted/anaphora")

    def resolve_ellipsis(self, draft: Draft, sentence: tuple[int, int]) -> None:
        """Only within one sentence, only from a figure of the same kind, and from the one
        closest in magnitude (within ×10, the earlier on a tie): '130 000 troops, two
        officials said, up from 100 000' borrows 'troops', not 'officials'.
        """
        if draft.counted or draft.garbled or draft.value is None or draft.value <= 0:
            return
        sizes = self._by_size.get((sentence[0], draft.kind))
        if not sizes:
            return
        size = math.log(draft.value)
        best: tuple[float, int] | None = None
        i = bisect.bisect_left(sizes, (size, -1))
        for j in (i - 1, i):  # the nearest size below and above, each at its first order
            if 0 <= j < len(sizes):
                first = sizes[bisect.bisect_left(sizes, (sizes[j][0], -1))]
                candidate = (abs(size - first[0]), first[1])
                best = candidate if best is None or candidate < best else best
        if best is not None and best[0] <= _TENFOLD:
            draft.counted = self._counted[best[1]]
            draft.found_by.append("counted/ellipsis")

    def _anaphoric(self, counted: str) -> bool:
        return fold(counted.split()[0]) in self.lex.anaphora

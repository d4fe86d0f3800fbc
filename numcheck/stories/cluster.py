"""Which articles form a story: TF-IDF similarity, a date window, single-pass linking.

The method is the one topic-detection-and-tracking systems use for news: articles are
taken in publication order and each joins the story it is most similar to — its
mean similarity to the story's articles published in the last ``story_window_days``
reaching ``story_similarity`` — when that story began at most ``story_span_days``
before, and unless their figures are about days far apart (``event_days``: two
protest days of one movement in one city); otherwise it starts a story. Joining one
story (not merging every story an article resembles) keeps one ambiguous article
from fusing two events.

Similarity is a blend of two cosines over TF-IDF vectors: content words and names,
weighted by ``story_entity_weight``. scikit-learn's ``HashingVectorizer`` turns each
article into a sparse row on its own (no vocabulary to hold, so rows can be cached and
a new article vectorised alone) and ``TfidfTransformer`` weights them by the corpus.
Only articles inside the date window are compared (one sparse product per day), so
the work grows with the articles per window, not with the square of the archive.
scikit-learn is imported here only, when stories are actually built.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from numcheck.quiet_imports import import_without_pandas
from numcheck.rulebook import Settings
from numcheck.stories.event_days import apart
from numcheck.stories.features import Features

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

N_FEATURES = 2**20
_BLOCK = 256  # rows per sparse product: bounds memory on busy days


@dataclass(frozen=True)
class Counts:
    """Hashed term counts of articles, one row each: words and names apart."""

    words: csr_matrix
    names: csr_matrix

    def __len__(self) -> int:
        return int(self.words.shape[0])


def count(features: Sequence[Features]) -> Counts:
    """Rows of hashed counts; each row depends on its article only (so it can be cached)."""
    text = import_without_pandas("sklearn.feature_extraction.text")

    def vectorizer() -> Any:
        return text.HashingVectorizer(
            analyzer=_identity, n_features=N_FEATURES, alternate_sign=False, norm=None
        )

    return Counts(
        words=vectorizer().transform([f.words for f in features]).tocsr(),
        names=vectorizer().transform([f.names for f in features]).tocsr(),
    )


def stack(parts: Sequence[Counts]) -> Counts:
    from scipy.sparse import vstack

    return Counts(
        words=vstack([p.words for p in parts], format="csr"),
        names=vstack([p.names for p in parts], format="csr"),
    )


def _identity(items: Sequence[str]) -> Sequence[str]:
    return items


def weighted(counts: Counts, settings: Settings) -> csr_matrix:
    """One row per article whose dot products are the blended similarity."""
    from scipy.sparse import hstack

    text = import_without_pandas("sklearn.feature_extraction.text")

    def tfidf(m: csr_matrix) -> csr_matrix:
        return text.TfidfTransformer(sublinear_tf=True).fit_transform(m)

    share = settings.story_entity_weight
    return hstack(
        [tfidf(counts.words) * math.sqrt(1 - share), tfidf(counts.names) * math.sqrt(share)],
        format="csr",
    )


def link(
    vectors: csr_matrix, dates: Sequence[date | None], names: Sequence[str], settings: Settings,
    days: Sequence[Sequence[int]] = (),
) -> list[list[int]]:
    """Stories as lists of article indices, each in publication order, first article first.

    An article's similarity to a story is its mean similarity to the story's articles
    published in the window before it (average link): one close paraphrase cannot pull
    an article into a story whose other reports are about something else. Undated
    articles come last and may join any story (nothing says they are apart).
    ``days``: the days each article's figures are about (``event_days``), if known.
    """
    order = sorted(range(len(names)), key=lambda i: (dates[i] is None, dates[i] or date.min,
                                                     names[i]))
    rows = vectors[order]
    published = [d.toordinal() for i in order if (d := dates[i]) is not None]
    dated = len(published)
    window = settings.story_window_days
    story_of: list[int] = []  # by position in ``order``
    first_day: list[float] = []  # by story
    member_days: list[list[float]] = []  # by story, ascending (undated: inf)
    story_days: list[set[int]] = []  # by story: the days its figures are about
    stories: list[list[int]] = []

    def place(position: int, totals: dict[int, float]) -> None:
        day = published[position] if position < dated else None
        about = days[order[position]] if days else ()
        best = choose(totals, day, member_days, first_day, settings, about, story_days)
        if best < 0:
            best = len(stories)
            stories.append([])
            member_days.append([])
            story_days.append(set())
            first_day.append(day if day is not None else math.inf)
        story_of.append(best)
        stories[best].append(order[position])
        member_days[best].append(day if day is not None else math.inf)
        story_days[best].update(about)

    start = 0
    while start < len(order):
        if start < dated:
            end = min(bisect.bisect_right(published, published[start]), start + _BLOCK)
            low = bisect.bisect_left(published, published[start] - window)
        else:
            end, low = min(len(order), start + _BLOCK), 0
        product = (rows[start:end] @ rows[low:end].T).tocsr()
        for r in range(end - start):
            position = start + r
            totals: dict[int, float] = {}
            lo, hi = product.indptr[r], product.indptr[r + 1]
            for c, sim in zip(product.indices[lo:hi], product.data[lo:hi], strict=True):
                earlier = low + int(c)
                if earlier < position:
                    story = story_of[earlier]
                    totals[story] = totals.get(story, 0.0) + float(sim)
            place(position, totals)
        start = end
    return stories


def choose(
    totals: Mapping[int, float],
    day: float | None,
    member_days: Sequence[Sequence[float]],
    first_day: Sequence[float],
    settings: Settings,
    days: Sequence[int] = (),
    story_days: Sequence[Collection[int]] = (),
) -> int:
    """The story an article joins (-1: none), from its summed similarity to each story's
    articles of the window before ``day``; also what ``tracking`` places new articles by.

    A story counts its members published in ``[day - story_window_days, day]`` (all of
    them for an undated article) and is passed over when it began more than
    ``story_span_days`` before ``day``, or when the days its figures are about
    (``story_days``, by story) and the article's (``days``) are all more than
    ``story_day_gap_days`` apart.
    """
    window, span = settings.story_window_days, settings.story_span_days
    gap = settings.story_day_gap_days
    best, best_score = -1, settings.story_similarity
    for story, total in sorted(totals.items()):
        members = member_days[story]
        if story < len(story_days) and apart(days, story_days[story], gap):
            continue
        if day is None:
            inside = len(members)
        elif day - first_day[story] > span:
            continue
        else:
            inside = bisect.bisect_right(members, day) - bisect.bisect_left(members, day - window)
        score = total / inside
        if score >= best_score and (best < 0 or score > best_score):
            best, best_score = story, score
    return best

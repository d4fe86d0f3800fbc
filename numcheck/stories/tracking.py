"""Tracking: new articles join the stories an archive already holds.

``numcheck check NEW --against ARCHIVE`` asks which of the archive's events a draft
is about (the *tracking* task of topic detection and tracking), not how the archive
would be regrouped with the draft in it. So the archive's stories are the ones it
forms alone (what ``numcheck report ARCHIVE`` shows), and new articles are placed
into them one at a time, in publication order, by the rule stories are built with
(``cluster.choose``: mean similarity to the story's articles of the window before
the article's date, a story's span). A new article that joins nothing starts a story
that later new articles may join. The archive's stories never move, so a draft
cannot change what it is compared with elsewhere, and the archive's side of the
computation is the same for every draft: it can be kept between runs (the archive
index of ``numcheck.check``).

A new article is weighted by the archive's document frequencies (smoothed IDF,
sublinear term frequency, as the archive's rows were) and hashed in plain Python
(``hashing``), so placing it needs numpy but not scikit-learn.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np

from numcheck.model import Document, Story
from numcheck.rulebook import Settings
from numcheck.stories.cluster import N_FEATURES, Counts, choose, weighted
from numcheck.stories.features import Features
from numcheck.stories.hashing import hashed_counts

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from numcheck.stories import Stories

UNDATED = math.inf


@dataclass(frozen=True)
class Model:
    """An archive as placing needs it. Rows (TF-IDF, words then names, as stories are
    built from) are in publication order, undated last; ``story`` indexes ``stories``."""

    data: NDArray[np.float64]
    indices: NDArray[np.int32]
    indptr: NDArray[np.int64]
    days: NDArray[np.float64]  # per row: the date's ordinal, inf when undated
    story: NDArray[np.int32]  # per row
    stories: tuple[Story, ...]
    df_words: dict[int, int]  # column → archive documents holding it
    df_names: dict[int, int]
    size: int  # archive documents


def model(
    documents: Sequence[Document], counts: Counts, found: Stories, settings: Settings
) -> Model:
    """The model of an archive from its documents, their counts (same order) and stories."""
    index = {s.id: i for i, s in enumerate(found.stories)}
    order = sorted(range(len(documents)), key=lambda i: _order_key(documents[i]))
    rows = weighted(counts, settings)[order].tocsr() if order else None
    return Model(
        data=np.asarray(rows.data if rows is not None else [], dtype=np.float64),
        indices=np.asarray(rows.indices if rows is not None else [], dtype=np.int32),
        indptr=np.asarray(rows.indptr if rows is not None else [0], dtype=np.int64),
        days=np.array([_day(documents[i].published) for i in order], dtype=np.float64),
        story=np.array([index[found.story_of[documents[i].name]] for i in order],
                       dtype=np.int32),
        stories=found.stories,
        df_words=_document_frequency(counts.words),
        df_names=_document_frequency(counts.names),
        size=len(documents),
    )


def place(
    archive: Model, new: Sequence[tuple[Document, Features]], settings: Settings,
    days: Mapping[str, Sequence[int]] | None = None,
) -> Stories:
    """The archive's stories with ``new`` placed in them (or in stories of their own).

    ``days``: archive document name → the days its figures are about (``event_days``).
    """
    from numcheck.stories import Stories, story_id

    stories = list(archive.stories)
    story_days = [{d for name in s.documents for d in (days or {}).get(name, ())}
                  for s in stories]
    member_days: list[list[float]] = [[] for _ in stories]
    for day, story in zip(archive.days.tolist(), archive.story.tolist(), strict=True):
        member_days[story].append(day)  # rows are in day order: lists stay sorted
    first_day = [days[0] if days else UNDATED for days in member_days]
    joined: dict[int, list[Document]] = {}
    placed: list[tuple[dict[int, float], float, int]] = []  # new rows, their day and story
    titles: dict[int, str] = {}
    story_of = {name: s.id for s in archive.stories for name in s.documents}
    dense = np.zeros(2 * N_FEATURES, dtype=np.float64)
    for document, features in sorted(new, key=lambda pair: _order_key(pair[0])):
        row = _row(archive, features, settings)
        day = _day(document.published)
        totals = _archive_totals(archive, row, day, settings, dense)
        for other, other_day, story in placed:
            if day == UNDATED or day - settings.story_window_days <= other_day <= day:
                sim = sum(v * other.get(c, 0.0) for c, v in row.items())
                if sim:
                    totals[story] = totals.get(story, 0.0) + sim
        best = choose(totals, None if day == UNDATED else day, member_days, first_day, settings,
                      features.days, story_days)
        if best < 0:
            best = len(member_days)
            member_days.append([])
            story_days.append(set())
            first_day.append(day)
            titles[best] = features.title
        bisect.insort(member_days[best], day)
        story_days[best].update(features.days)
        joined.setdefault(best, []).append(document)
        placed.append((row, day, best))
    for index, members in joined.items():
        names = tuple(d.name for d in members)
        dates = [d.published for d in members if d.published is not None]
        if index < len(stories):
            old = stories[index]
            dates += [d for d in (old.first, old.last) if d is not None]
            stories[index] = Story(old.id, old.title, old.documents + names,
                                   min(dates, default=None), max(dates, default=None))
        else:
            stories.append(Story(story_id(names[0]), titles[index], names,
                                 min(dates, default=None), max(dates, default=None)))
        story_of.update((name, stories[index].id) for name in names)
    stories.sort(key=lambda s: (s.first is None, s.first or s.last, s.id))
    return Stories(tuple(stories), story_of)


def _archive_totals(
    archive: Model, row: dict[int, float], day: float, settings: Settings,
    dense: NDArray[np.float64],
) -> dict[int, float]:
    """Summed similarity of ``row`` to each story's archive rows of the window."""
    if day == UNDATED:
        lo, hi = 0, len(archive.days)
    else:
        lo = int(np.searchsorted(archive.days, day - settings.story_window_days, "left"))
        hi = int(np.searchsorted(archive.days, day, "right"))
    totals: dict[int, float] = {}
    if lo >= hi or not row:
        return totals
    cols = np.fromiter(row.keys(), dtype=np.int64, count=len(row))
    dense[cols] = np.fromiter(row.values(), dtype=np.float64, count=len(row))
    start, end = int(archive.indptr[lo]), int(archive.indptr[hi])
    products = archive.data[start:end] * dense[archive.indices[start:end]]
    dense[cols] = 0.0
    owners = np.repeat(np.arange(hi - lo), np.diff(archive.indptr[lo:hi + 1]))
    sims = np.bincount(owners, weights=products, minlength=hi - lo)
    for offset in np.flatnonzero(sims).tolist():
        story = int(archive.story[lo + offset])
        totals[story] = totals.get(story, 0.0) + float(sims[offset])
    return totals


def _row(archive: Model, features: Features, settings: Settings) -> dict[int, float]:
    """The article's weighted row, as ``cluster.weighted`` builds the archive's."""
    share = settings.story_entity_weight
    out = _tfidf(hashed_counts(features.words, N_FEATURES), archive.df_words, archive.size,
                 math.sqrt(1 - share), 0)
    out.update(_tfidf(hashed_counts(features.names, N_FEATURES), archive.df_names,
                      archive.size, math.sqrt(share), N_FEATURES))
    return out


def _tfidf(counts: dict[int, int], df: dict[int, int], size: int, scale: float,
           offset: int) -> dict[int, float]:
    weights = {c: (1 + math.log(n)) * (math.log((1 + size) / (1 + df.get(c, 0))) + 1)
               for c, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {c + offset: w / norm * scale for c, w in weights.items()} if norm else {}


def _document_frequency(matrix: Any) -> dict[int, int]:
    held = np.asarray((matrix > 0).sum(axis=0)).ravel()
    cols = np.flatnonzero(held)
    return dict(zip(cols.tolist(), held[cols].tolist(), strict=True))


def _day(published: date | None) -> float:
    return float(published.toordinal()) if published is not None else UNDATED


def _order_key(document: Document) -> tuple[bool, date, str]:
    return (document.published is None, document.published or date.min, document.name)

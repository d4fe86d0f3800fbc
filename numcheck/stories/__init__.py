"""Stories: group articles about the same event before any figure is compared.

Two shootings on the same day in two cities, or two protests a week apart, give
near-identical figures about different events; compared together they would be false
conflicts. This stage sorts documents into stories (see ``cluster`` for the method
and ``features`` for what an article is reduced to) and stamps each claim with its
story (``with_stories``); ``numcheck.group.by_story`` then groups claims story by story.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from numcheck.model import Claim, Document, Story
from numcheck.rulebook import Rulebook
from numcheck.stories.cluster import Counts, count, link, weighted
from numcheck.stories.features import Features, features_of

__all__ = ["Counts", "Features", "Stories", "count", "features_of", "find_stories", "story_id",
           "with_stories"]

@dataclass(frozen=True)
class Stories:
    """The stories, first published first, and each document's story id."""

    stories: tuple[Story, ...] = ()
    story_of: dict[str, str] = field(default_factory=dict)


def find_stories(
    documents: Sequence[Document],
    rules: Rulebook,
    *,
    features: Sequence[Features] | None = None,
    counts: Counts | None = None,
) -> Stories:
    """Stories of ``documents``; ``features`` (same order) spare reading their texts again."""
    if not documents:
        return Stories()
    features = features or [features_of(d, rules) for d in documents]
    if counts is None:
        counts = count(features)
    groups = link(
        weighted(counts, rules.settings),
        [d.published for d in documents],
        [d.name for d in documents],
        rules.settings,
        [f.days for f in features],
    )
    stories = [_story([documents[i] for i in members], features[members[0]].title)
               for members in groups]
    stories.sort(key=lambda s: (s.first is None, s.first or s.last, s.id))
    return Stories(tuple(stories), {name: s.id for s in stories for name in s.documents})


def with_stories(claims: Sequence[Claim], story_of: Mapping[str, str]) -> list[Claim]:
    """Each claim stamped with its document's story (None when the document has none)."""
    stamp = dataclasses.replace
    return [c if c.story == story_of.get(c.doc) else stamp(c, story=story_of.get(c.doc))
            for c in claims]


def story_id(first_document: str) -> str:
    """Stable while later articles join: it derives from the story's first article."""
    return "s" + hashlib.sha1(first_document.encode()).hexdigest()[:8]


def _story(members: list[Document], title: str) -> Story:
    dates = [d.published for d in members if d.published is not None]
    return Story(
        id=story_id(members[0].name),
        title=title,
        documents=tuple(d.name for d in members),
        first=min(dates, default=None),
        last=max(dates, default=None),
    )

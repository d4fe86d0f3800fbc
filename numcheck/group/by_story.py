"""Group claims story by story, so figures about different events never share a subject.

Each story is grouped on its own by the ordinary ``group``; the subject keys are then
qualified with the story id (``killed|…|@s1a2b3c4d``), so two stories' subjects stay
apart in every report, and flag fingerprints (taken over the key by ``compare``) are
the ones ``numcheck check`` judges pairs with. Keeping the story out of ``group``
itself leaves the subject logic untouched.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from numcheck.group import group
from numcheck.model import Claim, Grouping, Subject
from numcheck.rulebook import Rulebook

SEPARATOR = "@"


def group_by_story(claims: Sequence[Claim], rules: Rulebook) -> Grouping:
    """``group`` run per story (``Claim.story``), merged into one ``Grouping``."""
    by_story: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_story[claim.story].append(claim)
    if len(by_story) == 1 and None in by_story:
        return group(claims, rules)  # no stories: the plain grouping
    subjects: list[Subject] = []
    subject_of: dict[str, str] = {}
    part_of: dict[str, str] = {}
    for story in sorted(by_story, key=lambda s: s or ""):
        found = group(by_story[story], rules)
        subjects += [
            dataclasses.replace(s, key=qualified(s.key, story), story=story,
                                part_of=tuple(qualified(k, story) for k in s.part_of))
            for s in found.subjects
        ]
        subject_of.update((cid, qualified(k, story)) for cid, k in found.subject_of.items())
        part_of.update(found.part_of)  # claim ids: unique across stories already
    subjects.sort(key=lambda s: s.key)
    return Grouping(tuple(subjects), subject_of, part_of)


def qualified(key: str, story: str | None) -> str:
    """A subject key made unique across stories: ``troops|…|border@s1a2b3c4d``."""
    return f"{key}{SEPARATOR}{story}" if story else key


def unqualified(key: str) -> str:
    """The subject key without its story: what is measured, whichever event it is about."""
    return key.rsplit(SEPARATOR, 1)[0] if SEPARATOR in key else key

"""Compare claims story by story, so figures about different events never meet.

Each story is grouped and compared on its own by the ordinary ``compare``; the
subject keys are then qualified with the story id (``killed|…|@s1a2b3c4d``), so two
stories' subjects stay apart in every report, and flag fingerprints are taken over
the qualified key, the one ``numcheck check`` judges pairs with. Keeping the story
out of ``group`` and ``compare`` themselves leaves the subject logic untouched.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence

from numcheck.compare import compare
from numcheck.compare.verdicts import fingerprint
from numcheck.model import Claim, Comparison, Flag, Subject
from numcheck.rulebook import Rulebook

SEPARATOR = "@"


def with_stories(claims: Sequence[Claim], story_of: Mapping[str, str]) -> list[Claim]:
    """Each claim stamped with its document's story (None when the document has none)."""
    stamp = dataclasses.replace
    return [c if c.story == story_of.get(c.doc) else stamp(c, story=story_of.get(c.doc))
            for c in claims]


def compare_within(claims: Sequence[Claim], rules: Rulebook) -> Comparison:
    """``compare`` run per story (``Claim.story``), merged into one ``Comparison``."""
    by_story: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_story[claim.story].append(claim)
    if len(by_story) == 1 and None in by_story:
        return compare(claims, rules)  # no stories: the plain comparison
    by_id = {c.id: c for c in claims}
    subjects: list[Subject] = []
    flags: list[Flag] = []
    subject_of: dict[str, str] = {}
    part_of: dict[str, str] = {}
    for story in sorted(by_story, key=lambda s: s or ""):
        found = compare(by_story[story], rules)
        subjects += [
            dataclasses.replace(s, key=qualified(s.key, story), story=story,
                                part_of=tuple(qualified(k, story) for k in s.part_of))
            for s in found.subjects
        ]
        subject_of.update((cid, qualified(k, story)) for cid, k in found.subject_of.items())
        part_of.update(found.part_of)  # claim ids: unique across stories already
        for flag in found.flags:
            key = qualified(flag.subject, story)
            members = [by_id[i] for i in flag.claims]
            flags.append(dataclasses.replace(
                flag, subject=key, fingerprint=fingerprint(key, flag.verdict, members),
                whole=tuple(qualified(k, story) for k in flag.whole)))
    subjects.sort(key=lambda s: s.key)
    flags.sort(key=lambda f: (f.verdict.severity, f.subject, f.claims))
    return Comparison(tuple(subjects), tuple(flags), subject_of, part_of)


def qualified(key: str, story: str | None) -> str:
    """A subject key made unique across stories: ``troops|…|border@s1a2b3c4d``."""
    return f"{key}{SEPARATOR}{story}" if story else key


def unqualified(key: str) -> str:
    """The subject key without its story: what is measured, whichever event it is about."""
    return key.rsplit(SEPARATOR, 1)[0] if SEPARATOR in key else key

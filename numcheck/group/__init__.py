"""Group: decide which claims speak about the same thing.

A subject is what a claim measures: the counted thing, whose it is, what happened to
it and where (``troops|russia|deployed|border``). Facets come from the vocabulary in
``rules/subjects`` (see ``facets``); claims whose counted thing no rule names fall
back to the lemma of the counted noun; claims that count nothing nameable stay alone.

A facet a claim leaves unnamed is not a different value: within its group it joins
the only value the other claims name ("120 000 soldats massés à la frontière" joins
Russian troops there when no other army is named), and stays apart when several are.
Grouping is dictionary work, linear in the number of claims.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import NamedTuple, TypeVar

from numcheck.group.facets import RESTATES, UNSET, Facets, Named, facets_of, label
from numcheck.group.gazetteer import is_country
from numcheck.group.holders import fuller_names
from numcheck.group.parts import parts_of
from numcheck.group.vocabulary import vocabulary
from numcheck.model import Claim, Grouping, Kind, Subject
from numcheck.rulebook import Rulebook

__all__ = ["group", "group_with_parts"]
PART = "part"  # the fifth key facet of a part whose own facets equal its whole's


V = TypeVar("V", str, tuple[str, ...])  # a facet's value while joining unnamed claims


class Key(NamedTuple):
    """A subject's facets while grouping; ``str()`` is the subject key every output
    shows (``troops|russia|deployed|border``), never split back."""

    counted: str
    actor: str
    event: str
    places: tuple[str, ...]  # () when the claims name no place
    part: bool = False  # a part whose own facets equal its whole's (see ``PART``)

    def __str__(self) -> str:
        facets = (self.counted, self.actor, self.event, "+".join(self.places) or UNSET)
        return "|".join((*facets, PART) if self.part else facets)


def group(claims: Sequence[Claim], rules: Rulebook) -> Grouping:
    """Subjects (sorted by key), the subject key of every claim, parts and their wholes."""
    subjects, subject_of, parts = group_with_parts(claims, rules)
    return Grouping(tuple(subjects), subject_of, parts)


def group_with_parts(
    claims: Sequence[Claim], rules: Rulebook
) -> tuple[list[Subject], dict[str, str], dict[str, str]]:
    """Subjects, the subject key of every claim, and part claim id → whole claim id."""
    parts = parts_of(claims, rules)
    facets = {c.id: facets_of(c, scope, rules) for c, scope in _with_neighbours(claims, parts)}
    _restatements(claims, facets)
    _fuller_holders(facets)
    by_base: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        f = facets[claim.id]
        by_base[(f.counted, f.event)].append(claim)
    members: dict[Key, list[Claim]] = defaultdict(list)
    for group_claims in by_base.values():
        for actor, by_actor in _join_unnamed(group_claims, lambda c: facets[c.id].actor,
                                             UNSET):
            place_of = _place_components(by_actor, facets)
            # a part's place never becomes its whole's: 81 000 in Paris is not the
            # national figure's scope
            for places, same in _join_unnamed(by_actor, _by_id(place_of), (),
                                              set(parts), wider=_wider_than_its_own):
                f = facets[same[0].id]
                members[Key(f.counted, actor, f.event, places)].extend(same)
    subject_of = {c.id: key for key, cs in members.items() for c in cs}
    _separate_parts(parts, subject_of, members)
    wholes = _geographic_parts(members)
    for part, whole in parts.items():
        if subject_of[part] != subject_of[whole]:
            wholes[subject_of[part]].add(subject_of[whole])
    subjects = [
        _subject(key, members[key], facets, rules, tuple(sorted(map(str, wholes.get(key, ())))))
        for key in sorted(members, key=str)
    ]
    return subjects, {claim: str(key) for claim, key in subject_of.items()}, parts


def _restatements(claims: Sequence[Claim], facets: dict[str, Facets]) -> None:
    """A figure that restates the one before ("about 100,000 Greeks worship … The Church
    estimates that number is closer to 40,000") takes its facets: the figure just before
    it in its article, in its sentence or the one before, when that one counts something."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc].append(claim)
    for doc_claims in by_doc.values():
        doc_claims.sort(key=lambda c: c.start)
        for before, claim in itertools.pairwise(doc_claims):
            if facets[claim.id].found_by != (RESTATES,) or facets[before.id].alone:
                continue
            adjacent = before.sentence_start + len(before.sentence.rstrip()) + 3
            if before.sentence_start == claim.sentence_start or adjacent >= claim.sentence_start:
                f = facets[before.id]
                facets[claim.id] = dataclasses.replace(
                    f, found_by=(*f.found_by, "counted/restates-previous"))


def _fuller_holders(facets: dict[str, Facets]) -> None:
    """A holder written short ("Macron") takes the one fuller name of the story that ends
    it ("Emmanuel Macron"), so the outlets' counts for one candidate meet."""
    fuller = fuller_names(f.actor for f in facets.values())
    if not fuller:
        return
    written = {f.actor: f.named.holder for f in facets.values() if f.actor in fuller.values()}
    for claim_id, f in facets.items():
        if f.actor in fuller:
            actor = fuller[f.actor]
            facets[claim_id] = dataclasses.replace(
                f, actor=actor, named=f.named._replace(holder=written[actor]),
                found_by=(*f.found_by, "actor/holder-fuller-name"))


def _separate_parts(
    parts: dict[str, str], subject_of: dict[str, Key], members: dict[Key, list[Claim]]
) -> None:
    """A part whose facets equal its whole's gets a subject of its own: never compared."""
    for part, whole in sorted(parts.items()):
        key = subject_of[part]
        if key != subject_of[whole]:
            continue
        moved = next(c for c in members[key] if c.id == part)
        members[key].remove(moved)
        members[key._replace(part=True)].append(moved)
        subject_of[part] = key._replace(part=True)


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Every place of ``part`` is a gazetteer town or region lying in a country ``whole``
    names (Paris in France), or ``whole`` names no place: a city against the whole."""
    towns = [p for p in part if p[:1].isupper() and not is_country(p)]
    if not part or len(towns) < len(part):
        return False
    if not whole:
        return True
    countries = [p for p in whole if is_country(p)]
    return bool(countries) and all(p[:2] in countries for p in towns)


def _geographic_parts(members: dict[Key, list[Claim]]) -> dict[Key, set[Key]]:
    """Subject key → keys of the subjects whose scope contains its scope."""
    by_base: dict[tuple[str, str, str], list[Key]] = defaultdict(list)
    for key in members:
        if not key.part:
            by_base[(key.counted, key.actor, key.event)].append(key)
    out: dict[Key, set[Key]] = defaultdict(set)
    for keyed in by_base.values():
        for key in keyed:
            out[key] |= {other for other in keyed if _within(key.places, other.places)}
    return out


def _by_id(values: dict[str, V]) -> Callable[[Claim], V]:
    return lambda claim: values[claim.id]


def _place_components(
    claims: list[Claim], facets: dict[str, Facets]
) -> dict[str, tuple[str, ...]]:
    """Place sets that share a place are one subject: {border} and {Belarus, border}.

    Disjoint sets stay apart (Poland and Germany against Romania); each claim gets the
    union of its component, so the subject names every place its claims name.
    """
    parent: dict[str, str] = {}

    def root(p: str) -> str:
        while parent.setdefault(p, p) != p:
            p = parent[p]
        return p

    for claim in claims:
        places = facets[claim.id].places
        for place in places:
            parent[root(place)] = root(places[0])
    components: dict[str, set[str]] = defaultdict(set)
    for place in list(parent):
        components[root(place)].add(place)
    return {
        c.id: tuple(sorted(components[root(facets[c.id].places[0])]))
        if facets[c.id].places else ()
        for c in claims
    }


def _join_unnamed(
    claims: list[Claim], facet: Callable[[Claim], V], unnamed: V,
    silent: set[str] | None = None, wider: Callable[[Claim, list[Claim]], bool] | None = None,
) -> list[tuple[V, list[Claim]]]:
    """Claims by facet value; those naming none join the only value named, if one.

    Values named only by ``silent`` claims (parts) are not offered to the others; a
    claim ``wider`` than the named value's claims keeps naming none.
    """
    by_value: dict[V, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_value[facet(claim) or unnamed].append(claim)
    silent = silent or set()
    named = [v for v, cs in by_value.items()
             if v != unnamed and any(c.id not in silent for c in cs)]
    if len(named) == 1 and unnamed in by_value:
        target = by_value[named[0]]
        alone = by_value.pop(unnamed)
        stay = [c for c in alone if wider is not None and wider(c, target)]
        target.extend(c for c in alone if c not in stay)
        if stay:
            by_value[unnamed] = stay
    return list(by_value.items())


def _wider_than_its_own(claim: Claim, placed: list[Claim]) -> bool:
    """Its own article names the place for a different figure of the same subject: the
    figure with no place is the wider scope ("1.2 million marched … In Toulouse, 36,000
    marched"), not a second Toulouse figure. Only a figure above the placed one can be
    its wider scope: "130,000 troops along the border …, up from 100,000 in January" is
    the same place at another time. Other articles' places are lent freely."""
    return any(c.doc == claim.doc and _above(claim, c) for c in placed)


def _above(a: Claim, b: Claim) -> bool:
    """``a``'s interval lies wholly above ``b``'s: two different figures, ``a`` larger."""
    return a.low is not None and b.high is not None and a.low > b.high


def _with_neighbours(
    claims: Sequence[Claim], parts: dict[str, str]
) -> list[tuple[Claim, tuple[int, int, int, tuple[int, ...]]]]:
    """Each claim with the sentence offsets of the figures before and after it, and of
    the sentence's first figure (what stands before it is said of every figure).

    A whole's next figure is the one after its parts: in "three victims, two women and
    a man, were wounded" the predicate after the breakdown is the whole's too. The parts'
    offsets come last, so their own clauses ("dont 80 000 à Paris") stay theirs.
    """
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[(claim.doc, claim.sentence_start)].append(claim)
    out = []
    for group_claims in by_sentence.values():
        group_claims.sort(key=lambda c: c.start)
        for i, claim in enumerate(group_claims):
            prev_end = group_claims[i - 1].end - claim.sentence_start if i else 0
            j = i + 1
            while j < len(group_claims) and parts.get(group_claims[j].id) == claim.id:
                j += 1
            next_start = (
                group_claims[j].start - claim.sentence_start
                if j < len(group_claims)
                else len(claim.sentence)
            )
            first = group_claims[0].start - claim.sentence_start
            own_parts = tuple(c.start - claim.sentence_start for c in group_claims[i + 1 : j])
            out.append((claim, (prev_end, next_start, first, own_parts)))
    return out


def _subject(
    key: Key, members: list[Claim], facets: dict[str, Facets], rules: Rulebook,
    part_of: tuple[str, ...],
) -> Subject:
    """Labels are built from the key's own facets, so joined claims share one wording,
    in every language with subject rules (a report is written in its reader's)."""
    counted, actor, event, places, part = key
    named = next((facets[c.id] for c in members if facets[c.id].actor == actor), None)
    first = named or facets[members[0].id]
    labels = _labels(first.named, places, part, rules)
    lang = members[0].lang
    return Subject(
        key=str(key),
        label=dict(labels).get(lang) or (labels[0][1] if labels else first.named[0]),
        claims=tuple(c.id for c in members),
        found_by=first.found_by,
        facets=(("counted", counted), ("actor", actor), ("event", event),
                ("places", "+".join(places) or UNSET)),
        part_of=part_of,
        alone=first.alone,
        generic=first.generic,
        restated=first.restated,
        kind=first.kind,
        cumulative=_cumulative(counted, first, rules, members[0].lang),
        labels=labels,
    )


def _cumulative(counted: str, facets: Facets, rules: Rulebook, lang: str) -> bool:
    vocab = vocabulary(rules, lang)
    return (facets.kind is Kind.COUNT and vocab is not None
            and bool(vocab.counted_info.get(counted, {}).get("cumulative")))


def _labels(
    named: Named, places: tuple[str, ...], part: bool, rules: Rulebook
) -> tuple[tuple[str, str], ...]:
    """(language, label) for every language with subject rules."""
    out = []
    for lang in sorted(rules.subjects):
        vocab = vocabulary(rules, lang)
        if vocab is not None:
            text = label(named, places, vocab)
            out.append((lang, vocab.label_forms["part"].format(label=text) if part else text))
    return tuple(out)

"""Group: decide which claims speak about the same thing.

A subject is what a claim measures: the counted thing, whose it is, what happened to
it and where (``troops|russia|deployed`` near the border). Each facet is looked up
in the vocabulary, nearest the figure first (between it and its neighbouring figures),
then in its sentence. Claims whose counted thing no rule names fall back to the
lemma of the counted noun; claims that count nothing nameable stay on their own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from numcheck.extract.lexicon import fold
from numcheck.group.vocabulary import Vocabulary, vocabulary
from numcheck.model import Claim, Kind, Subject
from numcheck.rulebook import Rulebook

UNSET = "-"


@dataclass(frozen=True)
class Facets:
    counted: str
    actor: str
    event: str
    places: tuple[str, ...]
    found_by: str
    labels: tuple[str, str, str, str]

    @property
    def base(self) -> str:
        return f"{self.counted}|{self.actor}|{self.event}"


def group(claims: Sequence[Claim], rules: Rulebook) -> tuple[list[Subject], dict[str, str]]:
    """Subjects (sorted by key) and the subject key of every claim."""
    facets = {c.id: _facets(c, neighbours, rules) for c, neighbours in _with_neighbours(claims)}
    by_base: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_base[facets[claim.id].base].append(claim)
    subject_of: dict[str, str] = {}
    members: dict[str, list[Claim]] = defaultdict(list)
    for base, group_claims in by_base.items():
        for key, claim in _split_by_place(base, group_claims, facets):
            subject_of[claim.id] = key
            members[key].append(claim)
    subjects = []
    for key in sorted(members):
        first = members[key][0]
        f = facets[first.id]
        places = key.split("|")[3] if key.count("|") >= 3 else UNSET
        subjects.append(
            Subject(
                key=key,
                label=_label(f, places, rules, first.lang),
                claims=tuple(c.id for c in members[key]),
                found_by=f.found_by,
                facets=(("counted", f.counted), ("actor", f.actor), ("event", f.event),
                        ("places", places)),
            )
        )
    return subjects, subject_of


def _with_neighbours(claims: Sequence[Claim]) -> list[tuple[Claim, tuple[int, int]]]:
    """Each claim with the sentence offsets of the figures before and after it."""
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[(claim.doc, claim.sentence_start)].append(claim)
    out = []
    for group_claims in by_sentence.values():
        group_claims.sort(key=lambda c: c.start)
        for i, claim in enumerate(group_claims):
            prev_end = group_claims[i - 1].end - claim.sentence_start if i else 0
            next_start = (
                group_claims[i + 1].start - claim.sentence_start
                if i + 1 < len(group_claims)
                else len(claim.sentence)
            )
            out.append((claim, (prev_end, next_start)))
    return out


def _facets(claim: Claim, scope: tuple[int, int], rules: Rulebook) -> Facets:
    vocab = vocabulary(rules, claim.lang)
    if vocab is None:
        return _alone(claim, "no subject vocabulary for this language")
    text = fold(claim.sentence)
    here = claim.start - claim.sentence_start
    after = claim.end - claim.sentence_start
    prev_end, next_start = scope
    how = []

    counted = _counted_concept(claim, vocab)
    if counted is None:
        fallback = _fallback(claim, vocab)
        if fallback is None:
            return _alone(claim, "counts nothing a rule or the fallback can name")
        counted, how = fallback, ["counted/fallback-lemma"]
    else:
        how.append("counted/vocabulary")

    events = vocab.families["events"]
    event = _first(events.find(text, after, next_start)) or _last(events.find(text, 0, here))
    info = vocab.counted_info.get(counted, {})
    if event is None:
        event = info.get("default_event", UNSET)
        how.append("event/default")
    if event in vocab.counted_as and (info.get("people") or counted.startswith("~")):
        counted = vocab.counted_as[event]

    actors = vocab.families["actors"]
    phrase_end = after + len(claim.counted or "") + 3
    actor = (
        _first(actors.find(text, after, min(phrase_end, next_start)))
        or _last(actors.find(text, 0, here))
        or _first(actors.find(text, after, len(text)))
        or _first(actors.find(fold(claim.attribution or "")))
        or UNSET
    )
    places_family = vocab.families["places"]
    places = {c for _, c in places_family.find(text, after, next_start)} or {
        c for _, c in places_family.find(text, prev_end, here)
    }
    kind = "" if claim.kind is Kind.COUNT else f"{claim.kind.value}:"
    labels = (
        vocab.families["counted"].labels.get(counted, counted.lstrip("~")),
        vocab.families["actors"].labels.get(actor, ""),
        vocab.families["events"].labels.get(event, "" if event == UNSET else event),
        ", ".join(vocab.families["places"].labels[p] for p in sorted(places)),
    )
    return Facets(f"{kind}{counted}", actor, event, tuple(sorted(places)), " + ".join(how), labels)


def _counted_concept(claim: Claim, vocab: Vocabulary) -> str | None:
    if not claim.counted:
        return None
    # Only a concept at the head counts: "analystes militaires" are analysts, not troops.
    phrase = fold(claim.counted)
    family = vocab.families["counted"]
    for m in family.pattern.finditer(phrase):
        at_head = m.start() == 0 if vocab.head == "first" else m.end() == len(phrase)
        if at_head:
            return family.concept_of[" ".join(m.group(0).split())]
    return None


def _fallback(claim: Claim, vocab: Vocabulary) -> str | None:
    if claim.kind in (Kind.DURATION, Kind.MONEY) and claim.unit:
        return f"~{claim.unit.lower()}"
    if not claim.counted:
        return None
    words = [w for w in claim.counted.split() if fold(w) not in vocab.fallback_stopwords]
    if not words:
        return None
    head = words[0] if vocab.head == "first" else words[-1]
    return f"~{vocab.lemma(head)}"


def _alone(claim: Claim, why: str) -> Facets:
    return Facets(f"alone:{claim.id}", UNSET, UNSET, (), f"alone/{why}",
                  (claim.counted or claim.surface, "", "", ""))


def _first(found: list[tuple[int, str]]) -> str | None:
    return found[0][1] if found else None


def _last(found: list[tuple[int, str]]) -> str | None:
    return found[-1][1] if found else None


def _split_by_place(
    base: str, claims: list[Claim], facets: dict[str, Facets]
) -> list[tuple[str, Claim]]:
    """Different places are different subjects; a claim naming none joins the only one named."""
    named = {facets[c.id].places for c in claims if facets[c.id].places}
    only = next(iter(named)) if len(named) == 1 else ()
    out = []
    for claim in claims:
        places = facets[claim.id].places or only
        out.append((f"{base}|{'+'.join(places) or UNSET}", claim))
    return out


def _label(f: Facets, places: str, rules: Rulebook, lang: str) -> str:
    counted, actor, event, _ = f.labels
    place_label = ""
    if places != UNSET:
        vocab = vocabulary(rules, lang)
        if vocab is not None:
            labels = vocab.families["places"].labels
            place_label = " and ".join(labels.get(p, p) for p in places.split("+"))
    words = [w for w in (actor, counted, event, place_label) if w]
    text = " ".join(words)
    return text[:1].upper() + text[1:]

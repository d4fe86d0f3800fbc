"""The facets of one claim: counted thing, whose, what happened to it, where.

Each facet is looked up in the vocabulary nearest the figure first (between it and
its neighbouring figures), then in its sentence. Two readings are refused because
they confuse *who says* or *where* with *whose*: an actor word inside the claim's
attribution ("selon Kiev, 120 000 soldats…" counts no Ukrainian troops) and an actor
word that only qualifies a place ("la frontière ukrainienne", "the Ukrainian border").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from numcheck.extract.lexicon import fold
from numcheck.group.gazetteer import CITY, COUNTRY, is_country, name_in, place_of, places_in
from numcheck.group.holders import holder_of, is_margin
from numcheck.group.parts import is_addition
from numcheck.group.restated import figure_key, restated_only, unit_only
from numcheck.group.vocabulary import Family, Vocabulary, vocabulary
from numcheck.model import Claim, Granularity, Kind
from numcheck.rulebook import Rulebook

UNSET = "-"
RESTATES = "alone/restates"  # counts what the figure before it counts (see ``group``)


class Named(NamedTuple):
    """What a subject's label is written from, in any language: concept ids, not words,
    so each report language puts its own words on them."""

    counted: str  # the counted concept, or its fallback lemma ("~analyste")
    actor: str  # whose ("" or UNSET when nobody's)
    event: str  # what happened to it ("" when it goes without saying)
    holder: str = ""  # a vote holder's name as written: a name, the same in every language
    day: date | None = None  # the day of an earlier event (see ``_dated``)


@dataclass(frozen=True)
class Facets:
    counted: str
    actor: str
    event: str
    places: tuple[str, ...]
    found_by: tuple[str, ...]
    # the concept ids a label is written from, in any language: what is counted (or its
    # fallback lemma), whose, and what happened to it ("" when it goes without saying)
    named: Named
    alone: bool = False  # counts nothing nameable: a subject of its own
    generic: bool = False  # the counted thing is the fallback lemma, not a rule's concept
    restated: bool = False  # groups restatements only (see ``restated``)
    kind: Kind | None = None


def facets_of(
    claim: Claim, scope: tuple[int, int, int, tuple[int, ...]], rules: Rulebook
) -> Facets:
    """``scope``: sentence offsets of the end of the previous figure, the start of the
    next one, the start of the sentence's first figure and the starts of the claim's
    parts lying in between."""
    vocab = vocabulary(rules, claim.lang)
    if vocab is None:
        return alone(claim, "alone/no-vocabulary")  # none for this language
    text = fold(claim.sentence)
    here = claim.start - claim.sentence_start
    after = claim.end - claim.sentence_start
    prev_end, next_start, first_start, own_parts = scope
    if is_age(claim, text, here, after, vocab):
        return alone(claim, "alone/age")  # an age describes a person: never compared
    if is_addition(claim, text, here, after, vocab):
        return alone(claim, "alone/addition")  # added to a figure given: part of a total
    if vocab.hypothetical.search(text, prev_end, here):
        return alone(claim, "alone/hypothetical")  # "would have been": it did not happen
    how = []
    before = None
    if "counted/ellipsis" in claim.found_by:
        # "45,756 migrants crossing … drove asylum claims over 150,000": the noun right
        # before the figure is what it counts, not the one borrowed from the figure
        # before, and only its own predicate says what happened to it
        before = _noun_before(claim, text, prev_end, here, vocab)
        if before is not None:
            claim = replace(claim, counted=before)
            how.append("counted/noun-before")
    events = vocab.families["events"]
    # a verb right before the next figure is that figure's: "the collapse of two
    # buildings killed eight people" killed eight people, not two buildings
    ahead = [(s, c) for s, e, c in events.spans(text, after, next_start)
             if not (next_start < len(text) and text[e:next_start].isspace())]
    near = _governing(claim, text, here, prev_end, events) or _first(ahead)
    event = near or (None if before else _last(events.find(text, 0, here))) or ""

    counted = _counted_concept(claim, vocab)
    # "Seven shot", "12 arrested": a counted phrase that is only a role word is the role
    fallback = _fallback(claim, vocab) if counted is None and not _only_role(claim, vocab) else None
    if counted is not None:
        how.append("counted/vocabulary")
    elif fallback is not None:
        counted, how = fallback, [*how, "counted/fallback-lemma"]
    elif claim.kind in (Kind.COUNT, Kind.PERCENT) and event in vocab.counted_as:
        # "1,12 million selon le ministère … ont manifesté": the role names what is counted
        counted, how = vocab.counted_as[event], ["counted/role"]
    elif vocab.restating.search(text, prev_end, here):
        return alone(claim, RESTATES)  # "that number is closer to 40,000": see ``group``
    else:
        return alone(claim, "alone/nothing-counted")  # no rule nor the fallback names it
    info = vocab.counted_info.get(counted, {})
    if not event or (event in vocab.reporting and "default_event" in info):
        event = info.get("default_event", event or UNSET)
        how.append("event/default")
    if event in vocab.counted_as and claim.kind in (Kind.COUNT, Kind.PERCENT) and (
        info.get("people") or (event in vocab.any_counted and counted == fallback and near)
    ):
        # people in a role are that role ("two men are dead"); a population no rule
        # names keeps its name ("3 000 enseignants ont défilé": teachers who marched); a
        # thing no rule names takes a casualty role only from its own predicate (the
        # "66 canons" lost beside "10 000 morts" are not deaths)
        counted = vocab.counted_as[event]
    generic = counted == fallback
    holder = None
    if info.get("holders"):
        if is_margin(claim, text, here, after, vocab):
            return alone(claim, "alone/margin")  # a difference between two holders
        holder = holder_of(claim, (prev_end, here, after, next_start), vocab)
        if holder is not None:
            # a candidate's votes whatever the verb ("won", "received", "obtenu")
            event = info.get("default_event", event)
            how.append("actor/holder")
    restated = holder is None and restated_only(claim, counted, near, vocab)
    if restated:
        how.append("counted/restatement")
        if unit_only(claim, counted):
            event = UNSET  # a predicate elsewhere in the sentence is not this figure's

    actor = holder[0] if holder else _actor(claim, text, here, after, next_start, vocab)
    places = _places(claim, text, (here, after, prev_end, next_start, first_start), vocab,
                     rules.settings.place_min_population, _part_clauses(text, own_parts))
    kind = "" if claim.kind is Kind.COUNT else f"{claim.kind.value}:"
    # "deaths killed" says it twice: an event that defines the counted thing is silent.
    silent = vocab.counted_as.get(event) == counted or event == UNSET
    named = Named(counted, actor, "" if silent else event, holder[1] if holder else "")
    if restated:
        counted = f"{counted}={figure_key(claim)}"
    dated = _dated(claim, event, rules)
    if dated != event and claim.period is not None:
        named = named._replace(day=claim.period.start)
        event = dated
    return Facets(f"{kind}{counted}", actor, event, tuple(sorted(places)), tuple(how), named,
                  generic=generic, restated=restated, kind=claim.kind)


def _noun_before(
    claim: Claim, text: str, prev_end: int, here: int, vocab: Vocabulary
) -> str | None:
    """The noun phrase (up to two words) right before the figure and its hedge, if the
    word next to the figure is a noun: no function word, predicate, participle or number
    ("claims over 150,000" → claims; "up from 100,000", "contre 50", "killing 107" → none)."""
    before = text[prev_end:here].rstrip()
    hedge = fold(claim.hedge_text or "")
    if hedge and before.endswith(hedge):
        before = before[: -len(hedge)].rstrip()
    # "a capacity of 350", "une capacité de 350": the noun before its connector, unless
    # it only names a figure ("up from an estimate of 100,000" still counts troops)
    connected = False
    for connector in vocab.noun_connectors:
        if before.endswith(connector) and (
                len(before) == len(connector) or not before[-len(connector) - 1].isalnum()):
            before, connected = before[: -len(connector)].rstrip(), True
            break
    words = re.findall(r"[^\W\d_][\w'’-]*", before[-60:])
    if not words or not re.search(r"[^\W\d_]$", before):
        return None
    if connected and words[-1] in vocab.quantity_nouns:
        return None
    phrase: list[str] = []
    for word in reversed(words[-2:]):
        if (word in vocab.stopwords or len(word) < 3
                or vocab.families["events"].pattern.fullmatch(word)
                or (vocab.participle_endings and word.endswith(vocab.participle_endings))):
            break
        phrase.insert(0, word)
    return " ".join(phrase) if phrase and phrase[-1] == words[-1] else None


def _dated(claim: Claim, event: str, rules: Rulebook) -> str:
    """A figure its own time expression puts well before its article's news ("last week,
    at least 76 people were killed when a hotel collapsed", in a report of today's
    stampede) is about an earlier event: its day joins its event facet, so it meets only
    figures of that day. Only a relative expression reaching back further than
    ``story_day_gap_days`` (``relative_periods`` in rules/languages) says so: a named day
    ("on Sunday", "4 September") is as often the news itself, reported days later."""
    period, scope = claim.period, claim.time_scope
    if period is None or scope is None or period.granularity is not Granularity.DAY:
        return event
    back = _days_back(rules, claim.lang).get(" ".join(fold(scope).split()))
    if back is None or back <= rules.settings.story_day_gap_days:
        return event
    return f"{event}/{period}"


@functools.lru_cache(maxsize=16)
def _days_back(rules: Rulebook, lang: str) -> dict[str, int]:
    """Relative day expressions ("last week", "hier") → how many days back they reach."""
    relative = rules.language(lang).get("relative_periods", {})
    return {" ".join(fold(k).split()): -v["offset"] for k, v in relative.items()
            if v["unit"] == "day"}


def _governing(claim: Claim, text: str, here: int, prev_end: int, events: Family) -> str | None:
    """The verb right before the figure governs it: "killing 107 or more and injuring
    238" — 107 were killed whatever follows."""
    gap = re.escape(fold(claim.hedge_text)) if claim.hedge_text else ""
    before = events.spans(text, prev_end, here)
    if before and re.fullmatch(rf"\s*(?:{gap})?\s*", text[before[-1][1] : here]):
        return before[-1][2]
    return None


def _places(
    claim: Claim, text: str, at: tuple[int, int, int, int, int], vocab: Vocabulary,
    min_population: float, skip: Sequence[tuple[int, int]] = (),
) -> set[str]:
    """Where: rule places and gazetteer names after the figure (up to the next one), else
    before it (from the previous one), else fronted before the sentence's first figure
    ("À Marseille, 30 000 selon la police, 140 000 selon les syndicats")."""
    here, after, prev_end, next_start, first_start = at
    spans = [sp for sp in _place_spans(claim, text, vocab, min_population)
             if not any(a <= sp[0] < b for a, b in skip)]
    for start, end in ((after, next_start), (prev_end, here), (0, min(first_start, here))):
        found = {c for s, _, c in spans if start <= s < end}
        if found:
            # "Derna, Libya": the city says where; its country adds nothing
            return {p for p in found if not (is_country(p) and any(q[:2] == p and q != p
                                                                   for q in found))}
    return set()


_CLAUSE_END = re.compile(r"[,;.!?](?!\d)")


def _part_clauses(text: str, starts: tuple[int, ...]) -> list[tuple[int, int]]:
    """Each part's own clause, from its figure to the next comma or stop: the place in
    "1,2 million en France, dont 80 000 à Paris" is the part's, not the whole's."""
    out = []
    for start in starts:
        m = _CLAUSE_END.search(text, start)
        out.append((start, m.start() if m else len(text)))
    return out


def _place_spans(
    claim: Claim, text: str, vocab: Vocabulary, min_population: float
) -> list[tuple[int, int, str]]:
    """Rule places, then gazetteer places no rule word, actor or source already covers."""
    spans = vocab.families["places"].spans(text)
    actors = vocab.families["actors"].spans(text)
    speaker = _attribution_span(claim, text)
    for start, end, place, whole in places_in(claim.sentence):
        if any(s < end and start < e for s, e, _ in spans) or speaker[0] <= start < speaker[1]:
            continue
        led = vocab.place_lead.search(text, 0, start) is not None
        if not whole and not led:
            continue  # "Valeska Paris" is a person
        if any(s < end and start < e for s, e, _ in actors) and not led:
            continue  # "Moscou a massé…" is whose; "en France" is where
        if text[start:end] in vocab.common_words and not led:
            continue
        if place.kind != COUNTRY and not led and (start == 0 or place.population < min_population):
            continue  # "Police said…" is not Police, Poland
        spans.append((start, end, place.id))
    return spans


def label(named: Named, places: tuple[str, ...], vocab: Vocabulary) -> str:
    """A subject's label in ``vocab``'s language, from concept ids: the rules' labels
    for them, in the language's order (``head``: "soldats russes", "Russian troops")."""
    families, forms = vocab.families, vocab.label_forms
    lemma = named.counted.lstrip("~")
    agreeing = bool(vocab.counted_info.get(named.counted, {}).get("feminine")
                    or lemma in vocab.feminine_units)

    def word(family: str, concept: str, default: str) -> str:
        labels = families[family]
        found = labels.feminine.get(concept) if agreeing else None
        return found or labels.labels.get(concept, default)

    # a noun no rule names is the article's own word, in the article's language: quoted
    as_written = forms["as_written"].format(word=lemma)
    words = [word("counted", named.counted, vocab.unit_words.get(lemma, as_written)),
             forms["holder"].format(name=named.holder) if named.holder
             else word("actors", named.actor, "")]
    if vocab.head == "last":
        words.reverse()
    event = word("events", named.event, named.event)
    if named.day is not None:
        event = forms["dated"].format(event=event, day=_day(named.day, vocab.lang)).strip()
    words.append(event)
    words.append(forms["join"].join(place_label(p, vocab) for p in places))
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]


def _day(day: date, lang: str) -> str:
    """The day as its readers write it (CLDR through Babel: "14 nov. 2026", "Nov 14, 2026")."""
    from babel import UnknownLocaleError
    from babel.dates import format_date

    try:
        return str(format_date(day, format="medium", locale=lang))
    except (UnknownLocaleError, ValueError):
        return day.isoformat()


def place_label(place: str, vocab: Vocabulary) -> str:
    """The rule's label for a rule place; a gazetteer place in the language's form
    ("in Paris", "à Paris", "en Allemagne")."""
    labels = vocab.families["places"].labels
    if place in labels:
        return labels[place]
    found = place_of(place)
    if found is None:
        return place
    if found.kind == COUNTRY:
        form = vocab.country_forms.get(found.id, vocab.label_forms["area"])
    else:
        form = vocab.label_forms["town" if found.kind == CITY else "area"]
    return form.format(name=name_in(found, vocab.lang))


def _actor(
    claim: Claim, text: str, here: int, after: int, next_start: int, vocab: Vocabulary
) -> str:
    """Whose: in the counted phrase, else the last before the figure, else the first after."""
    spans = _actor_spans(claim, text, vocab)
    phrase_end = min(after + len(claim.counted or "") + 3, next_start)
    return (
        _first([(s, c) for s, _, c in spans if after <= s < phrase_end])
        or _last([(s, c) for s, _, c in spans if s < here])
        or _first([(s, c) for s, _, c in spans if s >= after])
        or UNSET
    )


def _actor_spans(claim: Claim, text: str, vocab: Vocabulary) -> list[tuple[int, int, str]]:
    spans = vocab.families["actors"].spans(text)
    speaker = _attribution_span(claim, text)
    places = vocab.families["places"].spans(text)
    return [
        (s, e, c)
        for s, e, c in spans
        if not (speaker[0] <= s < speaker[1]) and not _qualifies_place(text, s, e, places, vocab)
        and not (vocab.place_lead.search(text, 0, s) and any(
            ps <= s < pe for ps, pe, _, _ in places_in(claim.sentence)))  # "en France": where
    ]


def _attribution_span(claim: Claim, text: str) -> tuple[int, int]:
    """Where the attribution stands in the sentence (nearest the figure), or nowhere."""
    if not claim.attribution:
        return (0, 0)
    who = fold(claim.attribution)
    here = claim.start - claim.sentence_start
    at = text.rfind(who, 0, here)
    if at < 0:
        at = text.find(who, here)
    return (at, at + len(who)) if at >= 0 else (0, 0)


def _qualifies_place(
    text: str, start: int, end: int, places: list[tuple[int, int, str]], vocab: Vocabulary
) -> bool:
    """After the place through link words ("frontière avec la Russie", "border with
    Russia"); before it only as an adjective glued to it, and only where the head noun
    comes last ("the Ukrainian border")."""
    for p_start, p_end, _ in places:
        if p_end <= start and vocab.place_link.fullmatch(text[p_end:start]):
            return True
        if vocab.head == "last" and end <= p_start and not text[end:p_start].strip(" -"):
            return True
    return False


def _counted_concept(claim: Claim, vocab: Vocabulary) -> str | None:
    family: Family = vocab.families["counted"]
    if claim.kind is Kind.MEASURE and claim.unit:
        # a measure counts its unit's concept: "800 hectares ont brûlé" is an area
        by_unit = family.concept_of.get(fold(claim.unit))
        if by_unit is not None:
            return by_unit
    if not claim.counted:
        return None
    # Only a concept at the head counts: "analystes militaires" are analysts, not troops.
    phrase = fold(claim.counted)
    for m in family.pattern.finditer(phrase):
        at_head = m.start() == 0 if vocab.head == "first" else m.end() == len(phrase)
        if at_head:
            return family.concept_of[" ".join(m.group(0).split())]
    return None


def _only_role(claim: Claim, vocab: Vocabulary) -> bool:
    phrase = " ".join(fold(claim.counted or "").split())
    return bool(phrase) and vocab.families["events"].pattern.fullmatch(phrase) is not None


def _fallback(claim: Claim, vocab: Vocabulary) -> str | None:
    """The lemma of the counted noun, for subjects no rule names ("~teacher")."""
    if claim.kind in (Kind.DURATION, Kind.MONEY) and claim.unit:
        return f"~{claim.unit.lower()}"
    if not claim.counted:
        return None
    words = [w for w in claim.counted.split() if fold(w) not in vocab.fallback_stopwords]
    if not words:
        return None
    if vocab.head == "first":
        return f"~{vocab.lemma(words[0])}"
    # a noun modifier says which: "10 assault counts" and "two weapons counts" differ;
    # participles and proper adjectives do not ("striking teachers", "Russian analysts")
    head, modifier = words[-1], words[-2] if len(words) > 1 else ""
    if modifier and not modifier[0].isupper() and not fold(modifier).endswith(("ing", "ed")):
        return f"~{vocab.lemma(modifier)} {vocab.lemma(head)}"
    return f"~{vocab.lemma(head)}"


def is_age(claim: Claim, text: str, here: int, after: int, vocab: Vocabulary) -> bool:
    """"a 21-year-old", "âgé de 57 ans": an attribute of a person, not a count."""
    if claim.kind.value == "age":
        return True
    if claim.kind not in (Kind.COUNT, Kind.DURATION):
        return False
    return bool(vocab.age_before.search(text, 0, here) or vocab.age_after.match(text, after))


def alone(claim: Claim, rule: str) -> Facets:
    return Facets(f"alone:{claim.id}", UNSET, UNSET, (), (rule,),
                  Named(claim.counted or claim.surface, "", ""), alone=True)


def _first(found: list[tuple[int, str]]) -> str | None:
    return found[0][1] if found else None


def _last(found: list[tuple[int, str]]) -> str | None:
    return found[-1][1] if found else None

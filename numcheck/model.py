"""The records that flow through the pipeline: ingest → extract → group → compare → render.

Every stage takes and returns these plain, frozen records, so a stage can be tested,
cached or replaced on its own, and every output format renders the same values.
Each finding carries ``found_by``, the stable ids of the recognizers and rules that
read it (``digits/grouped``, ``hedge/approx``), so a reviewer can see *why* numcheck
read a figure the way it did, and a test or a dashboard can key on them: an id never
holds article text or a pattern's source.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import TypeVar

from numcheck.rulebook import Rulebook

T = TypeVar("T")


class Hedge(StrEnum):
    """How a figure is qualified in the text; decides the interval it stands for."""

    EXACT = "exact"
    APPROX = "approx"  # environ, about: ± the approximate band
    NEARLY = "nearly"  # presque, almost: just under
    MORE_THAN = "more_than"  # (v, ∞)
    AT_LEAST = "at_least"  # [v, ∞)
    LESS_THAN = "less_than"  # [0, v)
    AT_MOST = "at_most"  # [0, v]  (jusqu'à, up to)
    RANGE = "range"  # entre a et b
    VAGUE = "vague"  # une centaine, des milliers


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    DURATION = "duration"


class Reason(StrEnum):
    """Why a number is not a claim; the values are the words every output shows."""

    DATE = "date"
    YEAR = "year"
    TIME = "time"
    ORDINAL = "ordinal"
    NAME = "name"
    IDENTIFIER = "identifier"
    AGE = "age"
    SCORE = "score"
    ARTICLE = "article"
    PRONOUN = "pronoun"
    CHROME = "chrome"
    ANAPHORIC = "anaphoric"
    IDIOM = "idiom"


class Verdict(StrEnum):
    """Comparison outcomes, most serious first (see ``SEVERITY``)."""

    CONFLICT = "conflict"
    SELF_CONTRADICTION = "self_contradiction"
    DIVERGENT = "divergent"
    DISPUTED = "disputed"  # named sources of different kinds estimate the same quantity
    UNVERIFIABLE = "unverifiable"
    DIFFERENT_PERIOD = "different_period"
    CONSISTENT = "consistent"

    @property
    def severity(self) -> int:
        return SEVERITY[self]

    @property
    def raised(self) -> bool:
        """A raised verdict asks a reviewer to act; the others are information."""
        return self in (Verdict.CONFLICT, Verdict.SELF_CONTRADICTION, Verdict.DIVERGENT)


SEVERITY: dict[Verdict, int] = {v: i for i, v in enumerate(Verdict)}

# Stable rule ids, one per verdict: shown in every format (JSON, markdown, SARIF) and
# never renumbered, so a CI rule or a dashboard keyed on them keeps working.
RULE_IDS: dict[Verdict, str] = {
    Verdict.CONFLICT: "NC001",
    Verdict.SELF_CONTRADICTION: "NC002",
    Verdict.DIVERGENT: "NC003",
    Verdict.UNVERIFIABLE: "NC004",
    Verdict.DIFFERENT_PERIOD: "NC005",
    Verdict.CONSISTENT: "NC006",
    Verdict.DISPUTED: "NC007",
}


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk, with what we know about its source."""

    name: str  # file name, the key used in tables and reports
    path: str  # as given by the user (for messages and links)
    text: str
    lang: str
    published: date | None = None
    outlet: str | None = None
    encoding: str = "utf-8"
    # Where the article lives on the web (a page's canonical URL, a corpus row's url)
    # and its headline, when the input says so; ``path`` stays the file or URL read.
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """An input the user should hear about; ``fatal`` means the file was skipped."""

    path: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class Granularity(StrEnum):
    """How finely a period is named: "en 2021", "in January", "hier"."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class Period:
    """The time a claim is about, as dates: consumers compare spans, never parse text.

    ``str()`` gives the ISO form every output shows ("2021", "2022-01", "2022-02-28").
    """

    start: date
    end: date
    granularity: Granularity

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), Granularity.YEAR)

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return cls(first, following - timedelta(days=1), Granularity.MONTH)

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day, Granularity.DAY)

    @classmethod
    def parse(cls, text: str) -> Period:
        """The inverse of ``str()``, for stored records (the extraction cache)."""
        parts = text.split("-")
        if len(parts) == 1 and len(text) == 4 and text.isdigit():
            return cls.year(int(text))
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            return cls.month(int(parts[0]), int(parts[1]))
        return cls.day(date.fromisoformat(text))

    def __str__(self) -> str:
        if self.granularity is Granularity.YEAR:
            return f"{self.start.year:04d}"
        if self.granularity is Granularity.MONTH:
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim: a figure about something, with the interval its wording allows.

    ``start``/``end`` are Python str offsets of the figure's own text in the file as
    read, so a reviewer can highlight exactly what was read. ``low``/``high`` are
    ``None`` when unbounded; ``low_open``/``high_open`` mark strict bounds
    (``plus de 100 000`` is (100 000, ∞)).
    """

    id: str
    doc: str
    start: int
    end: int
    surface: str
    value: float | None
    low: float | None
    high: float | None
    hedge: Hedge
    kind: Kind
    unit: str | None
    garbled: bool
    garble_reason: str | None
    candidate: float | None
    counted: str | None
    attribution: str | None
    time_scope: str | None
    sentence: str
    sentence_start: int
    lang: str
    published: date | None
    line: int
    col: int
    found_by: tuple[str, ...]
    hedge_text: str | None = None
    low_open: bool = False
    high_open: bool = False
    outlet: str | None = None
    # The time the claim is about, resolved from ``time_scope`` and the publication
    # date (a year, a month or a day); None when only publication dates it.
    period: Period | None = None
    # The story (articles about one event) of the claim's document; None until the
    # stories stage has run. Claims are compared only within their story.
    story: str | None = None
    # The direction of the change the figure measures ("en baisse de 3 %": 'down'), read
    # from a change word right before it; None for a level.
    direction: str | None = None
    # The unit of the last digit written before a scale word ("1,28 million": 10 000;
    # "3,5 millions": 100 000): the figure is rounded to it, so another outlet's
    # "1,27 million" for the same count need not be a conflict. None otherwise.
    precision: float | None = None

    @property
    def central(self) -> float | None:
        """The figure a reader takes away; for open intervals, the stated bound."""
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high


@dataclass(frozen=True, slots=True)
class OtherMention:
    """A number in the text that is not a claim (a date, a year, page chrome…), and why."""

    doc: str
    start: int
    end: int
    surface: str
    reason: Reason
    found_by: tuple[str, ...]
    line: int = 0
    col: int = 0


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything numcheck read from one document: nothing numeric is silently dropped."""

    document: Document
    claims: tuple[Claim, ...]
    others: tuple[OtherMention, ...]


@dataclass(frozen=True, slots=True)
class Subject:
    """What a group of claims measures, e.g. Russian troops near the Ukrainian border."""

    key: str
    label: str
    claims: tuple[str, ...]
    found_by: tuple[str, ...]
    facets: tuple[tuple[str, str], ...] = ()
    # Keys of the subjects this one is a part of ("dont 81 000 à Paris" is a part of
    # the national count; Paris lies in France): a breakdown, never a disagreement.
    part_of: tuple[str, ...] = ()
    story: str | None = None  # the story whose claims it groups (see ``Story``)
    # Structured, so no reader parses the key: ``alone``, a claim counting nothing a
    # rule or the fallback names (never compared); ``generic``, a counted thing no rule
    # names, read as the lemma of its noun (the fallback: "teachers").
    alone: bool = False
    generic: bool = False
    # ``restated``: figures that meet only their restatements (a duration or a sum
    # known by its unit alone, a holder's votes); ``kind``: what its figures measure
    # (None for a claim alone).
    restated: bool = False
    kind: Kind | None = None
    # a count of a toll that only grows while its story unfolds (``cumulative`` in
    # rules/subjects): a later, higher figure is its update
    cumulative: bool = False
    # (language, label) for every language with subject rules: a report shows its
    # reader's (``label`` is the one in the language of the subject's first claim).
    labels: tuple[tuple[str, str], ...] = ()

    def label_in(self, lang: str) -> str:
        return dict(self.labels).get(lang, self.label)


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a flag: its claims, and the figure, period and source that decide it."""

    claims: tuple[str, ...]  # every claim on this side, the deciding one first
    period: Period | None = None  # the deciding claim's period, else its publication day
    source: str | None = None  # who says it: the attribution, else the outlet or file
    source_kind: str | None = None  # the source's kind from rules/subjects (police, unions…)


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one event (a shooting, a protest day, a troop build-up).

    Claims are compared only within a story. ``id`` derives from the story's first
    article, so it stays the same when later articles join; ``first``/``last`` span
    its publication dates (None when no article is dated).
    """

    id: str
    title: str
    documents: tuple[str, ...]
    first: date | None = None
    last: date | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    """A verdict on claims of one subject, as data: the words are render/'s, per language.

    ``high`` and ``low`` are the two sides (the extreme pair is their first claims).
    ``whole`` names the subject a part's subject belongs to, when the flagged subject
    is a breakdown of another. ``estimates`` (a disputed flag) holds one side per kind
    of source, in the order of their highest figures.
    """

    subject: str
    label: str
    claims: tuple[str, ...]
    verdict: Verdict
    ratio: float | None
    fingerprint: str = ""
    review: str | None = None  # decision recorded in the ledger, if any
    high: Side | None = None
    low: Side | None = None
    whole: tuple[str, ...] = ()
    estimates: tuple[Side, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()  # the subject's, per language

    def label_in(self, lang: str) -> str:
        return dict(self.labels).get(lang, self.label)

    @property
    def rule(self) -> str:
        """The stable rule id of the verdict (``NC001`` conflict…)."""
        return RULE_IDS[self.verdict]

    @property
    def pair(self) -> tuple[str, ...]:
        """The extreme pair: the deciding claim of each side (one claim when garbled)."""
        return tuple(s.claims[0] for s in (self.high, self.low) if s is not None and s.claims)


@dataclass(frozen=True, slots=True)
class Grouping:
    """What ``group`` hands ``compare``: subjects (sorted by key) and who belongs where."""

    subjects: tuple[Subject, ...]
    subject_of: dict[str, str] = field(default_factory=dict)  # claim id → subject key
    part_of: dict[str, str] = field(default_factory=dict)  # part claim id → whole claim id


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of grouping and comparing: subjects, flags, and claim → subject."""

    subjects: tuple[Subject, ...]
    flags: tuple[Flag, ...]
    subject_of: dict[str, str] = field(default_factory=dict)
    # Part → whole, claim by claim ("dont 81 000 à Paris" → the national figure).
    part_of: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs, sorted once: documents by name, claims by place."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    others: tuple[OtherMention, ...]
    comparison: Comparison
    problems: tuple[Problem, ...]
    rules: Rulebook
    stories: tuple[Story, ...] = ()  # first published first; claims compared only within one

    @property
    def skipped(self) -> bool:
        return any(p.fatal for p in self.problems)

    def claim(self, claim_id: str) -> Claim:
        return self._by_id()[claim_id]

    def document(self, name: str) -> Document:
        return self._index("_documents_by_name", lambda: {d.name: d for d in self.documents})[name]

    def story(self, story_id: str | None) -> Story | None:
        return next((s for s in self.stories if s.id == story_id), None)

    def _by_id(self) -> dict[str, Claim]:
        return self._index("_claims_by_id", lambda: {c.id: c for c in self.claims})

    def _index(self, name: str, build: Callable[[], dict[str, T]]) -> dict[str, T]:
        """A lookup built on first use and kept: renderers ask once per claim."""
        cache: dict[str, T] | None = self.__dict__.get(name)
        if cache is None:
            cache = build()
            object.__setattr__(self, name, cache)
        return cache


def claim_id(doc: str, start: int, end: int, surface: str) -> str:
    """Stable across runs: the same file with the same text yields the same ids."""
    digest = hashlib.sha1(f"{doc}\0{start}\0{end}\0{surface}".encode()).hexdigest()
    return f"c{digest[:10]}"

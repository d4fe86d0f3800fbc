"""How articles are linked into stories: the date window, the span, the threshold."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

import numcheck
from numcheck.errors import RulesError
from numcheck.extract import extract_document
from numcheck.model import Document
from numcheck.rulebook import Rulebook
from numcheck.stories import features_of, find_stories

FIRE = ("Fire at Gledhow Court in Harehills",
        "Two people died in a fire at Gledhow Court in Harehills, Leeds, on {d}. "
        "West Yorkshire Fire Service said Gledhow Court residents were evacuated.")
FLOOD = ("River Exe floods Tiverton",
         "About 300 homes were flooded in Tiverton after the River Exe rose. "
         "Devon County Council opened a rest centre in Tiverton.")
START = date(2024, 5, 1)


def doc(name: str, day: int | None, story: tuple[str, str] = FIRE, extra: str = "") -> Document:
    title, body = story
    when = START + timedelta(days=day) if day is not None else None
    return Document(name=name, path=name, lang="en", published=when,
                    text=f"{title}\n\n{body.format(d=name)} {extra}\n")


def groups(docs: list[Document], rules: Rulebook | None = None) -> list[tuple[str, ...]]:
    return [s.documents for s in find_stories(docs, rules or numcheck.load_rules()).stories]


def test_same_event_joins_different_event_stays_apart() -> None:
    assert groups([doc("a", 0), doc("b", 1), doc("c", 1, FLOOD)]) == [("a", "b"), ("c",)]


@pytest.mark.parametrize(("gap", "expected"), [(10, [("a", "b")]), (31, [("a",), ("b",)])])
def test_an_article_joins_only_within_the_window(gap: int, expected: list[tuple[str, ...]]) -> None:
    assert groups([doc("a", 0), doc("b", gap)]) == expected


def test_a_story_spans_at_most_the_span_from_its_first_article() -> None:
    # Each article is 20 days after the previous one (inside the 30-day window), but
    # the fourth is 60 days after the first (beyond the 45-day span).
    chain = [doc(n, d) for n, d in (("a", 0), ("b", 20), ("c", 40), ("d", 60))]
    assert groups(chain) == [("a", "b", "c"), ("d",)]


def test_undated_articles_join_the_story_they_resemble() -> None:
    assert groups([doc("a", 0), doc("b", None), doc("c", 3, FLOOD)]) == [("a", "b"), ("c",)]


def test_the_threshold_is_the_setting() -> None:
    rules = numcheck.load_rules()
    strict = rules.with_settings(story_similarity=1.0)
    pair = [doc("a", 0), doc("b", 1, extra="Firefighters worked through the night.")]
    assert groups(pair) == [("a", "b")]
    assert groups(pair, strict) == [("a",), ("b",)]


def test_the_story_id_does_not_change_when_a_later_article_joins() -> None:
    rules = numcheck.load_rules()
    one = find_stories([doc("a", 0)], rules).stories[0]
    two = find_stories([doc("a", 0), doc("b", 2)], rules).stories[0]
    assert one.id == two.id and two.documents == ("a", "b")
    assert (two.first, two.last) == (START, START + timedelta(days=2))
    assert two.title == "Fire at Gledhow Court in Harehills"


def test_story_settings_are_validated_naming_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "settings.yaml").write_text("story_similarity: 1.5\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"settings.yaml: story_similarity: must be at most 1"):
        numcheck.load_rules([tmp_path])


DAY_CASES = yaml.safe_load((Path(__file__).parent / "day_cases.yaml").read_text("utf-8"))


def dated_groups(case: dict[str, Any], rules: Rulebook) -> list[list[str]]:
    """The stories of a case's articles, each read with its claims (their days)."""
    docs = [Document(name=n, path=n, lang=lang, published=date.fromisoformat(day), text=text)
            for n, day, lang, text in case["articles"]]
    features = [features_of(d, rules, extract_document(d, rules).claims) for d in docs]
    return [list(s.documents) for s in find_stories(docs, rules, features=features).stories]


@pytest.mark.parametrize("case", DAY_CASES, ids=[c["id"] for c in DAY_CASES])
def test_figures_about_days_far_apart_are_two_events(case: dict[str, Any]) -> None:
    assert dated_groups(case, numcheck.load_rules()) == case["stories"]


def test_the_day_gap_is_the_setting() -> None:
    rules = numcheck.load_rules().with_settings(story_day_gap_days=12)
    case = next(c for c in DAY_CASES if c["id"] == "fr-two-protest-days-twelve-days-apart")
    assert dated_groups(case, rules) == [["a", "b"]]

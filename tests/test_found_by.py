"""``found_by`` holds stable recognizer and rule ids, never article text or a pattern.

A dashboard, a test or a reviewer keys on these ids; an id that quoted the text it
matched ("hedge/plus de", "vague/des centaines") or a regular expression's source
would change with every article and every rules edit.
"""

from __future__ import annotations

import re

import pytest

from numcheck import Report, extract_document, load_rules
from numcheck.model import Document, Reason

# family/rule, lower-case ASCII: no space, no accent, no regex syntax
ID = re.compile(r"[a-z0-9_]+(?:-[a-z0-9_]+)*(?:/[a-z0-9_]+(?:[-+:][a-z0-9_]+)*)*")

TEXTS = [  # one recognizer or rule each, at least; written for this test
    ("fr", "Environ 175 000 soldats et plus d'une centaine de chars, dont la moitié usés.\n"
           "Entre 10 et 15 morts, 100 XNUMX blessés, 40.000 15.000 réfugiés.\n"
           "Un soldat a été tué vendredi 28 à 14h30 ; l'un des deux dirigeants, né en 1971.\n"
           "Lire aussi\nLes 3 chiffres du jour\n"),
    ("en", "About 1,500 troops, more than 2.5 billion dollars, a 21-year-old man, 36-32.\n"
           "Two-thirds of 400 voters, from 10 to 12 cars on the 4th day; one of them.\n"
           "A 40-mile convoy of dozens of trucks, 5kW heaters and the G7.\n"),
]


def _records(report_or_docs: list[Document]) -> list[tuple[str, tuple[str, ...]]]:
    rules = load_rules()
    out: list[tuple[str, tuple[str, ...]]] = []
    for document in report_or_docs:
        found = extract_document(document, rules)
        out += [(c.surface, c.found_by) for c in found.claims]
        out += [(o.surface, o.found_by) for o in found.others]
    return out


def _documents() -> list[Document]:
    return [Document(f"t{i}.txt", f"t{i}.txt", text, lang) for i, (lang, text) in enumerate(TEXTS)]


@pytest.mark.parametrize(("surface", "found_by"), _records(_documents()))
def test_every_id_is_stable(surface: str, found_by: tuple[str, ...]) -> None:
    assert isinstance(found_by, tuple) and found_by
    for rule in found_by:
        assert ID.fullmatch(rule), f"{surface!r}: {rule!r} is not a stable id"


@pytest.mark.parametrize(("lang", "one", "other"), [
    ("fr", "Une centaine de soldats.", "Des milliers de soldats."),  # vague: one rule
    ("fr", "Au moins 100 soldats.", "Pas moins de 250 chars."),  # hedge at_least
    ("en", "Half of 300 voters.", "Two-thirds of 300 voters."),  # fraction
    ("en", "From 10 to 12 cars.", "Between 10 and 12 cars."),  # range
    ("fr", "Lire aussi\nLes 3 chiffres\n", "Sur le même sujet\nLes 3 chiffres\n"),  # chrome
])
def test_wording_does_not_change_the_id(lang: str, one: str, other: str) -> None:
    """Two wordings read by the same rules give the same ids: no text in an id."""
    found = [[f for _, f in _records([Document("t", "t", text, lang)])] for text in (one, other)]
    assert found[0] == found[1] and found[0]


def test_seed_subjects_and_others_carry_ids(seeds_report: Report) -> None:
    ids = {r for s in seeds_report.comparison.subjects for r in s.found_by}
    ids |= {r for o in seeds_report.others for r in o.found_by}
    ids |= {r for c in seeds_report.claims for r in c.found_by}
    assert ids and all(ID.fullmatch(r) for r in ids), sorted(r for r in ids if not ID.fullmatch(r))
    assert all(isinstance(o.reason, Reason) for o in seeds_report.others)

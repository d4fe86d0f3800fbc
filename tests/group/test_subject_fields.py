"""A subject says what it is in fields, so no reader parses its key.

``alone`` (counts nothing nameable) and ``generic`` (the counted thing is the fallback
lemma of its noun, no rule's concept) are set where grouping decides them; the key
keeps its stable form for fingerprints, and these checks tie the two together.
"""

from __future__ import annotations

import numcheck
from numcheck import Report

TEXT = "Selon la police, 3 000 enseignants ont défilé. Elle en a vu 300."  # written here


def test_alone_and_generic_agree_with_the_keys(seeds_report: Report) -> None:
    rules = numcheck.load_rules()
    own = numcheck.group(numcheck.extract(TEXT, lang="fr", rules=rules), rules).subjects
    subjects = (*seeds_report.comparison.subjects, *own)
    alone = [s for s in subjects if s.alone]
    generic = [s for s in subjects if s.generic]
    assert alone and generic, "the texts hold both kinds"
    for s in subjects:
        counted = dict(s.facets)["counted"].split(":", 1)[-1]
        assert s.alone == s.key.startswith("alone:"), s.key
        assert s.generic == counted.startswith("~"), s.key
        assert not (s.alone and s.generic)
    assert all(len(s.claims) == 1 and "alone" in s.found_by[0] for s in alone)


def test_restated_and_kind_agree_with_the_keys(seeds_report: Report) -> None:
    for s in seeds_report.comparison.subjects:
        head = dict(s.facets)["counted"]
        assert s.restated == ("=" in head), s.key
        if not s.alone:
            assert s.kind is not None and (s.kind.value + ":" in head) == (s.kind.value != "count")

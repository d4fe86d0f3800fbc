"""check --against places a new article by the days its figures are about too: a report
of the second Toulouse protest day never joins the first day's story, and the next
day's follow-up joins the second day's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from numcheck.check.cache import ExtractionCache
from numcheck.check.gate import check
from numcheck.check.ledger import Ledger
from numcheck.rulebook import load_rules
from tests.stories.conftest import CORPUS

PLACED = {  # new article → the archive articles of the story it must join
    "fr_toulouse_retraites_0131.txt": (),
    "fr_toulouse_retraites_0201.txt": ("fr_toulouse_retraites_0131.txt",),
}


@pytest.mark.parametrize("new", sorted(PLACED))
def test_a_new_article_joins_the_story_of_its_own_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new: str
) -> None:
    (tmp_path / "archive").mkdir()
    (tmp_path / "new").mkdir()
    for path in CORPUS.glob("fr_toulouse_*"):
        if path.name > new and path.name in PLACED:
            continue  # the archive holds what was published before the draft
        shutil.copy(path, tmp_path / ("new" if path.name == new else "archive") / path.name)
    shutil.copy(CORPUS / "sources.csv", tmp_path / "archive" / "sources.csv")
    shutil.copy(CORPUS / "sources.csv", tmp_path / "new" / "sources.csv")
    monkeypatch.chdir(tmp_path)
    rules = load_rules()
    for _ in range(2):  # cold (index built), then warm (placed from the index)
        result = check(["new"], ["archive"], rules, ledger=Ledger(Path("x"), {}),
                       cache=ExtractionCache(tmp_path / "cache", rules))
        joined = [s.documents for s in result.report.stories if new in s.documents]
        assert joined == [(*PLACED[new], new)]

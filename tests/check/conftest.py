"""A temporary newsroom: the seeds as corpus, one contradicting and one agreeing article.

Both new articles report on the seeds' December story (Biden, Putin, the troops at
the border), so they join it and are compared with it.

The contradicting article's "environ 20 000 soldats russes massés à la frontière" lands
in the subject troops|russia|deployed|border, where the seeds say about 175 000 and more
than 100 000: a conflict. The agreeing one says about 175 000, like the Washington Post
seed (it is only *divergent* from "plus de 100 000": 1.75× apart).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from numcheck.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Whole dispatches, not lone sentences: a new article is compared only with the story
# it joins, and joining one takes what an article says about the event (who, where).
CONTEXT = (
    "Joe Biden a averti Vladimir Poutine, lors de leur entretien, que les États-Unis et "
    "l'OTAN répondraient par des sanctions à une attaque de l'Ukraine. Le Kremlin et Moscou "
    "démentent ; la Maison Blanche parle d'une crise à la frontière ukrainienne.\n"
)
CONTRA = (
    "Kiev, le 10 décembre.\n"
    "Selon le ministère ukrainien de la Défense, environ 20 000 soldats russes sont massés "
    "à la frontière avec l'Ukraine.\n" + CONTEXT
)
AGREE = (
    "Selon le Washington Post, environ 175 000 soldats russes sont massés à la frontière "
    "avec l'Ukraine.\n" + CONTEXT
)


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in [*SEEDS.glob("*.txt"), SEEDS / "sources.csv"]:
        shutil.copy(f, corpus / f.name)
    # The newsroom's sources.csv also dates its drafts (December 2021, the seeds' story).
    with (corpus / "sources.csv").open("a", encoding="utf-8") as fh:
        fh.write("contra.txt,,2021-12-10,fr\nagree.txt,,2021-12-08,fr\n")
    new = tmp_path / "new"
    new.mkdir()
    (new / "contra.txt").write_text(CONTRA, encoding="utf-8")
    (new / "agree.txt").write_text(AGREE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


@pytest.fixture
def cli() -> Run:
    def run(*args: str) -> Result:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


def at(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in ``text``."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1

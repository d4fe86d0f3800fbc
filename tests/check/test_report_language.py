"""``check`` in the report's language: its text, GitHub annotations, SARIF messages, job
summary and status lines carry no template word of the other language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.check.conftest import Run
from tests.render.test_languages import _template_words, _words

# identifiers shown as they are in every language: paths, subject keys, rule ids
_IDS = re.compile(r"\S*[|/@]\S*")
_GITHUB = re.compile(r"^::(?:error|warning|notice) |(?:file|line|col|title)=", re.M)
_TAGS = re.compile(r"^numcheck: (?:error|warning): ", re.M)


def _sarif_texts(log: str) -> str:
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            found.extend(v for k, v in node.items() if k == "text" and isinstance(v, str))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(log))
    return "\n".join(found)


@pytest.mark.parametrize(("lang", "other"), [("fr", "en"), ("en", "fr")])
def test_no_template_word_of_the_other_language(
    newsroom: Path, cli: Run, monkeypatch: pytest.MonkeyPatch, lang: str, other: str
) -> None:
    articles = [p.read_text(encoding="utf-8") for p in newsroom.glob("*/*.txt")]
    foreign = _template_words(other) - _template_words(lang) - _words(" ".join(articles))
    summary = newsroom / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    said = cli("review", "deadbeefdeadbeef", "--decision", "needs-source", "--force",
               "--reviewer", "Ana", "--report-lang", lang)  # stale: check warns about it
    shown = [said.err]
    for fmt in ("text", "github", "sarif"):
        r = cli("check", "new/contra.txt", "--against", "corpus", "-f", fmt, "--report-lang",
                lang, "--exit-zero")
        shown += [_sarif_texts(r.out) if fmt == "sarif" else r.out, r.err]
    base = cli("check", "new/contra.txt", "--against", "corpus", "--write-baseline",
               "--report-lang", lang)
    shown += [base.err, summary.read_text(encoding="utf-8")]
    text = _IDS.sub(" ", _TAGS.sub(" ", _GITHUB.sub(" ", "\n".join(shown))))
    assert len(_words(text)) > 100  # the outputs were written
    found = _words(text) & foreign
    assert not found, f"check in {lang} writes {other} template words: {sorted(found)}"

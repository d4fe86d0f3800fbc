"""Report languages: the default language, a third language from one message file, and
no template word of one language in the other (broken message files are refused with
their file and key: tests/schemas/cases.yaml)."""

from __future__ import annotations

import copy
import dataclasses
import html
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck.model import Document, Reason, Verdict
from numcheck.pipeline import Report
from numcheck.render import messages as message_files
from numcheck.render import render
from numcheck.render.words import majority_language
from numcheck.rulebook import load_rules, shipped_rules_dir
from numcheck.schemas.messages import flatten, placeholders

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = shipped_rules_dir() / "messages"


def _english() -> dict[str, Any]:
    data = yaml.safe_load((SHIPPED / "en.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write_language(folder: Path, lang: str, data: Any, raw: str | None = None) -> Path:
    path = folder / "messages" / f"{lang}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(raw if raw is not None else yaml.safe_dump(data, allow_unicode=True),
                    encoding="utf-8")
    return path


def test_shipped_languages_have_the_same_keys_and_placeholders() -> None:
    english = flatten(_english())
    for path in sorted(SHIPPED.glob("*.yaml")):
        loaded = message_files.load(path.stem)
        assert loaded.keys() == english.keys(), path
        assert all(placeholders(loaded[k]) == placeholders(english[k]) for k in english), path


@pytest.mark.parametrize("lang", sorted(p.stem for p in SHIPPED.glob("*.yaml")))
def test_every_enum_a_report_names_has_its_words(lang: str) -> None:
    """Renderers build keys from enum values (``reason.idiom``, ``rule.disputed``): a value
    added to the model without its words made a whole article's report fail."""
    loaded = message_files.load(lang)
    wanted = [f"reason.{r.value}" for r in Reason] + [f"rule.{v.value}" for v in Verdict]
    assert [k for k in wanted if k not in loaded] == [], lang


@pytest.mark.parametrize("command", [["report", "seeds/"], ["check", "seeds/"]])
def test_an_unknown_language_is_one_error_line_and_exit_2(command: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "numcheck", *command, "--report-lang", "xx"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "numcheck: error: --report-lang: no messages for language 'xx' (have: en, fr)"]


def _docs(*langs: str) -> list[Document]:
    return [Document(name=f"d{i}", path=f"d{i}", text="", lang=lang)
            for i, lang in enumerate(langs)]


@pytest.mark.parametrize(("langs", "expected"), [
    (("fr", "fr", "en"), "fr"),  # the majority
    (("en", "en", "fr"), "en"),
    (("en", "fr"), "en"),  # a tie: the first code alphabetically
    (("fr", "de", "de"), "fr"),  # a language with no messages does not count
    ((), "en"),  # nothing to go by: English
])
def test_the_default_report_language_is_the_corpus_majority(
    langs: tuple[str, ...], expected: str
) -> None:
    assert majority_language(_docs(*langs)) == expected


def test_a_third_language_is_one_message_file(seeds_report: Report, tmp_path: Path) -> None:
    """A stub German: every English text marked, numbers and dates in Babel's de locale."""
    stub = copy.deepcopy(_english())

    def mark(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: mark(v) for k, v in node.items()}
        return f"⟦de⟧ {node}"

    stub = mark(stub)
    stub["locale"] = "de"
    _write_language(tmp_path, "de", stub)
    rules = load_rules([tmp_path])
    report = dataclasses.replace(seeds_report, rules=rules)
    md = str(render("report", "markdown", report, lang="de"))
    assert md.startswith("# ⟦de⟧ numcheck discrepancy report")
    assert "⟦de⟧ about 175.000 soldats russes" in md  # German grouping, from Babel
    assert "04.12.2021" in md  # a German date
    page = str(render("report", "html", report, lang="de"))
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">') and "⟦de⟧ Summary" in page


def _template_words(lang: str) -> set[str]:
    """The words a report in ``lang`` writes itself: its messages, and the subject
    labels of its subjects file (what is counted, roles, actors, events, places)."""
    texts = [t for key, t in message_files.load(lang).items() if key != "locale"]
    subjects = yaml.safe_load((shipped_rules_dir() / "subjects" / f"{lang}.yaml").read_text(
        encoding="utf-8"))
    texts += [entry["label"] for family in ("counted", "actors", "events", "places")
              for entry in subjects[family].values()]
    texts += subjects["label_forms"].values()
    return _words(re.sub(r"\{[^}]*\}", " ", " ".join(texts)))


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}


def _visible_text(page: str) -> str:
    """What a reader sees or hears: text and title/aria-label values, no CSS or script."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    labels = " ".join(re.findall(r'(?:title|aria-label)="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + labels)


def _corpus_words(report: Report) -> set[str]:
    """Words the report quotes rather than writes: article text, titles and names."""
    quoted = [d.text + " " + (d.title or "") + " " + d.name for d in report.documents]
    quoted += [s.title for s in report.stories]
    return _words(" ".join(quoted))


def _without_ids(text: str, report: Report) -> str:
    """The text without subject keys and rule ids (``troops|russia|…``, ``counted/role``):
    identifiers shown as code, the same in every language."""
    ids = {s.key for s in report.comparison.subjects}
    ids |= {i for s in report.comparison.subjects for i in s.found_by}
    for found in sorted(ids, key=len, reverse=True):
        text = text.replace(found, " ")
    return text


@pytest.mark.parametrize(("lang", "other"), [("fr", "en"), ("en", "fr")])
def test_no_template_word_of_the_other_language(
    seeds_report: Report, lang: str, other: str
) -> None:
    foreign = _template_words(other) - _template_words(lang) - _corpus_words(seeds_report)
    assert len(foreign) > 100  # the test has words to look for
    for fmt in ("markdown", "html"):
        text = _visible_text(str(render("report", fmt, seeds_report, lang=lang)))
        found = _words(_without_ids(text, seeds_report)) & foreign
        assert not found, f"{fmt} report in {lang} has {other} template words: {sorted(found)}"

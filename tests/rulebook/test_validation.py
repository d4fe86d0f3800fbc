"""A newsroom's own rules folder: mistakes name the file and key path; good rules apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck import RulesError, extract, load_rules


def _folder(tmp_path: Path, body: str, lang: str = "fr", family: str = "languages") -> Path:
    (tmp_path / family).mkdir(parents=True, exist_ok=True)
    (tmp_path / family / f"{lang}.yaml").write_text(body, encoding="utf-8")
    return tmp_path


BAD = [
    ("unknown-top-key", "numbre_words: [douze]\n", "numbre_words", "unknown key"),
    ("unknown-nested-key", "hedges:\n  approx:\n    avant: [env.]\n", "hedges.approx.avant",
     "unknown key"),
    ("unknown-hedge-kind", "hedges:\n  roughly:\n    before: [grosso]\n", "hedges.roughly",
     "unknown key"),
    ("wrong-type-list", "stopwords: voici\n", "stopwords", "expected a list of strings"),
    ("wrong-type-number", "scales: {douzaine: beaucoup}\n", "scales",
     "expected a mapping of words to numbers"),
    ("wrong-type-in-list-item", "vague:\n  - {text: une flopée, low: 10, high: many}\n",
     "vague[0].high", "expected a number"),
    ("yaml-boolean", "stopwords: [le, on]\n", "stopwords[1]", "quote them"),
    ("bad-regex", "boilerplate: ['^(lire']\n", "boilerplate[0]", "bad regular expression"),
    ("not-a-mapping", "- just\n- a list\n", "<top>", "expected a mapping"),
    ("wrong-language", "language: en\n", "language", "says 'en'"),
]


@pytest.mark.parametrize(("body", "key", "problem"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_rules_name_file_and_key(tmp_path: Path, body: str, key: str, problem: str) -> None:
    folder = _folder(tmp_path, body)
    with pytest.raises(RulesError) as caught:
        load_rules([folder])
    message = str(caught.value)
    assert str(folder / "languages" / "fr.yaml") in message
    assert f"key '{key}'" in message
    assert problem in message


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "stopwords: [le, la\n")
    with pytest.raises(RulesError, match=r"fr\.yaml: not valid YAML"):
        load_rules([folder])


def test_a_new_language_must_be_complete(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "language: de\nname: German\n", lang="de")
    with pytest.raises(RulesError, match=r"de\.yaml: key 'detect'.*missing"):
        load_rules([folder])


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="rules folder not found"):
        load_rules([tmp_path / "absent"])


def test_bad_settings_name_the_key(tmp_path: Path) -> None:
    (tmp_path / "settings.yaml").write_text("approx_band: 3\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"settings\.yaml: key 'approx_band'.*between 0 and 1"):
        load_rules([tmp_path])


def test_extra_words_extend_the_shipped_lists(tmp_path: Path) -> None:
    text = "Une flopée de soldats et grosso modo 200 chars, à vue de nez 300 avions."
    before = extract(text, lang="fr")
    assert [c.surface for c in before] == ["200", "300"]
    folder = _folder(tmp_path, (
        "vague:\n  - {text: une flopée, low: 10, high: 50}\n"
        "hedges:\n  approx:\n    before: [à vue de nez]\n"
    ))
    rules = load_rules([folder])
    after = extract(text, lang="fr", rules=rules)
    assert [(c.surface, c.hedge.value, c.low, c.high) for c in after] == [
        ("Une flopée", "vague", 10, 50),
        ("200", "approx", 180, 220),
        ("300", "approx", 270, 330),
    ]
    assert "environ" in rules.languages["fr"]["hedges"]["approx"]["before"]  # kept, not replaced

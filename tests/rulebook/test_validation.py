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
    ("wrong-type-number", "scales: {douzaine: beaucoup}\n", "scales.douzaine",
     "expected a number above 0"),
    ("scale-zero", "scales: {douzaine: 0}\n", "scales.douzaine", "above 0"),
    ("scale-nan", "scales: {douzaine: .nan}\n", "scales.douzaine", "above 0, got nan"),
    ("month-thirteen", "months: {brumaire: 13}\n", "months.brumaire",
     "whole number from 1 to 12"),
    ("month-zero", "months: {brumaire: 0}\n", "months.brumaire", "from 1 to 12"),
    ("month-fraction", "months: {brumaire: 2.5}\n", "months.brumaire", "whole number"),
    ("vague-low-above-high", "vague:\n  - {text: une flopée, low: 50, high: 10}\n",
     "vague[0].low", "50 is more than high (10)"),
    ("vague-negative", "vague:\n  - {text: une flopée, low: -5, high: 10}\n",
     "vague[0].low", "at least 0"),
    ("vague-infinite", "vague:\n  - {text: une flopée, low: 5, high: .inf}\n",
     "vague[0].high", "got inf"),
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


BAD_SETTINGS = [
    ("approx_band: 3", "approx_band", "from 0 to 0.5"),
    ("approx_band: -0.1", "approx_band", "from 0 to 0.5"),
    ("nearly_band: .nan", "nearly_band", "got nan"),
    ("conflict_slack: 1.0", "conflict_slack", "from 0 to 0.5"),  # every pair would agree
    ("divergence_ratio: .inf", "divergence_ratio", "from 1 to 10"),
    ("divergence_ratio: 0.5", "divergence_ratio", "from 1 to 10"),
    ("period_window_days: -3", "period_window_days", "whole number from 1 to 3660"),
    ("period_window_days: 0", "period_window_days", "from 1"),  # one period per date
    ("period_window_days: 7.5", "period_window_days", "whole number"),
    ("period_window_days: yes", "period_window_days", "got True"),
]


@pytest.mark.parametrize(("line", "key", "problem"), BAD_SETTINGS)
def test_bad_settings_name_the_key(tmp_path: Path, line: str, key: str, problem: str) -> None:
    (tmp_path / "settings.yaml").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules([tmp_path])
    message = str(caught.value)
    assert f"settings.yaml: key '{key}'" in message and problem in message


def test_edge_settings_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "settings.yaml").write_text(
        "approx_band: 0\nconflict_slack: 0.5\ndivergence_ratio: 1\nperiod_window_days: 1\n",
        encoding="utf-8",
    )
    settings = load_rules([tmp_path]).settings
    assert (settings.approx_band, settings.period_window_days) == (0, 1)


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

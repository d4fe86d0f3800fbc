"""A newsroom's own rules folder adds to the shipped rules (its faults: tests/schemas)."""

from __future__ import annotations

from pathlib import Path

import pytest

from numcheck import RulesError, extract, load_rules


def _folder(tmp_path: Path, body: str, lang: str = "fr", family: str = "languages") -> Path:
    (tmp_path / family).mkdir(parents=True, exist_ok=True)
    (tmp_path / family / f"{lang}.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "stopwords: [le, la\n")
    with pytest.raises(RulesError, match=r"fr\.yaml: not valid YAML"):
        load_rules([folder])


def test_a_new_language_must_be_complete(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "language: de\nname: German\n", lang="de")
    with pytest.raises(RulesError, match=r"de\.yaml: detect: missing \(present in .*en\.yaml\)"):
        load_rules([folder])


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="rules folder not found"):
        load_rules([tmp_path / "absent"])


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

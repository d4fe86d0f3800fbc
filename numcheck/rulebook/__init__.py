"""Language knowledge as data: load, validate and merge the rules folders.

The shipped rules (top-level ``rules/`` in the repository, ``numcheck/rules`` in the
installed wheel) come first; a newsroom's own folders (``--rules DIR``) add to them:
lists are extended, mappings updated, single values replaced.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from numcheck.errors import RulesError
from numcheck.rulebook import schema
from numcheck.yamlfile import read_yaml


@dataclass(frozen=True, slots=True)
class Settings:
    approx_band: float
    nearly_band: float
    divergence_ratio: float
    conflict_slack: float
    period_window_days: float
    place_min_population: float
    story_similarity: float
    story_entity_weight: float
    story_window_days: float
    story_span_days: float
    story_prefix_chars: float


@dataclass(frozen=True, eq=False)
class Rulebook:
    """Validated, merged rules; treat as read-only (it is shared, cached, hashed by identity)."""

    languages: Mapping[str, Mapping[str, Any]]
    subjects: Mapping[str, Mapping[str, Any]]
    settings: Settings
    garbles: Mapping[str, Any]
    folders: tuple[str, ...]

    def language(self, lang: str) -> Mapping[str, Any]:
        try:
            return self.languages[lang]
        except KeyError:
            known = ", ".join(sorted(self.languages))
            raise RulesError("--lang", f"no rules for language '{lang}' (have: {known})") from None

    def with_settings(self, **changes: float) -> Rulebook:
        """A copy with some settings replaced (from configuration or the command line)."""
        merged = {f: getattr(self.settings, f) for f in schema.SETTINGS}
        for key, value in changes.items():
            if key not in schema.SETTINGS:
                raise RulesError("settings", f"unknown setting '{key}'")
            merged[key] = value
        schema.validate(merged, schema.SETTINGS, "settings", partial=False)
        return Rulebook(
            self.languages, self.subjects, Settings(**merged), self.garbles, self.folders
        )


def shipped_rules_dir() -> Path:
    """Installed wheels carry ``numcheck/rules``; a source checkout has ``rules/`` beside it."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "rules", here.parent / "rules"):
        if (candidate / "settings.yaml").is_file():
            return candidate
    raise RulesError(str(here / "rules"), "the shipped rules folder is missing")


def load_rules(extra: Iterable[str | Path] = ()) -> Rulebook:
    """The shipped rules plus each folder in ``extra``, validated; cached per folder list."""
    return _load(tuple(str(Path(p).resolve()) for p in extra))


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Rulebook:
    base = shipped_rules_dir()
    languages = _load_family(base / "languages", schema.LANGUAGE, {})
    subjects = _load_family(base / "subjects", schema.SUBJECTS, {})
    settings = _read(base / "settings.yaml", schema.SETTINGS, partial=False)
    garbles = _read(base / "garbles.yaml", schema.GARBLES, partial=False)
    for folder in map(Path, extra):
        if not folder.is_dir():
            raise RulesError(str(folder), "rules folder not found")
        languages = _load_family(folder / "languages", schema.LANGUAGE, languages)
        subjects = _load_family(folder / "subjects", schema.SUBJECTS, subjects)
        if (folder / "settings.yaml").is_file():
            settings = _merge(settings, _read(folder / "settings.yaml", schema.SETTINGS, True))
    return Rulebook(
        languages=languages,
        subjects=subjects,
        settings=Settings(**settings),
        garbles=garbles,
        folders=(str(base), *extra),
    )


def _load_family(
    folder: Path, spec: Mapping[str, Any], base: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """One file per language; a file for a language not yet known must be complete."""
    merged = copy.deepcopy(base)
    if not folder.is_dir():
        return merged
    for path in sorted(folder.glob("*.yaml")):
        lang = path.stem
        data = _read(path, spec, partial=lang in merged)
        declared = data.get("language", lang)
        if declared != lang:
            raise RulesError(f"{path}: key 'language'", f"says '{declared}' but the file is {lang}")
        merged[lang] = _merge(merged[lang], data) if lang in merged else data
    return merged


def _read(path: Path, spec: Mapping[str, Any], partial: bool) -> dict[str, Any]:
    data = read_yaml(path, RulesError)
    schema.validate(data, spec, str(path), partial=partial)
    assert isinstance(data, dict)
    return data


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        elif isinstance(old, dict) and isinstance(value, dict):
            out[key] = _merge(old, value)
        else:
            out[key] = copy.deepcopy(value)
    return out

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

from pydantic import BaseModel

from numcheck.errors import RulesError
from numcheck.schemas.base import check
from numcheck.schemas.rules import Garbles, Language, Settings, Subjects
from numcheck.yamlfile import read_yaml

__all__ = ["Rulebook", "Settings", "load_rules", "shipped_rules_dir"]


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
        merged = {**self.settings.model_dump(), **changes}
        settings = check(Settings, merged, "settings", RulesError)
        assert settings is not None
        return Rulebook(self.languages, self.subjects, settings, self.garbles, self.folders)


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
    languages = _load_family(base / "languages", Language, {})
    subjects = _load_family(base / "subjects", Subjects, {})
    settings = _read(base / "settings.yaml", Settings, partial=False)
    garbles = _read(base / "garbles.yaml", Garbles, partial=False)
    for folder in map(Path, extra):
        if not folder.is_dir():
            raise RulesError(str(folder), "rules folder not found")
        languages = _load_family(folder / "languages", Language, languages)
        subjects = _load_family(folder / "subjects", Subjects, subjects)
        if (folder / "settings.yaml").is_file():
            settings = _merge(settings, _read(folder / "settings.yaml", Settings, True))
    return Rulebook(
        languages=languages,
        subjects=subjects,
        settings=Settings.model_validate(settings),
        garbles=garbles,
        folders=(str(base), *extra),
    )


def _load_family(
    folder: Path, model: type[BaseModel], base: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """One file per language; a file for a language not yet known must be complete.

    The files stay plain mappings once checked: the stages index them by key, and a
    newsroom's folder is merged into them key by key.
    """
    merged = copy.deepcopy(base)
    if not folder.is_dir():
        return merged
    found = {p.stem: (p, read_yaml(p, RulesError)) for p in sorted(folder.glob("*.yaml"))}
    for lang, (path, data) in found.items():
        others = {other: (Path(f"{other}.yaml"), rules) for other, rules in merged.items()}
        others.update((other, entry) for other, entry in found.items() if other != lang)
        _check(path, data, model, partial=lang in merged, others=others)
        declared = data.get("language", lang)
        if declared != lang:
            raise RulesError(f"{path}: language", f"says '{declared}' but the file is {lang}")
        if lang in merged:
            merged[lang] = _merge(merged[lang], data)
            # Additions are whole too: a new entry complete, its references resolved.
            _check(path, merged[lang], model, partial=False)
        else:
            merged[lang] = data
    return merged


def _read(path: Path, model: type[BaseModel], partial: bool) -> dict[str, Any]:
    data = read_yaml(path, RulesError)
    _check(path, data, model, partial=partial)
    return data  # type: ignore[no-any-return]  # checked: a mapping of model's shape


def _check(
    path: Path, data: Any, model: type[BaseModel], *, partial: bool,
    others: Mapping[str, tuple[Path, Any]] | None = None,
) -> None:
    """``data`` has ``model``'s shape; a key missing here is named with a file that has it."""
    try:
        check(model, data, str(path), RulesError, partial=partial)
    except RulesError as err:
        if err.problem != "missing" or not others:
            raise
        keys = err.where.rpartition(": ")[2].split(".")
        for other_path, other in others.values():
            for key in keys:
                other = other.get(key) if isinstance(other, Mapping) else None
            if other is not None:
                raise RulesError(err.where, f"missing (present in {other_path})") from None
        raise


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

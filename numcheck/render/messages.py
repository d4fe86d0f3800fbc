"""The words of the reports, one file per language: ``rules/messages/<lang>.yaml``.

A report is read by a newsroom in its own language, so no sentence is written in
code. Every file must hold exactly the keys of the English file, with the same
``{placeholders}``, or loading stops with the file and the key; a language is
added by dropping ``messages/<lang>.yaml`` into a rules folder (``--rules DIR``).
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from numcheck.errors import RulesError
from numcheck.rulebook import shipped_rules_dir
from numcheck.yamlfile import read_yaml

REFERENCE = "en"  # the file whose keys every other language must have


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"a": {"b": "x"}}`` → ``{"a.b": "x"}``; a non-string leaf is kept as written."""
    out: dict[str, str] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{path}."))
        else:
            out[path] = value
    return out


def placeholders(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def message_files(folders: Iterable[str]) -> dict[str, Path]:
    """Each language's message file; a later folder's file replaces an earlier one."""
    found: dict[str, Path] = {}
    for folder in (str(shipped_rules_dir()), *folders):
        messages = Path(folder) / "messages"
        if messages.is_dir():
            found.update((p.stem, p) for p in sorted(messages.glob("*.yaml")))
    return found


def languages(folders: Iterable[str] = ()) -> list[str]:
    return sorted(message_files(folders))


def load(lang: str, folders: Iterable[str] = ()) -> dict[str, str]:
    """The flat messages of ``lang``, validated against the English file."""
    files = message_files(folders)
    if lang not in files:
        known = ", ".join(sorted(files))
        raise RulesError("--report-lang", f"no messages for language '{lang}' (have: {known})")
    return _load(str(files[lang]), str(files[REFERENCE]))


@functools.lru_cache(maxsize=8)
def _load(path: str, reference: str) -> dict[str, str]:
    expected = _read(Path(reference))
    found = _read(Path(path))
    for key in sorted(found.keys() - expected.keys()):
        raise RulesError(f"{path}: key '{key}'", "unknown key (not in the English file)")
    for key in sorted(expected.keys() - found.keys()):
        raise RulesError(f"{path}: key '{key}'", "missing (every language has the English keys)")
    for key, text in found.items():
        if placeholders(text) != placeholders(expected[key]):
            wanted = ", ".join(f"{{{n}}}" for n in sorted(placeholders(expected[key])))
            raise RulesError(f"{path}: key '{key}'",
                             f"must use the placeholders {wanted or 'none'}")
    return found


def _read(path: Path) -> dict[str, str]:
    data = read_yaml(path, RulesError)
    if not isinstance(data, dict):
        raise RulesError(str(path), "a message file is a mapping of keys to texts")
    flat = flatten(data)
    for key, value in flat.items():
        if not isinstance(value, str):
            raise RulesError(f"{path}: key '{key}'", f"must be a text, not {type(value).__name__}")
    return flat

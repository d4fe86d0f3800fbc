"""The words of the reports, one file per language: ``rules/messages/<lang>.yaml``.

A report is read by a newsroom in its own language, so no sentence is written in
code. A language is added by dropping ``messages/<lang>.yaml`` into a rules folder
(``--rules DIR``); its file is checked on load against the English one
(``numcheck.schemas.messages``: the same keys, the same ``{placeholders}``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from numcheck.errors import RulesError
from numcheck.rulebook import shipped_rules_dir
from numcheck.yamlfile import read_yaml

REFERENCE = "en"  # the file whose keys every other language must have


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
    """The flat messages of ``lang`` (``{"markdown.title": …}``), validated."""
    files = message_files(folders)
    if lang not in files:
        known = ", ".join(sorted(files))
        raise RulesError("--report-lang", f"no messages for language '{lang}' (have: {known})")
    return _load(str(files[lang]), str(files[REFERENCE]))


@functools.lru_cache(maxsize=8)
def _load(path: str, reference: str) -> dict[str, str]:
    from numcheck.schemas.messages import messages_of  # pydantic: only when rendering

    return messages_of(read_yaml(path, RulesError), path,
                       read_yaml(reference, RulesError), reference)

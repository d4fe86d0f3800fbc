"""A story's title: the headline of its first article."""

from __future__ import annotations

import re

from numcheck.model import Document
from numcheck.rulebook import Rulebook

_TITLE_MAX = 120
_ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")


def headline(document: Document, rules: Rulebook) -> str:
    """The article's title: given by its source, else its first line that reads like one.

    Page chrome (a breadcrumb ending in "...", a share button, a date line) comes
    before the headline in copied articles, so short lines, cut-off lines and the
    language's boilerplate patterns are passed over.
    """
    if document.title:
        return _shorten(document.title)
    patterns = rules.language(document.lang)["boilerplate"]
    boilerplate = [re.compile(p, re.IGNORECASE) for p in patterns]
    lines = [ln.strip() for ln in document.text.splitlines() if ln.strip()][:8]
    for line in lines:
        words = len(line.split())
        if 3 <= words <= 30 and not _ELLIPSIS.search(line) and not any(
            p.search(line) for p in boilerplate
        ):
            return _shorten(line)
    return _shorten(lines[0]) if lines else document.name


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TITLE_MAX else text[: _TITLE_MAX - 1].rstrip() + "…"

"""Bytes to article text, refusing what is not an article and saying why."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_TAGS = re.compile(rb"<(?:p|div|span|a|script|meta|link|br)[\s/>]", re.IGNORECASE)
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


@dataclass(frozen=True)
class Decoded:
    text: str | None  # None: the file cannot be used
    encoding: str = "utf-8"
    problem: str | None = None


def decode(data: bytes) -> Decoded:
    if not data.strip():
        return Decoded(None, problem="empty file")
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        return Decoded(None, problem="binary file, not text")
    if looks_like_html(head):
        return Decoded(
            None, problem="an HTML page, not article text: save the article's text as .txt"
        )
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        first_bad = err.start
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return Decoded(
            text,
            encoding,
            f"not UTF-8 (bad byte at offset {first_bad}); read as {encoding}, check the figures",
        )
    return Decoded(None, problem="not UTF-8 and not readable as cp1252 or latin-1")


def looks_like_html(data: bytes) -> bool:
    """A page, not article text: a doctype or root tag, or markup all over the start."""
    head = data[:8192]
    return bool(_HTML.match(head)) or len(_TAGS.findall(head)) >= 5


def _control_ratio(head: bytes) -> float:
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / max(1, len(head))

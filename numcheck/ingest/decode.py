"""Bytes to article text, refusing what is not an article and saying why.

Reading is honest about what it had to guess. UTF-8 (with or without a byte-order
mark) and UTF-16 (with a mark, or recognised by its zero bytes) are read as they
are. A UTF-8 file with a few stray bytes stays UTF-8: the bad bytes become U+FFFD and
the warning says where, because re-reading the whole file as cp1252 would turn every
accented letter into mojibake. A file with no valid UTF-8 beyond ASCII is an older
single-byte encoding (cp1252, else latin-1), read with a warning. Offsets into the
text are offsets into what ``Decoded.text`` holds (a byte-order mark is not part of
it), which is the text every output quotes.
"""

from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass

_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_TAGS = re.compile(rb"<(?:p|div|span|a|script|meta|link|br)[\s/>]", re.IGNORECASE)
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SHOWN_PLACES = 3  # how many bad-byte positions a warning lists


@dataclass(frozen=True)
class Decoded:
    text: str | None  # None: the file cannot be used
    encoding: str = "utf-8"
    problem: str | None = None


def decode(data: bytes) -> Decoded:
    unicode = _declared_or_wide(data)
    if unicode is not None:
        return unicode
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
    text = data.decode("utf-8", errors="replace")  # one U+FFFD per bad sequence
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if _valid_multibyte(text) >= bad:
        return Decoded(text, "utf-8", _replaced_message(text, bad, first_bad))
    for encoding in FALLBACK_ENCODINGS:
        try:
            legacy = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return Decoded(
            legacy,
            encoding,
            f"not UTF-8 (first bad byte at offset {first_bad}); read as {encoding}, "
            "check the figures",
        )
    return Decoded(None, problem="not UTF-8 and not readable as cp1252 or latin-1")


def looks_like_html(data: bytes) -> bool:
    """A page, not article text: a doctype or root tag, or markup all over the start."""
    head = data[:8192]
    return bool(_HTML.match(head)) or len(_TAGS.findall(head)) >= 5


def _declared_or_wide(data: bytes) -> Decoded | None:
    """A byte-order mark decides; without one, UTF-16 shows as a zero in every other byte."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        encoding = _bomless_utf16(data[:4096])
        if encoding is None:
            return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        return Decoded(None, problem=f"not valid {encoding} (bad bytes at offset {err.start})")
    if not text.strip():
        return Decoded(None, problem="empty file")
    return Decoded(text, encoding.replace("-sig", ""))


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a zero high byte in nearly every code unit."""
    pairs = len(head) // 2
    if pairs < 4 or len(head) % 2:
        return None
    zero_even = sum(1 for b in head[0::2] if b == 0)
    zero_odd = sum(1 for b in head[1::2] if b == 0)
    if zero_odd >= 0.6 * pairs and zero_even == 0:
        return "utf-16-le"
    if zero_even >= 0.6 * pairs and zero_odd == 0:
        return "utf-16-be"
    return None


def _valid_multibyte(text: str) -> int:
    """Non-ASCII characters that decoded cleanly: evidence the file really is UTF-8."""
    return sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")


def _replaced_message(text: str, bad: int, first_bad: int) -> str:
    places = []
    for found in itertools.islice(re.finditer("\ufffd", text), _SHOWN_PLACES):
        index = found.start()
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        places.append(f"line {line}, column {col}")
    more = f" and {bad - len(places)} more" if bad > len(places) else ""
    return (
        f"not valid UTF-8 at {'; '.join(places)}{more} (first bad byte at offset "
        f"{first_bad}): {bad} bad byte sequence(s) shown as U+FFFD, the rest read as UTF-8"
    )


def _control_ratio(head: bytes) -> float:
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / max(1, len(head))

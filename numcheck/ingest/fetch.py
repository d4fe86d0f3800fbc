"""Pages fetched by URL, politely and within limits, cached on disk by URL and day.

A fact-checker's list of links should not need a browser and a "save as". Fetching
is bounded on every side (a total time limit, a size cap, a few redirects) so one bad
server cannot stall or flood a run, and it says who it is (User-Agent). Each page is
kept under ``<cache>/<YYYY-MM-DD>/``: a rerun the same day reads the disk and needs no
network, and a later day fetches the page as it then is. httpx is imported only
when a URL is read.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from numcheck.atomicfile import write_atomic
from numcheck.errors import NumcheckError

DEFAULT_CACHE = Path(".numcheck") / "pages"
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class FetchError(NumcheckError):
    """A URL that could not be fetched; ``where`` is the URL, ``problem`` says why."""


def is_url(raw: str) -> bool:
    return raw.startswith(("http://", "https://"))


def user_agent() -> str:
    from numcheck import __version__

    return f"numcheck/{__version__} (numeric fact-checking; fetches pages named by its user)"


@dataclass(frozen=True)
class FetchSettings:
    cache: Path | None = DEFAULT_CACHE  # None: no cache
    timeout: float = 20.0  # seconds for the whole fetch, redirects included
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    today: date = field(default_factory=date.today)


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was in the end, after redirects
    content_type: str
    body: bytes
    from_cache: bool = False


def fetch(url: str, settings: FetchSettings) -> Fetched:
    """The page at ``url``, from today's cache or the network; ``FetchError`` says why not."""
    entry = _entry(url, settings)
    if entry is not None:
        cached = _read_cache(entry)
        if cached is not None:
            return cached
    fetched = _download(url, settings)
    if entry is not None:
        _write_cache(entry, fetched)
    return fetched


def _download(url: str, settings: FetchSettings) -> Fetched:
    import httpx

    deadline = time.monotonic() + settings.timeout
    cap = f"larger than the size cap ({settings.max_bytes:,} bytes)"
    try:
        with httpx.Client(
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=True,
            max_redirects=settings.max_redirects,
            headers={"User-Agent": user_agent(), "Accept": "text/html,text/plain;q=0.9"},
        ) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} "
                                 f"{response.reason_phrase}".rstrip())
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind and kind not in _TEXT_TYPES:
                raise FetchError(url, f"not a web page ({kind})")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > settings.max_bytes:
                raise FetchError(url, f"{cap}: {int(declared):,} bytes")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise FetchError(url, cap)
                if time.monotonic() > deadline:
                    raise FetchError(url, f"timed out after {settings.timeout:g} s")
                chunks.append(chunk)
            return Fetched(str(response.url), kind or "text/html", b"".join(chunks))
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {settings.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {settings.timeout:g} s") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
        raise FetchError(url, f"not a URL numcheck can fetch ({err})") from None
    except httpx.HTTPError as err:
        raise FetchError(url, f"fetch failed ({type(err).__name__}: {err})") from None


def _entry(url: str, settings: FetchSettings) -> Path | None:
    if settings.cache is None:
        return None
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:40]
    return settings.cache / settings.today.isoformat() / key


def _read_cache(entry: Path) -> Fetched | None:
    try:
        meta = json.loads(entry.with_suffix(".json").read_text(encoding="utf-8"))
        body = entry.with_suffix(".body").read_bytes()
        return Fetched(str(meta["url"]), str(meta["content_type"]), body, from_cache=True)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # absent or damaged: fetch afresh


def _write_cache(entry: Path, fetched: Fetched) -> None:
    """Body first, then its description: an entry without one is never read."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        ignore = entry.parent.parent / ".gitignore"
        if not ignore.exists():
            write_atomic(ignore, "*\n")
        for suffix, data in (
            (".body", fetched.body),
            (".json", json.dumps({"url": fetched.url, "content_type": fetched.content_type})
             .encode("utf-8")),
        ):
            write_atomic(entry.with_suffix(suffix), data)
    except (OSError, NumcheckError):
        pass  # a read-only folder still works, only without a cache

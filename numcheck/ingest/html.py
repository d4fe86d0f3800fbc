"""News pages: the article's main text and metadata, with trafilatura.

A saved or fetched page holds far more than the article: navigation, cookie banners,
"Lire aussi" boxes, comment counters, paywall teasers, footers — all full of numbers
that are not claims. trafilatura is made for exactly this (main-text extraction
from news pages, maintained, with publication-date and site-name detection), so
numcheck reads the text it returns; claim offsets are into that text, which is what
the desk page shows. What trafilatura may keep inside the body (a teaser, a share
counter) is pruned first by class and id words from ``rules/pages.yaml``.

trafilatura and lxml are imported only when a page is read: ``numcheck --help``
stays fast.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from numcheck.errors import RulesError
from numcheck.ingest.metadata import Source, parse_published
from numcheck.rulebook import Rulebook
from numcheck.schemas.base import check
from numcheck.schemas.rules import Pages
from numcheck.yamlfile import read_yaml

PAGES_FILE = "pages.yaml"
_KEEP = {"html", "body", "main", "article"}
_WORD_BREAK = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Page:
    """An article read off a page: its text (headline first) and what the page says of it."""

    text: str
    source: Source


def chrome_markers(rules: Rulebook) -> tuple[str, ...]:
    """The class/id words of page chrome, from every rules folder in use."""
    return _markers(tuple(rules.folders))


@functools.lru_cache(maxsize=8)
def _markers(folders: tuple[str, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for folder in folders:
        path = Path(folder) / PAGES_FILE
        if not path.is_file():
            continue
        data = read_yaml(path, RulesError)
        check(Pages, data, str(path), RulesError, partial=True)
        found += [m for m in data.get("chrome_markers", []) if m not in found]
    return tuple(_words(m) for m in found)


def read_page(data: bytes, rules: Rulebook, url: str | None = None) -> Page | None:
    """The article of an HTML page, or None when the page holds no article text."""
    import trafilatura

    tree = trafilatura.load_html(data)
    if tree is None:
        return None
    declared = _declared(tree)
    _prune(tree, chrome_markers(rules))
    found = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_precision=True, deduplicate=False,
    )
    body = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not body:
        return None
    title = _clean(getattr(found, "title", None)) or declared.title
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    published = declared.published
    stamp = getattr(found, "date", None)
    if published is None and stamp:
        try:
            published = parse_published(stamp)
        except ValueError:
            published = None
    return Page(text + "\n", Source(
        outlet=_clean(getattr(found, "sitename", None)) or declared.outlet,
        published=published,
        language=declared.language,
        url=_clean(getattr(found, "url", None)) or declared.url or url,
        title=title,
    ))


def _declared(tree: Any) -> Source:
    """What the page states about itself: <html lang>, OpenGraph and JSON-LD.

    JSON-LD's ``datePublished`` is the newsroom's own statement of the publication
    date; trafilatura's guess (htmldate) is used only when the page states none.
    """
    ld = _json_ld(tree)
    lang = tree.get("lang") or ld.get("inLanguage") or _meta(tree, "og:locale")
    publisher = ld.get("publisher")
    published = None
    for stamp in (ld.get("datePublished"), _meta(tree, "article:published_time")):
        if isinstance(stamp, str):
            try:
                published = parse_published(stamp)
                break
            except ValueError:
                continue
    return Source(
        outlet=_clean(publisher.get("name")) if isinstance(publisher, dict) else None,
        published=published,
        language=_language(lang),
        url=_meta(tree, "og:url"),
        title=_clean(ld.get("headline")) or _meta(tree, "og:title"),
    )


def _json_ld(tree: Any) -> dict[str, Any]:
    """The page's NewsArticle (or Article) JSON-LD object, or {}."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        items = data.get("@graph", [data]) if isinstance(data, dict) else data
        for item in items if isinstance(items, list) else []:
            kind = item.get("@type") if isinstance(item, dict) else None
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                return item  # type: ignore[no-any-return]
    return {}


def _meta(tree: Any, prop: str) -> str | None:
    for meta in tree.iter("meta"):
        if meta.get("property") == prop or meta.get("name") == prop:
            return _clean(meta.get("content"))
    return None


def _language(value: object) -> str | None:
    """``fr-FR``, ``fr_FR``, ``FR`` → ``fr``."""
    if not isinstance(value, str) or not value.strip():
        return None
    return re.split(r"[-_]", value.strip())[0].lower() or None


def _prune(tree: Any, markers: tuple[str, ...]) -> None:
    doomed = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _KEEP:
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
        words = [_words(n) for n in names]
        if any(m in w for m in markers for w in words):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # lxml.html: the tail text stays with the parent


def _words(name: str) -> str:
    return f"-{_WORD_BREAK.sub('-', name.lower()).strip('-')}-"


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None

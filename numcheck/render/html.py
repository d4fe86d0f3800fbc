"""The desk-review page (``numcheck report --format html``): one self-contained file.

A fact-checker opens it offline, possibly from an e-mail, so it loads nothing from
the network (the CSS and JS are inlined, a Content-Security-Policy forbids anything
else and only allows our own script by hash), and it must never run the articles'
text: every string from an input (text, file names, outlets, attributions, rule
labels) goes through ``html.escape``, and the JSON the script reads is escaped
against ``</script>``. The page works without script (filters only hide things),
reads without colour (verdicts carry an icon and a word) and prints whole. The same
report renders byte-identical pages: no clock, and every list in a fixed order.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from importlib import resources

from numcheck.model import Claim, Document, Flag, OtherMention, Report, Story, Subject, Verdict
from numcheck.render.explain import explain
from numcheck.render.markdown import story_dates
from numcheck.render.registry import renderer
from numcheck.render.svg import Row, forest_plot
from numcheck.render.words import Words, report_words
from numcheck.table import ids_cell

VERDICT_ICONS: dict[Verdict, str] = {
    Verdict.CONFLICT: "✖",
    Verdict.SELF_CONTRADICTION: "⇄",
    Verdict.DIVERGENT: "▲",
    Verdict.DISPUTED: "⚖",
    Verdict.UNVERIFIABLE: "?",
    Verdict.DIFFERENT_PERIOD: "◷",
    Verdict.CONSISTENT: "✓",
}
NO_FLAG = "none"


def _asset(name: str) -> str:
    return resources.files("numcheck.render").joinpath("assets", name).read_text("utf-8")


def _csp_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _json_for_script(data: object) -> str:
    """JSON that cannot close its <script> element nor open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, safe in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                      ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, safe)
    return text


def anchor(claim_id: str) -> str:
    """The id of a figure's place in the full article text."""
    return f"fig-{claim_id}"


def subject_anchor(key: str) -> str:
    return "subj-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def story_anchor(story_id: str) -> str:
    return "story-" + hashlib.sha1(story_id.encode("utf-8")).hexdigest()[:10]


def doc_anchor(name: str) -> str:
    return "doc-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def badge(verdict: Verdict, w: Words) -> str:
    return (f'<span class="badge v-{verdict.value}"><span aria-hidden="true">'
            f"{VERDICT_ICONS[verdict]}</span> {escape(w.title(verdict))}</span>")


class Page:
    """The report, indexed once for the page: sources, flags per subject, display order.

    Every lookup a section makes (a claim's source, a subject's flags, a document's
    claims and other numbers) is a dictionary built here, so the page costs time in
    proportion to the corpus, not to its square.
    """

    def __init__(self, report: Report, w: Words) -> None:
        self.report, self.w = report, w
        self._outlets = {d.name: d.outlet for d in report.documents}
        self._flags = sorted(report.comparison.flags,
                             key=lambda f: (f.verdict.severity, f.label_in(w.lang), f.fingerprint))
        self._flags_of: dict[str, list[Flag]] = defaultdict(list)
        for f in self._flags:
            self._flags_of[f.subject].append(f)
        self.claims_in: dict[str, list[Claim]] = defaultdict(list)
        for c in report.claims:
            self.claims_in[c.doc].append(c)
        self.others_in: dict[str, list[OtherMention]] = defaultdict(list)
        for o in report.others:
            self.others_in[o.doc].append(o)
        self.stories: dict[str, Story] = {s.id: s for s in report.stories}
        story_of = {s.key: s.story for s in report.comparison.subjects}
        self.raised: Counter[str] = Counter(
            story_of.get(f.subject) or "" for f in self._flags if f.verdict.raised)

    def source(self, claim: Claim) -> str:
        return claim.outlet or self._outlets.get(claim.doc) or claim.doc

    def flags_of(self, key: str) -> list[Flag]:
        return self._flags_of.get(key, [])

    def flags(self) -> list[Flag]:
        return self._flags

    def explain(self, flag: Flag) -> str:
        return escape(explain(flag, self.report.claim, self.w))

    def badge(self, verdict: Verdict) -> str:
        return badge(verdict, self.w)

    def subjects(self) -> list[Subject]:
        """Flagged subjects first, most serious first; then the others by label."""
        def order(s: Subject) -> tuple[int, str, str]:
            worst = min((f.verdict.severity for f in self.flags_of(s.key)), default=len(Verdict))
            return (worst, s.label_in(self.w.lang), s.key)

        return sorted(self.report.comparison.subjects, key=order)

    def claims_of(self, subject: Subject) -> list[Claim]:
        """Oldest first, so the chart and the table read as a timeline of who said what."""
        claims = [self.report.claim(cid) for cid in subject.claims]
        return sorted(claims, key=lambda c: (c.published is None, c.published or date.min,
                                             self.source(c), c.doc, c.start))

    def orphans(self) -> list[Claim]:
        grouped = self.report.comparison.subject_of
        return [c for c in self.report.claims if c.id not in grouped]

    def sources(self) -> list[str]:
        return sorted({self.source(c) for c in self.report.claims})


def _summary(page: Page) -> str:
    r, w = page.report, page.w
    counts = Counter(f.verdict for f in r.comparison.flags)
    rows = "".join(
        f'<tr><th scope="row">{page.badge(v)}</th><td>{w.number(counts[v])}</td></tr>'
        for v in Verdict if counts[v]
    ) or f'<tr><td colspan="2">{escape(w("html.no_flags"))}</td></tr>'
    garbled = sum(c.garbled for c in r.claims)
    stats = [("articles", len(r.documents)), ("claims", len(r.claims)),
             ("subjects", len(r.comparison.subjects)), ("flags", len(r.comparison.flags)),
             ("garbled", garbled)]
    facts = "".join(f"<div><dt>{escape(w(f'html.stat_{k}'))}</dt><dd>{w.number(v)}</dd></div>"
                    for k, v in stats)
    flag_items = "".join(
        f'<li>{page.badge(f.verdict)} <a href="#{subject_anchor(f.subject)}">'
        f"{escape(f.label_in(w.lang))}</a> — {page.explain(f)}</li>"
        for f in page.flags()
    )
    problems = "".join(
        f"<li>{escape(w('html.skipped' if p.fatal else 'html.warning', problem=str(p)))}</li>"
        for p in r.problems
    )
    return (
        f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">'
        f'{escape(w("html.summary"))}</h2>'
        f'<div class="overview"><dl class="stats">{facts}</dl>'
        f'<table class="verdicts"><caption>{escape(w("html.by_verdict"))}</caption>'
        f'<thead><tr><th scope="col">{escape(w("column.verdict"))}</th>'
        f'<th scope="col">{escape(w("column.flags"))}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        + (f'<h3>{escape(w("html.to_review"))}</h3><ol class="flag-list">{flag_items}</ol>'
           if flag_items else "")
        + (f'<h3>{escape(w("html.problems"))}</h3><ul class="problems">{problems}</ul>'
           if problems else "")
        + "</section>"
    )


def _stories(page: Page) -> str:
    """Which articles tell the same event: figures are compared only within one story."""
    if not page.stories:
        return ""
    w = page.w
    rows = "".join(
        f'<tr id="{story_anchor(s.id)}"><td><code>{escape(s.id)}</code></td>'
        f"<td>{escape(s.title)}</td><td>"
        + ", ".join(f'<a href="#{doc_anchor(d)}">{escape(d)}</a>' for d in s.documents)
        + f"</td><td>{escape(story_dates(s, w))}</td>"
        f"<td>{w.number(page.raised[s.id])}</td></tr>"
        for s in page.stories.values()
    )
    heads = "".join(f'<th scope="col">{escape(w(f"column.{h}"))}</th>'
                    for h in ("story", "title", "articles", "published", "raised_flags"))
    return (
        '<section id="stories" aria-labelledby="stories-h"><h2 id="stories-h">'
        f'{escape(w("markdown.stories"))}</h2><p>{escape(w("markdown.stories_intro"))}</p>'
        f'<table class="stories"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>'
        "</section>"
    )


def _story_line(page: Page, story_id: str | None) -> str:
    story = page.stories.get(story_id or "")
    if story is None:
        return ""
    w = page.w
    link = f'<a href="#{story_anchor(story.id)}">{escape(story.title)}</a>'
    return ('<p class="meta story">'
            + w.html("html.story_line", title=link, id=f"<code>{escape(story.id)}</code>",
                dates=escape(story_dates(story, w)),
                articles=escape(w.count("articles", len(story.documents))))
            + "</p>")


def _filters(page: Page) -> str:
    w = page.w
    present = sorted({f.verdict for f in page.report.comparison.flags}, key=lambda v: v.severity)
    verdicts = "".join(
        f'<option value="{v.value}">{escape(w.title(v))}</option>' for v in present
    )
    sources = "".join(f'<option value="{escape(s)}">{escape(s)}</option>' for s in page.sources())
    t = {k: escape(w(f"html.{k}")) for k in ("filters", "verdict", "all_subjects", "any_flag",
                                             "no_flag", "source", "all_sources",
                                             "garbled_only", "reset")}
    return (
        f'<form id="filters" class="filters" aria-label="{t["filters"]}" hidden>'
        f'<div><label for="f-verdict">{t["verdict"]}</label><select id="f-verdict">'
        f'<option value="">{t["all_subjects"]}</option>'
        f'<option value="flagged">{t["any_flag"]}</option>'
        f'{verdicts}<option value="{NO_FLAG}">{t["no_flag"]}</option></select></div>'
        f'<div><label for="f-source">{t["source"]}</label><select id="f-source">'
        f'<option value="">{t["all_sources"]}</option>{sources}</select></div>'
        '<div><input type="checkbox" id="f-garbled"> '
        f'<label for="f-garbled">{t["garbled_only"]}</label></div>'
        f'<div><button type="reset" id="f-reset">{t["reset"]}</button></div>'
        '<p id="f-status" role="status" aria-live="polite"></p></form>'
    )


def _sentence(claim: Claim) -> str:
    """The claim's sentence, escaped, with the figure itself marked."""
    s = claim.sentence
    at = claim.start - claim.sentence_start
    if s[at:at + len(claim.surface)] != claim.surface:
        at = s.find(claim.surface)
    if at < 0:
        return escape(s)
    end = at + len(claim.surface)
    return (f"{escape(s[:at])}<mark>{escape(s[at:end])}</mark>{escape(s[end:])}")


def _reading(claim: Claim, w: Words) -> str:
    if claim.garbled:
        guess = (f'<span class="guess">{escape(w("html.guess", guess=w.guess(claim)))}</span>'
                 if claim.candidate is not None else escape(w("html.no_reading")))
        why = escape(w.garble_reason(claim))
        return (f'<span class="garbled-mark">{escape(w("html.garbled_mark"))}</span> {guess}'
                f"<br><small>{why}</small>")
    return escape(w.claim_interval(claim))


def _claim_rows(page: Page, claims: Iterable[Claim], subject_id: str) -> str:
    w = page.w
    rows = []
    for c in claims:
        src = page.source(c)
        date = w.date(c.published) if c.published else w("cell.none")
        rows.append(
            f'<tr class="claim" data-source="{escape(src)}" data-garbled="{int(c.garbled)}">'
            f'<td><a href="#{doc_anchor(c.doc)}">{escape(src)}</a>'
            + (f'<br><small>{escape(c.doc)}</small>' if src != c.doc else "")
            + f"</td><td>{escape(date)}</td>"
            f'<td lang="{escape(c.lang)}">{_sentence(c)}</td>'
            f"<td>{escape(c.attribution or w('cell.none'))}</td>"
            f"<td>{_reading(c, w)}</td>"
            f'<td><a href="#{anchor(c.id)}" data-back="{subject_id}">'
            f'{escape(w("html.in_article"))}<span class="sr">'
            f'{escape(w("html.in_article_where", doc=c.doc, line=c.line))}</span></a></td></tr>'
        )
    heads = "".join(f'<th scope="col">{escape(w(f"column.{h}"))}</th>'
                    for h in ("source", "date", "sentence_marked", "who_says", "interval", "link"))
    return (f'<table class="claims"><thead><tr>{heads}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _chart(page: Page, subject: Subject, claims: Sequence[Claim]) -> str:
    w = page.w
    rows = [Row(page.source(c), c, w.date(c.published) if c.published else w("html.no_date"))
            for c in claims]
    svg = forest_plot(rows, w("html.chart_title", label=subject.label_in(w.lang)), w)
    return (f'<figure class="chart">{svg}<figcaption>{escape(w("html.chart_caption"))}'
            "</figcaption></figure>")


def _subject(page: Page, subject: Subject) -> str:
    sid = subject_anchor(subject.key)
    flags = page.flags_of(subject.key)
    claims = page.claims_of(subject)
    verdicts = sorted({f.verdict.value for f in flags}) or [NO_FLAG]
    sources = sorted({page.source(c) for c in claims})
    w = page.w
    flag_html = "".join(
        f'<li class="flag">{page.badge(f.verdict)} {page.explain(f)}'
        + (f' <span class="ratio">{escape(w("html.apart", ratio=w.ratio(f.ratio)))}</span>'
           if f.ratio else "")
        + (f' <span class="review">{escape(w("html.review", decision=w.decision(f.review)))}</span>'
           if f.review else "")
        + "</li>"
        for f in flags
    )
    heading = "".join(page.badge(v) for v in sorted({f.verdict for f in flags},
                                                     key=lambda v: v.severity))
    return (
        f'<section class="subject{" flagged" if flags else ""}" id="{sid}" '
        f'data-verdicts="{" ".join(verdicts)}" data-sources="{escape(json.dumps(sources))}" '
        f'data-garbled="{int(any(c.garbled for c in claims))}" aria-labelledby="{sid}-h">'
        f'<h3 id="{sid}-h">{escape(subject.label_in(page.w.lang))} {heading}</h3>'
        + '<p class="meta">'
        + w.html("html.meta", claims=escape(w.count("claims", len(claims))),
            found_by=f"<code>{escape(ids_cell(subject.found_by))}</code>",
            key=f"<code>{escape(subject.key)}</code>")
        + "</p>"
        + (_story_line(page, subject.story) if flags else "")
        + (f'<ul class="flags">{flag_html}</ul>' if flags else "")
        + (_chart(page, subject, claims) if flags else "")
        + _claim_rows(page, claims, sid)
        + "</section>"
    )


def _subjects(page: Page) -> str:
    w = page.w
    body = "".join(_subject(page, s) for s in page.subjects())
    orphans = page.orphans()
    if orphans:
        sources = escape(json.dumps(sorted({page.source(c) for c in orphans})))
        garbled = int(any(c.garbled for c in orphans))
        body += ('<section class="subject" id="ungrouped" data-verdicts="none" '
                 f'data-sources="{sources}" data-garbled="{garbled}">'
                 f"<h3>{escape(w('html.ungrouped'))}</h3>"
                 f"{_claim_rows(page, orphans, 'ungrouped')}</section>")
    return ('<section id="subjects" aria-labelledby="subjects-h"><h2 id="subjects-h">'
            f'{escape(w("html.subjects"))}</h2>'
            f'<p id="no-match" hidden>{escape(w("html.no_match"))}</p>'
            f"{body}</section>")


class _Claimed:
    """The claim spans of one text, for "does this number overlap a claim?" by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to here
        for _, e in ordered:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def meets(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # spans that start before ``end``
        return before > 0 and self.reach[before - 1] > start


def _article_text(page: Page, doc: Document) -> str:
    """The full text with every figure marked: claims link back, other numbers say why."""
    spans: list[tuple[int, int, str, str]] = []
    w = page.w
    back_text = escape(w("html.back"))
    subject_of = page.report.comparison.subject_of
    for c in page.claims_in.get(doc.name, []):
        sid = subject_anchor(subject_of.get(c.id, ""))
        klass = "claim garbled" if c.garbled else "claim"
        back = (f'<a class="back" href="#{sid}" title="{back_text}">↩'
                f'<span class="sr"> {back_text}</span></a>')
        spans.append((c.start, c.end, f'class="{klass}" id="{anchor(c.id)}" tabindex="-1"',
                      back))
    claimed = _Claimed((s, e) for s, e, _, _ in spans)
    for o in page.others_in.get(doc.name, []):
        if not claimed.meets(o.start, o.end):
            why = escape(w("html.not_a_claim", reason=w(f"reason.{o.reason}")))
            spans.append((o.start, o.end, f'class="other" tabindex="0" title="{why}"', ""))
    out: list[str] = []
    pos = 0
    for start, end, attrs, after in sorted(spans):
        if start < pos:
            continue
        out.append(escape(doc.text[pos:start]))
        out.append(f"<mark {attrs}>{escape(doc.text[start:end])}</mark>{after}")
        pos = end
    out.append(escape(doc.text[pos:]))
    return "".join(out)


def _articles(page: Page) -> str:
    w = page.w
    parts = []
    for doc in page.report.documents:
        did = doc_anchor(doc.name)
        n = len(page.claims_in.get(doc.name, []))
        meta = " · ".join(x for x in (
            escape(doc.outlet) if doc.outlet else "",
            f"<code>{escape(doc.name)}</code>",
            escape(w.date(doc.published) if doc.published else w("html.no_date")),
            escape(w("html.language", lang=doc.lang)), escape(w.count("claims", n))) if x)
        parts.append(
            f'<section class="article" id="{did}" aria-labelledby="{did}-h">'
            f'<h3 id="{did}-h">{escape(doc.outlet or doc.name)}</h3><p class="meta">{meta}</p>'
            f'<div class="text" lang="{escape(doc.lang)}">{_article_text(page, doc)}</div>'
            "</section>"
        )
    t = {k: escape(w(f"html.{k}")) for k in ("articles", "legend_claim", "legend_garbled",
                                             "legend_other")}
    return ('<section id="articles" aria-labelledby="articles-h"><h2 id="articles-h">'
            f'{t["articles"]}</h2><p class="legend"><mark class="claim">{t["legend_claim"]}'
            f'</mark> <mark class="claim garbled">{t["legend_garbled"]}</mark> '
            f'<mark class="other">{t["legend_other"]}</mark></p>'
            f"{''.join(parts)}</section>")


def _data(page: Page) -> dict[str, object]:
    """What the script reads (verdict names, the status line's words), plus an index for
    tools that scrape the page."""
    w = page.w
    return {
        "documents": {d.name: d.outlet for d in page.report.documents},
        "sources": page.sources(),
        "subjects": {subject_anchor(s.key): s.label_in(w.lang)
                     for s in page.report.comparison.subjects},
        "verdicts": {v.value: w.title(v) for v in Verdict},
        "words": {"showing": w.texts["html.showing"]},
    }


@renderer("report", "html")
def render_html(report: Report, **options: object) -> str:
    """The whole page as one string; options: ``title``, and ``lang`` (else the corpus's)."""
    w = report_words(report, options)
    page = Page(report, w)
    title = str(options.get("title") or w("html.title"))
    css, js = _asset("desk.css"), _asset("desk.js")
    csp = (f"default-src 'none'; script-src {_csp_hash(js)}; style-src {_csp_hash(css)}; "
           "img-src 'none'; connect-src 'none'; font-src 'none'; base-uri 'none'; "
           "form-action 'none'")
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(w.lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{css}</style></head><body>"
        f'<a class="skip" href="#subjects">{escape(w("html.skip"))}</a>'
        f"<header><h1>{escape(title)}</h1>"
        f"<p>{escape(w('html.intro', articles=w.count('articles', len(report.documents))))}"
        "</p></header>"
        f"<main>{_summary(page)}{_stories(page)}{_filters(page)}{_subjects(page)}{_articles(page)}</main>"
        f'<script type="application/json" id="numcheck-data">{_json_for_script(_data(page))}'
        f"</script><script>{js}</script></body></html>\n"
    )

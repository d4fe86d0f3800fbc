"""A report's language: its messages, and figures and dates written the reader's way.

French readers expect ``175 000``, ``1,75`` and ``4 déc. 2021``; English readers
``175,000``, ``1.75`` and ``Dec 4, 2021``. Babel holds those conventions (CLDR) for
every locale, so a new language brings a message file, not code. Babel is imported
on first use: commands that render nothing never load it.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from numcheck.model import Claim, Document, Hedge, Report, Verdict
from numcheck.render import messages
from numcheck.rulebook import Rulebook

if TYPE_CHECKING:
    from babel import Locale

DEFAULT = "en"
HUGE = 1e15


class Words:
    """The messages of one language and its locale's number and date formats."""

    def __init__(self, lang: str, rules: Rulebook) -> None:
        self.lang = lang
        self.texts = messages.load(lang, rules.folders)
        self.locale_name = self.texts["locale"]
        # the garble reasons extraction wrote (rules/garbles.yaml), by their entry
        garbles = rules.garbles
        self._garbles = {garbles["run_together"]["reason"]: self("garble.run_together"),
                         garbles["too_large"]["reason"]: self("garble.too_large")}
        self._garbles.update((p["reason"], self("garble.placeholder", token=p["token"]))
                             for p in garbles["placeholders"])

    def __call__(self, message: str, /, **values: Any) -> str:
        return self.texts[message].format(**values)

    def html(self, message: str, /, **markup: str) -> str:
        """The message as HTML: its own text escaped, the values already markup."""
        from html import escape

        return escape(self.texts[message], quote=False).format(**markup)

    def count(self, key: str, n: int) -> str:
        """``3 articles``, ``1 article``: the plural form the locale's rules pick."""
        form = "one" if _locale(self.locale_name).plural_form(n) == "one" else "other"
        return self(f"count.{key}.{form}", n=self.number(n))

    def decision(self, decision: str) -> str:
        """A reviewer's decision from the ledger (``false-positive``) in the reader's words."""
        return self.texts.get(f"decision.{decision}", decision)

    def verdict(self, verdict: Verdict) -> str:
        return self.texts[f"verdict.{verdict.value}"]

    def title(self, verdict: Verdict) -> str:
        return self.texts[f"verdict_title.{verdict.value}"]

    def number(self, x: float | None) -> str:
        if x is None:
            return self.texts["figure.unknown"]
        from babel.numbers import format_decimal, format_scientific

        if abs(x) >= HUGE:  # beyond any real count: 1E31, not a 32-digit run
            return str(format_scientific(x, locale=self.locale_name))
        return str(format_decimal(x, format="#,##0.##", locale=self.locale_name))

    def ratio(self, x: float) -> str:
        from babel.numbers import format_decimal

        return str(format_decimal(x, format="0.00", locale=self.locale_name))

    def percent(self, x: float) -> str:
        """``15`` (a claim's percent) → ``15 %`` in French, ``15%`` in English."""
        from babel.numbers import format_percent

        share = Decimal(str(round(x, 2))) / 100
        return str(format_percent(share, locale=self.locale_name, decimal_quantization=False))

    def date(self, d: date | None) -> str:
        if d is None:
            return self.texts["cell.undated"]
        from babel.dates import format_date

        return str(format_date(d, format="medium", locale=self.locale_name))

    def interval(self, low: float | None, high: float | None, low_open: bool,
                 high_open: bool) -> str:
        """[157 500, 192 500], (100 000, ∞), [0, 10 000)."""
        if low is None and high is None:
            return self.texts["cell.none"]
        left = "(" if low_open or low is None else "["
        right = ")" if high_open or high is None else "]"
        lo = self.number(low) if low is not None else "−∞"
        hi = self.number(high) if high is not None else "∞"
        return f"{left}{lo}{self.texts['figure.interval_separator']}{hi}{right}"

    def claim_interval(self, c: Claim) -> str:
        return self.interval(c.low, c.high, c.low_open, c.high_open)

    def figure(self, c: Claim) -> str:
        """How a reviewer says the figure: 'about 175,000', 'entre 10 et 15'."""
        if c.garbled:
            if c.candidate is None:
                return self("figure.garbled", surface=c.surface)
            return self("figure.garbled_guess", surface=c.surface, guess=self.number(c.candidate))
        if c.hedge is Hedge.RANGE:
            return self("figure.range", low=self._value(c, c.low), high=self._value(c, c.high))
        if c.hedge is Hedge.VAGUE:
            return self("figure.vague", text=c.hedge_text or c.surface,
                        low=self.number(c.low), high=self.number(c.high))
        return self(f"figure.{c.hedge.value}", n=self._value(c, c.value))

    def figure_counted(self, c: Claim) -> str:
        figure = self.figure(c)
        return self("figure.counted", figure=figure, counted=c.counted) if c.counted else figure

    def garble_reason(self, c: Claim) -> str:
        """Why a figure is garbled, in this language (a reason no rule wrote stays as is)."""
        reason = c.garble_reason or ""
        return self._garbles.get(reason, reason) or self.texts["cell.garbled"]

    def guess(self, c: Claim) -> str:
        """The candidate reading of a garbled figure, written as a figure."""
        return self.number(c.candidate)

    def _value(self, c: Claim, x: float | None) -> str:
        return self.percent(x) if x is not None and c.kind.value == "percent" else self.number(x)


@functools.lru_cache(maxsize=16)
def _locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name)


def words_for(rules: Rulebook, lang: str) -> Words:
    """The words of ``lang``, with the message files of the rules' folders."""
    return _cached(rules, lang)


@functools.lru_cache(maxsize=16)
def _cached(rules: Rulebook, lang: str) -> Words:
    return Words(lang, rules)


def majority_language(documents: Iterable[Document], folders: Iterable[str] = ()) -> str:
    """The language most documents are written in, among those with messages.

    A tie goes to the language whose code sorts first (``en`` before ``fr``), so the
    same corpus always gets the same report; with no such language, English.
    """
    known = set(messages.languages(folders))
    counts = Counter(d.lang for d in documents if d.lang in known)
    if not counts:
        return DEFAULT
    return min(counts, key=lambda lang: (-counts[lang], lang))


def report_words(report: Report, options: Mapping[str, object]) -> Words:
    """The words a renderer writes in: ``lang`` from the options, else the corpus's."""
    lang = options.get("lang")
    if not isinstance(lang, str) or not lang:
        lang = majority_language(report.documents, report.rules.folders)
    return words_for(report.rules, lang)

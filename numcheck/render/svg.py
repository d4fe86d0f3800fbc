"""Forest-plot charts for the desk-review page, drawn as inline SVG in Python.

A reviewer must see at a glance whether the sources' intervals overlap, so every
claim of a subject gets one row on a shared axis: a point for the figure a reader
takes away, a bar for the interval its wording allows, an arrow where a bound is
open, and a marked "?" for a garbled figure (its candidate reading, if any, is drawn
hollow and labelled as a guess). The chart is plain markup, without script or CSS
dependency, so it survives printing, CSP and screen readers (it carries a text
description); every string placed in it is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from numcheck.model import Claim
from numcheck.render.words import Words

WIDTH = 760
LABEL_W = 230  # left gutter holding the source labels
RIGHT_PAD = 130  # room for the value label after the bar
ROW_H = 34
TOP = 14
AXIS_H = 34
LOG_SPAN = 50.0  # figures this many times apart are drawn on a log scale

INK = "#1b1f24"
MUTED = "#57606a"
BAR = "#0a4f9e"
GUESS = "#8a3b00"


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the chart, already in words: who said it and what it reads as."""

    label: str
    claim: Claim
    note: str = ""  # a second, smaller line under the label (the date)


class Scale:
    """Maps figures to x positions, linear or logarithmic, with readable ticks."""

    def __init__(self, lo: float, hi: float, log: bool) -> None:
        self.log = log
        if log:
            self.lo, self.hi = math.log10(lo), math.log10(hi)
        else:
            self.lo, self.hi = lo, hi
        if self.hi <= self.lo:
            self.hi = self.lo + 1.0
        self.x0 = float(LABEL_W)
        self.x1 = float(WIDTH - RIGHT_PAD)

    def x(self, value: float) -> float:
        v = math.log10(max(value, 10**self.lo)) if self.log else value
        t = (v - self.lo) / (self.hi - self.lo)
        return round(self.x0 + min(max(t, 0.0), 1.0) * (self.x1 - self.x0), 1)

    def ticks(self) -> list[float]:
        if self.log:
            return [10.0**e for e in range(math.ceil(self.lo), math.floor(self.hi) + 1)]
        step = _nice_step((self.hi - self.lo) / 5)
        first = math.ceil(self.lo / step) * step
        count = int((self.hi - first) / step + 1e-9) + 1
        return [first + i * step for i in range(count)]


def _nice_step(raw: float) -> float:
    magnitude = 10.0 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10.0 * magnitude


def _figures(claims: Sequence[Claim]) -> list[float]:
    values: list[float] = []
    for c in claims:
        values.extend(v for v in (c.low, c.high, c.value, c.candidate) if v is not None)
    return values


def make_scale(claims: Sequence[Claim]) -> Scale:
    """Log scale when the figures span orders of magnitude; pad the range so bars breathe."""
    values = _figures(claims) or [0.0, 1.0]
    positive = [v for v in values if v > 0]
    lo, hi = min(values), max(values)
    if positive and max(positive) / min(positive) >= LOG_SPAN:
        return Scale(min(positive) / 1.5, max(positive) * 1.5, log=True)
    pad = (hi - lo) * 0.12 or abs(hi) * 0.25 or 1.0
    return Scale(max(lo - pad, 0.0) if lo >= 0 else lo - pad, hi + pad, log=False)


def _text(x: float, y: float, body: str, *, anchor: str = "start", cls: str = "",
          fill: str = INK) -> str:
    klass = f' class="{cls}"' if cls else ""
    return (f'<text x="{x}" y="{y}" text-anchor="{anchor}" fill="{fill}"{klass}>'
            f"{escape(body)}</text>")


def _arrow(x: float, y: float, direction: int) -> str:
    """A filled triangle pointing left (-1) or right (+1): the bound is open."""
    tip = x + 9 * direction
    return (f'<path d="M{x} {y - 6} L{tip} {y} L{x} {y + 6} Z" fill="{BAR}" '
            f'class="open-bound"/>')


def _interval_row(c: Claim, y: float, scale: Scale, w: Words) -> list[str]:
    parts: list[str] = []
    left_open_end = c.low is None or (scale.log and c.low <= 0)
    x_lo = scale.x0 if left_open_end else scale.x(c.low or 0.0)
    x_hi = scale.x1 if c.high is None else scale.x(c.high)
    parts.append(f'<line x1="{x_lo}" y1="{y}" x2="{x_hi}" y2="{y}" stroke="{BAR}" '
                 f'stroke-width="4" class="interval"/>')
    for x, is_open, unbounded, direction in (
        (x_lo, c.low_open, left_open_end, -1),
        (x_hi, c.high_open, c.high is None, 1),
    ):
        if unbounded:
            parts.append(_arrow(x, y, direction))
        else:
            fill = "#ffffff" if is_open else BAR
            parts.append(f'<line x1="{x}" y1="{y - 7}" x2="{x}" y2="{y + 7}" stroke="{BAR}" '
                         f'stroke-width="2"/><circle cx="{x}" cy="{y}" r="2.5" fill="{fill}" '
                         f'stroke="{BAR}"/>')
    if c.central is not None:
        parts.append(f'<circle cx="{scale.x(c.central)}" cy="{y}" r="6" fill="{INK}" '
                     f'stroke="#ffffff" stroke-width="1.5" class="point"/>')
    label = w.claim_interval(c)
    parts.append(_text(scale.x1 + 14, y + 4, label, cls="val"))
    return parts


def _garbled_row(c: Claim, y: float, scale: Scale, w: Words) -> list[str]:
    """A '?' badge; the candidate, if any, as a hollow dashed marker labelled 'guess'."""
    if c.candidate is not None:
        x = scale.x(c.candidate)
        label = w("chart.guess", guess=w.guess(c))
    else:
        x = scale.x0 + 12
        label = w("chart.lost")
    return [
        f'<circle cx="{x}" cy="{y}" r="10" fill="#fff4e5" stroke="{GUESS}" stroke-width="2" '
        f'stroke-dasharray="3 2" class="garbled"/>',
        _text(x, y + 5, "?", anchor="middle", cls="q", fill=GUESS),
        _text(scale.x1 + 14, y + 4, label, cls="val guess", fill=GUESS),
    ]


def _axis(scale: Scale, y: float, height: float, w: Words) -> list[str]:
    parts = [f'<line x1="{scale.x0}" y1="{y}" x2="{scale.x1}" y2="{y}" stroke="{MUTED}"/>']
    for t in scale.ticks():
        x = scale.x(t)
        parts.append(f'<line x1="{x}" y1="{TOP - 4}" x2="{x}" y2="{y}" stroke="#d0d7de" '
                     f'stroke-dasharray="2 3"/>')
        parts.append(_text(x, y + 16, w.number(t), anchor="middle", cls="tick", fill=MUTED))
    note = w("chart.log") if scale.log else w("chart.linear")
    parts.append(_text(WIDTH - 6, height - 4, note, anchor="end", cls="tick", fill=MUTED))
    return parts


def forest_plot(rows: Sequence[Row], title: str, w: Words) -> str:
    """The whole chart for one subject; ``title`` and ``desc`` make it readable aloud."""
    claims = [r.claim for r in rows]
    scale = make_scale(claims)
    height = TOP + ROW_H * len(rows) + AXIS_H
    axis_y = TOP + ROW_H * len(rows)
    body: list[str] = []
    describe: list[str] = []
    draw: dict[bool, Callable[[Claim, float, Scale, Words], list[str]]] = {
        True: _garbled_row, False: _interval_row,
    }
    for i, row in enumerate(rows):
        y = TOP + ROW_H * i + ROW_H / 2
        if i % 2 == 0:
            body.append(f'<rect x="0" y="{TOP + ROW_H * i}" width="{WIDTH}" height="{ROW_H}" '
                        f'fill="#f6f8fa"/>')
        if row.note:
            body.append(_text(8, y - 2, _clip(row.label, 34), cls="src"))
            body.append(_text(8, y + 12, row.note, cls="note", fill=MUTED))
        else:
            body.append(_text(8, y + 4, _clip(row.label, 34), cls="src"))
        body.extend(draw[row.claim.garbled](row.claim, y, scale, w))
        when = f" ({row.note})" if row.note else ""
        describe.append(f"{row.label}{when}: {_reading(row.claim, w)}")
    desc = "; ".join(describe)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="forest" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="system-ui, sans-serif" font-size="12">'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>"
        + "".join(_axis(scale, axis_y, height, w))
        + "".join(body)
        + "</svg>"
    )


def _reading(c: Claim, w: Words) -> str:
    if c.garbled:
        if c.candidate is None:
            return w("chart.garbled", surface=c.surface)
        return w("chart.garbled_guess", surface=c.surface, guess=w.guess(c))
    return w.claim_interval(c)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"

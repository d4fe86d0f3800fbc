"""Predictions from numcheck itself and from quantulum3, in the form the scorer reads.

quantulum3 is the obvious off-the-shelf alternative, so scoring it on the same gold
tells a newsroom what numcheck adds. It only finds quantities: it has no notion of
hedges, garbled figures, subjects or flags, so those come out as exact, clean,
ungrouped and unflagged.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from numcheck.evaluate.match import Prediction, sentence_around
from numcheck.model import Document
from numcheck.pipeline import Report

BASELINES = ("quantulum3",)


def from_report(report: Report) -> list[Prediction]:
    """numcheck's claims, each with the subject the comparison put it in."""
    subject_of = report.comparison.subject_of
    return [
        Prediction(
            id=c.id, doc=c.doc, start=c.start, end=c.end, surface=c.surface,
            value=c.value, low=c.low, high=c.high, hedge=c.hedge.value, garbled=c.garbled,
            sentence=" ".join(c.sentence.split()), subject=subject_of.get(c.id),
        )
        for c in report.claims
    ]


def quantulum3_predictions(documents: Sequence[Document]) -> list[Prediction]:
    """``quantulum3.parser.parse`` on each article's text; every quantity is a claim."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        from quantulum3 import parser

        out = []
        for doc in documents:
            for i, q in enumerate(parser.parse(doc.text)):
                start, end = q.span
                value = float(q.value) if q.value is not None else None
                out.append(Prediction(
                    id=f"q{i}:{doc.name}", doc=doc.name, start=start, end=end,
                    surface=doc.text[start:end], value=value, low=value, high=value,
                    hedge="exact", garbled=False,
                    sentence=sentence_around(doc.text, start, end),
                ))
    return out

"""One document's failure never stops a run.

A bug that only one article triggers (in reading, extraction or rendering) must not
cost the newsroom the report on every other article. Each per-document step runs
behind ``crashed``: the failure becomes a ``Problem`` naming the file and the error
(exit 2), and the run goes on without that document. Rendering's own recovery is
``numcheck.render.isolated``.
"""

from __future__ import annotations

from numcheck.model import Problem

BUG_HINT = "a bug in numcheck: please report it"


def crashed(where: str, stage: str, err: BaseException) -> Problem:
    """The ``Problem`` for an unexpected exception while handling one document."""
    detail = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    return Problem(where, f"{stage} failed ({detail}); skipped — {BUG_HINT}")

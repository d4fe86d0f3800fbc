"""One configuration path: every command reads the project's configuration the same way.

``extract``, ``report``, ``check``, ``eval`` and ``review`` all open the project here:
the configuration file (``--config``, else the closest ``.numcheck.toml`` or a
``pyproject.toml`` with a ``[tool.numcheck]`` table), its ``rules`` folders, then the
``--rules`` folders, then its settings make the one ``Rulebook`` every stage of the run
reads. So the same article gives the same claims whichever command reads it, and a
library caller gets what the command line gets. The review ledger is applied here
too: a reviewed flag carries its decision in the library as in the ``report`` output.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from numcheck.check import ledger as ledger_file
from numcheck.check.config import CheckConfig, configured_rules, load_config
from numcheck.evaluate import Evaluation, evaluate
from numcheck.model import Report
from numcheck.optional import require
from numcheck.pipeline import run
from numcheck.rulebook import Rulebook
from numcheck.table import frame

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Project", "Reviewed", "claims_frame", "open_project"]


@dataclass(frozen=True)
class Reviewed:
    """A report with the ledger's decisions on its flags, and the entries no flag matches."""

    report: Report
    stale: tuple[str, ...]


@dataclass(frozen=True)
class Project:
    """The configuration found for a run and the rules it makes; see ``open_project``."""

    config: CheckConfig
    rules: Rulebook

    def ledger(self, path: str | Path | None = None) -> ledger_file.Ledger:
        """The review ledger: ``path`` (``--ledger``), else the configuration's."""
        return ledger_file.load(Path(path) if path else self.config.ledger_path)

    def claims(self, paths: Iterable[str | Path], **run_options: Any) -> Report:
        """Read, extract, group and compare with the project's rules (``numcheck extract``)."""
        return run(paths, rules=self.rules, **run_options)

    def frame(self, paths: Iterable[str | Path], **run_options: Any) -> pd.DataFrame:
        """The claims as a DataFrame (``numcheck extract --format parquet``'s table)."""
        require("pandas", "the claims frame")  # before reading a whole corpus for nothing
        found = self.claims(paths, **run_options)
        return frame(found.claims, found.comparison.subject_of)

    def report(
        self, paths: Iterable[str | Path], *, ledger: str | Path | None = None,
        **run_options: Any,
    ) -> Reviewed:
        """The report with the review ledger applied (``numcheck report``)."""
        reviews = self.ledger(ledger)
        found = self.claims(paths, **run_options)
        comparison = ledger_file.apply(found.comparison, reviews)
        return Reviewed(dataclasses.replace(found, comparison=comparison),
                        tuple(ledger_file.stale(reviews, comparison)))

    def evaluate(
        self, gold: str | Path, paths: Iterable[str | Path], **options: Any
    ) -> Evaluation:
        """Scores against a gold annotation, the run reading the project's rules."""
        return evaluate(gold, paths, rules=self.rules, **options)


def open_project(
    config: str | Path | None = None,
    rules: Iterable[str | Path] = (),
    *,
    start: Path | None = None,
) -> Project:
    """The project's configuration and rules: ``config`` (``--config``) or the file found
    walking up from ``start`` (the working directory), its rules folders, then
    ``rules`` (``--rules``), then its settings."""
    conf = load_config(Path(config) if config else None, start=start)
    return Project(conf, configured_rules(conf, rules))


def claims_frame(
    paths: Iterable[str | Path],
    *,
    lang: str | None = None,
    config: str | Path | None = None,
    rules_dirs: Iterable[str | Path] = (),
    start: Path | None = None,
) -> pd.DataFrame:
    """Every claim of every readable article under ``paths`` as one DataFrame, read with
    the project's configuration as every command reads it (``open_project(config,
    rules_dirs, start=start).frame(paths)``).

    Files that cannot be read are left out here; use ``open_project().claims`` to get
    the problems alongside the claims.
    """
    require("pandas", "the claims frame")  # before looking for the project
    return open_project(config, rules_dirs, start=start).frame(paths, lang=lang)

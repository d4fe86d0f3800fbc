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
from typing import Any

from numcheck.check import ledger as ledger_file
from numcheck.check.config import CheckConfig, configured_rules, load_config
from numcheck.evaluate import Evaluation, evaluate
from numcheck.model import Report
from numcheck.pipeline import run
from numcheck.rulebook import Rulebook

__all__ = ["Project", "Reviewed", "open_project"]


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

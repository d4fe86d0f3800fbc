"""Command-line entry point; each command lives in its own module."""

from __future__ import annotations

import numcheck.cli.check_cmd  # registers check and review
import numcheck.cli.eval_cmd  # noqa: F401
from numcheck.cli import extract_cmd, report_cmd  # noqa: F401  (registers the commands)
from numcheck.cli.app import Exit, app

__all__ = ["Exit", "app", "main"]


def main() -> None:
    app()

"""Command-line entry point; each command lives in its own module."""

from __future__ import annotations

# Each command module registers itself on ``app`` when imported.
from numcheck.cli import check_cmd, eval_cmd, extract_cmd, report_cmd, review_cmd  # noqa: F401
from numcheck.cli.app import Exit, app

__all__ = ["Exit", "app", "main"]


def main() -> None:
    app()

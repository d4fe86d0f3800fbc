"""`numcheck --help` loads no stage and no heavy library (its time is in bench/startup.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from numcheck.cli import inputs
from numcheck.ingest.fetch import DEFAULT_CACHE, FetchSettings

HEAVY = ("pydantic", "sklearn", "quantulum3", "babel", "pandas", "trafilatura", "yaml", "simplemma",
         "numcheck.pipeline", "numcheck.rulebook", "numcheck.extract", "numcheck.ingest")


def test_help_imports_nothing_heavy() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['numcheck', '--help']\n"
        "try:\n    runpy.run_module('numcheck', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Commands" in run.stdout and "check" in run.stdout  # the help was written
    loaded = run.stdout.splitlines()[-1].split()
    assert not [m for m in loaded if m in HEAVY or m.startswith(tuple(f"{h}." for h in HEAVY))]


def test_help_shows_the_reading_stage_defaults() -> None:
    assert FetchSettings().timeout == inputs.DEFAULT_TIMEOUT
    assert Path(inputs.DEFAULT_PAGE_CACHE) == DEFAULT_CACHE

"""Start-up of ``numcheck --help``: what a person waits for before any work is done.

Each run is a fresh interpreter (``python -m numcheck --help``), timed from outside; the
figure is the best of ``--repeat`` runs (the least disturbed by other load), reported
beside a bare ``python -c pass`` so the interpreter's own start-up is visible. With
``--imports`` it also lists the costliest imports (``-X importtime``, cumulative).

Usage: ``python -m bench.startup [--repeat 15] [--imports 10]``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence


def best_of(command: Sequence[str], repeat: int) -> float:
    """Seconds of the fastest of ``repeat`` runs of ``command``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def costliest_imports(command: Sequence[str], count: int) -> list[tuple[float, str]]:
    """The ``count`` imports with the largest cumulative time (seconds, module)."""
    run = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], check=True,
                         capture_output=True, text=True)
    rows = []
    for line in run.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]) / 1e6, parts[2].rstrip()))
    return sorted(rows, reverse=True)[:count]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--imports", type=int, default=0, help="List the N costliest imports.")
    args = parser.parse_args(argv)
    bare = best_of([sys.executable, "-c", "pass"], args.repeat)
    helped = best_of([sys.executable, "-m", "numcheck", "--help"], args.repeat)
    print(f"python -c pass:          {bare:.3f} s")
    print(f"numcheck --help:         {helped:.3f} s  (best of {args.repeat})")
    print(f"numcheck's own share:    {helped - bare:.3f} s  ({helped / bare:.1f}x a bare python)")
    for seconds, module in costliest_imports([sys.executable, "-m", "numcheck", "--help"],
                                             args.imports):
        print(f"  {seconds:.3f} s  {module}")


if __name__ == "__main__":
    main()

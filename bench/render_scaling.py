"""Benchmark: report rendering time as the corpus grows, and ``numcheck --help`` start-up.

Not a test: run it by hand and record the figures in the README
(``python -m bench.render_scaling``). One synthetic corpus (``bench/corpus.py``, seed 7)
is generated at the largest size; each size takes its first N articles, runs the
pipeline once (untimed) in a fresh child process, then times the markdown report and
the HTML desk page (best of ``--repeat``). A renderer that looked things up by scanning
the whole report once per claim or per article would cost the square of the corpus;
the ``growth`` column (time per claim against the previous size) shows it: ~1× is
linear, a quadratic renderer shows about the size ratio (4× from 300 to 1 200).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.corpus import generate
from bench.run import ROOT, _best_of, _files, _numcheck_cmd, log, machine

SIZES = (300, 1200, 10_000)
FORMATS = ("markdown", "html")


def measure(corpus: Path, n: int, jobs: int, repeat: int) -> dict[str, Any]:
    """In the child: build the report for the first ``n`` articles, then time each format."""
    import numcheck
    from numcheck.render import render

    files = _files(corpus, n)
    report = numcheck.run([corpus / "sources.csv", *files], jobs=jobs)
    seconds: dict[str, float] = {}
    chars: dict[str, int] = {}
    for fmt in FORMATS:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            out = render("report", fmt, report)
            best = min(best, time.perf_counter() - start)
        seconds[fmt] = best
        chars[fmt] = len(out)
    return {"articles": len(files), "claims": len(report.claims),
            "subjects": len(report.comparison.subjects),
            "flags": len(report.comparison.flags), "seconds": seconds, "chars": chars}


def _child(corpus: Path, n: int, jobs: int, repeat: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.render_scaling", "--child", "--corpus", str(corpus),
           "--sizes", str(n), "--jobs", str(jobs), "--repeat", str(repeat)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def table(rows: Sequence[dict[str, Any]], help_seconds: float) -> str:
    lines = [f"{'articles':>9} {'claims':>7} {'flags':>6} "
             + " ".join(f"{f + ' s':>11} {'growth':>7}" for f in FORMATS)]
    previous: dict[str, Any] | None = None
    for r in rows:
        cells = []
        for fmt in FORMATS:
            per_claim = r["seconds"][fmt] / r["claims"]
            growth = (f"{per_claim / (previous['seconds'][fmt] / previous['claims']):.2f}×"
                      if previous else "-")
            cells.append(f"{r['seconds'][fmt]:>11.2f} {growth:>7}")
        lines.append(f"{r['articles']:>9} {r['claims']:>7} {r['flags']:>6} " + " ".join(cells))
        previous = r
    first = rows[0]
    for r in rows[1:]:
        ratios = ", ".join(f"{f} {r['seconds'][f] / first['seconds'][f]:.1f}×" for f in FORMATS)
        lines.append(f"{r['articles']} articles vs {first['articles']}: {ratios} the time "
                     f"({r['articles'] / first['articles']:.0f}× the articles)")
    lines.append("growth = render time per claim relative to the previous size; "
                 "~1.00× means linear.")
    lines.append(f"numcheck --help: {help_seconds:.2f} s (best of 5)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="render time against corpus size")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=2, help="extraction processes (untimed)")
    parser.add_argument("--repeat", type=int, default=3, help="renders per format; best kept")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.corpus, args.sizes[0], args.jobs, args.repeat)))
        return
    sizes = sorted(args.sizes)
    help_seconds = _best_of([*_numcheck_cmd(), "--help"], 5)
    rows = []
    with tempfile.TemporaryDirectory(prefix="numcheck-render-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, sizes[-1], args.seed)
        for n in sizes:
            # one render of the largest report is enough: it takes tens of seconds
            repeat = args.repeat if n < 5000 else 1
            rows.append(_child(corpus, n, args.jobs, repeat))
            log(f"{n} articles: {rows[-1]}")
    print(table(rows, help_seconds))
    m = machine()
    print(f"Machine: {m['nproc']} × {m['cpu']}, Python {m['python']}; corpus seed {args.seed}.")


if __name__ == "__main__":
    main()

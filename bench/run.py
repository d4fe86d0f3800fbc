"""The numcheck benchmark, in one run on one generated corpus.

Measures, on the same text: numcheck end to end (ingest → extract → group → compare →
markdown report) in one process and with a process pool, extraction alone,
``quantulum3.parser.parse`` alone (on a sample: it is slow), peak memory, start-up
of ``numcheck --help`` and of ``numcheck extract`` on one article, and time per
article from 100 to N articles (it should stay flat: the pipeline is linear).

Each measurement runs in a fresh child process, so peak memory (``ru_maxrss``) and
warm caches belong to that measurement alone. Results: a markdown table on stdout
and JSON in ``bench/out/``.

Usage: ``python -m bench.run [--articles 10000] [--seed 7] [--jobs 2] [--quick]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.corpus import generate

OUT = Path(__file__).resolve().parent / "out"
ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- child measurements


def _peak_mb() -> float:
    """Peak resident memory of this process and its (pool) children, in MB (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _files(corpus: Path, n: int) -> list[Path]:
    return sorted(p for p in corpus.glob("*.txt"))[:n]


def measure_pipeline(corpus: Path, n: int, jobs: int) -> dict[str, Any]:
    """End to end: what ``numcheck report`` does, minus writing the file."""
    import numcheck
    from numcheck.render import render

    rules = numcheck.load_rules()
    files = _files(corpus, n)
    size = sum(p.stat().st_size for p in files)
    start = time.perf_counter()
    report = numcheck.run([corpus / "sources.csv", *files], rules=rules, jobs=jobs)
    ran = time.perf_counter()
    text = render("report", "markdown", report)
    end = time.perf_counter()
    return {"articles": len(files), "bytes": size, "jobs": jobs, "seconds": end - start,
            "render_seconds": end - ran, "claims": len(report.claims),
            "subjects": len(report.comparison.subjects), "flags": len(report.comparison.flags),
            "output_chars": len(text), "peak_mb": _peak_mb()}


def measure_extraction(corpus: Path, n: int) -> dict[str, Any]:
    """Extraction alone, on documents already read: the part quantulum3 competes with."""
    import numcheck
    from numcheck.extract import extract_document

    rules = numcheck.load_rules()
    files = _files(corpus, n)
    ingest = numcheck.read_paths([corpus / "sources.csv", *files], rules=rules)
    size = sum(len(d.text.encode()) for d in ingest.documents)
    extract_document(ingest.documents[0], rules)  # compile the lexicons first
    start = time.perf_counter()
    claims = sum(len(extract_document(d, rules).claims) for d in ingest.documents)
    seconds = time.perf_counter() - start
    return {"articles": len(ingest.documents), "bytes": size, "seconds": seconds,
            "claims": claims, "peak_mb": _peak_mb()}


def measure_quantulum(corpus: Path, n: int) -> dict[str, Any]:
    """``quantulum3.parser.parse`` over the same texts, after its first-call warm-up."""
    import warnings

    warnings.simplefilter("ignore")
    from quantulum3 import parser

    texts = [p.read_text(encoding="utf-8") for p in _files(corpus, n)]
    start = time.perf_counter()
    parser.parse("About 175,000 troops and 12 km.")
    warmup = time.perf_counter() - start
    start = time.perf_counter()
    found = sum(len(parser.parse(t)) for t in texts)
    seconds = time.perf_counter() - start
    return {"articles": len(texts), "bytes": sum(len(t.encode()) for t in texts),
            "seconds": seconds, "warmup_seconds": warmup, "quantities": found,
            "peak_mb": _peak_mb()}


CHILDREN: dict[str, Any] = {"pipeline": measure_pipeline, "extraction": measure_extraction,
            "quantulum": measure_quantulum}


def _child(what: str, corpus: Path, n: int, jobs: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.run", "--child", what, "--corpus", str(corpus),
           "--articles", str(n), "--jobs", str(jobs)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------- start-up


def _best_of(cmd: Sequence[str], times: int) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def _numcheck_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("numcheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "numcheck"]


# ---------------------------------------------------------------- driver


def kb_s(result: dict[str, Any]) -> float:
    return float(result["bytes"]) / 1024 / float(result["seconds"])


def benchmark(articles: int, seed: int, jobs: int, quick: bool) -> dict[str, Any]:
    sizes = [s for s in (100, 1000, 10_000) if s < articles] + [articles]
    sample = min(articles, 50 if quick else 200)  # quantulum3: ~6 KB/s on these articles
    with tempfile.TemporaryDirectory(prefix="numcheck-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        start = time.perf_counter()
        generate(corpus, articles, seed)
        generated = time.perf_counter() - start
        log(f"corpus: {articles} articles in {generated:.1f} s")
        cmd = _numcheck_cmd()
        startup = {"help_seconds": _best_of([*cmd, "--help"], 5),
                   "extract_one_seconds": _best_of(
                       [*cmd, "extract", "--format", "json", str(_files(corpus, 1)[0])], 3)}
        log(f"start-up: {startup}")
        quantulum = _child("quantulum", corpus, sample, 1)
        log(f"quantulum3: {quantulum}")
        extraction = _child("extraction", corpus, sample, 1)
        extraction_all = _child("extraction", corpus, sizes[-1], 1)
        log(f"extraction: {extraction_all}")
        growth = []
        for n in sizes:
            for j in sorted({1, jobs}):
                result = _child("pipeline", corpus, n, j)
                log(f"pipeline n={n} jobs={j}: {result}")
                growth.append(result)
    return {"articles": articles, "seed": seed, "jobs": jobs, "quick": quick,
            "machine": machine(), "startup": startup, "quantulum3": quantulum,
            "extraction_sample": extraction, "extraction": extraction_all,
            "pipeline": growth}


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version()}


def table(r: dict[str, Any]) -> str:
    q = kb_s(r["quantulum3"])
    largest = r["articles"]
    pipes = {(p["articles"], p["jobs"]): p for p in r["pipeline"]}
    one, many = pipes[(largest, 1)], pipes[(largest, r["jobs"])]
    ex = r["extraction"]
    rows = [
        ("quantulum3.parse alone", f"{q:.0f} KB/s", f"{r['quantulum3']['articles']} articles, "
         f"warm-up {r['quantulum3']['warmup_seconds']:.1f} s excluded"),
        ("numcheck extraction alone, 1 process", f"{kb_s(ex):.0f} KB/s",
         f"{ex['claims'] / ex['seconds']:.0f} claims/s; × {kb_s(ex) / q:.1f} quantulum3 "
         f"(same {r['extraction_sample']['articles']} articles: "
         f"× {kb_s(r['extraction_sample']) / q:.1f})"),
        ("numcheck end to end, 1 process", f"{kb_s(one):.0f} KB/s",
         f"{one['claims'] / one['seconds']:.0f} claims/s; × {kb_s(one) / q:.1f} quantulum3; "
         f"peak {one['peak_mb']:.0f} MB"),
        (f"numcheck end to end, jobs={r['jobs']}", f"{kb_s(many):.0f} KB/s",
         f"{many['claims'] / many['seconds']:.0f} claims/s; × {kb_s(many) / q:.1f} quantulum3; "
         f"peak {many['peak_mb']:.0f} MB"),
        ("`numcheck --help`", f"{r['startup']['help_seconds']:.2f} s", "best of 5"),
        ("`numcheck extract` one article", f"{r['startup']['extract_one_seconds']:.2f} s",
         "best of 3"),
    ]
    for p in r["pipeline"]:
        rows.append((f"end to end, {p['articles']} articles, jobs={p['jobs']}",
                     f"{p['seconds']:.2f} s",
                     f"{p['seconds'] / p['articles'] * 1000:.2f} ms/article; "
                     f"{p['bytes'] / 1e6:.1f} MB; {p['claims']} claims; "
                     f"{p['flags']} flags; peak {p['peak_mb']:.0f} MB"))
    lines = ["| measure | result | notes |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    m = r["machine"]
    lines.append(f"\nMachine: {m['nproc']} × {m['cpu']}, Python {m['python']}; "
                 f"corpus seed {r['seed']}, {largest} articles.")
    return "\n".join(lines)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="numcheck benchmark")
    parser.add_argument("--articles", type=int, default=None,
                        help="largest corpus size (default 10000; 1000 with --quick)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke run")
    parser.add_argument("--child", choices=sorted(CHILDREN), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    articles = args.articles or (1000 if args.quick else 10_000)
    if args.child:
        if args.child == "pipeline":
            result = measure_pipeline(args.corpus, articles, args.jobs)
        else:
            result = CHILDREN[args.child](args.corpus, articles)
        print(json.dumps(result))
        return
    results = benchmark(articles, args.seed, max(1, args.jobs), args.quick)
    print(table(results))
    OUT.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (OUT / name).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    log(f"results written to {OUT / 'latest.json'}")


if __name__ == "__main__":
    main()

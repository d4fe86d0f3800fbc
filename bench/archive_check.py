"""`numcheck check NEW --against ARCHIVE` on a 10 000-article archive, and throughput.

One run prints the figures issue 11 asks for, measured side by side on the same
(shared) machine, so that ratios and CPU seconds hold whatever the load:

1. the archive: ``bench.events`` (the bench corpus's text, each article in one event
   of 1-8 articles) with ``--articles`` articles; NEW is one more article of a middle
   event, outside the archive folder;
2. ``numcheck check NEW --against ARCHIVE`` as a user runs it (a subprocess): once
   to fill the cache and index (cold), then ``--runs`` warm runs: wall seconds and CPU
   seconds (user + system) of each, medians; with ``--baseline COMMIT`` that commit
   too (fcc9175 is the code before the archive index), unpacked with ``git archive``;
3. where the time goes in one warm run of this tree (interpreter, imports, rules,
   then the check's own steps and rendering, timed in one process) and which heavy
   modules it imported;
4. end-to-end throughput (``bench.run``'s pipeline measure: ingest → stories →
   compare → markdown report, one process) on the bench corpus (``bench.corpus``,
   ``--throughput-articles``), for this tree and for ``--reference`` (9c7f215, where
   327 KB/s was measured on an idle box): KB per wall second and per CPU second, and
   this tree's share of 327 KB/s both directly and through the reference's ratio.

Usage: ``python -m bench.archive_check [--articles 10000] [--runs 5]
[--throughput-articles 10000] [--baseline fcc9175] [--reference 9c7f215]``
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import events
from bench.corpus import generate as generate_bench_corpus

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def unpack(commit: str, into: Path) -> Path:
    """The baseline's source tree, from ``git archive`` (no worktree, no checkout)."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit],
                          capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def env_for(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree), "NUMCHECK_PROGRESS_SECONDS": "3600"}


def make_desk(work: Path, articles: int, seed: int) -> tuple[Path, Path]:
    """The archive folder and the new article (one of a middle event, moved out)."""
    archive = work / "archive"
    paths = events.generate(archive, articles + 1, seed)
    new_dir = work / "new"
    new_dir.mkdir()
    chosen = paths[len(paths) // 2]
    new = new_dir / chosen.name
    chosen.rename(new)
    return archive, new


CPU: dict[str, float] = {}  # CPU seconds (user + system) of the last timed command


def timed(cmd: Sequence[str], tree: Path, cwd: Path) -> float:
    """Wall seconds; the command's CPU seconds go to ``CPU["last"]`` (what an idle
    machine's wall time would be, near enough, on a box shared with other jobs)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env_for(tree), capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU["last"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return elapsed


def check_cmd(new: Path, archive: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "numcheck", "check", str(new), "--against", str(archive),
            "--cache-dir", str(cache), "--quiet", "--format", "json", "-o", os.devnull]


def breakdown(new: Path, archive: Path, cache: Path,
              tree: Path) -> tuple[dict[str, float], list[str]]:
    """One warm check of ``tree`` timed step by step in a child process, and the heavy
    modules it imported."""
    bare = statistics.median(timed([sys.executable, "-c", "pass"], tree, ROOT)
                             for _ in range(5))
    cmd = [sys.executable, "-m", "bench.archive_check", "--child", str(new), str(archive),
           str(cache)]
    done = subprocess.run(cmd, cwd=ROOT, env=env_for(ROOT), capture_output=True, text=True,
                          check=True)
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return {"interpreter": bare, **found["steps"]}, found["heavy"]


def child(new: str, archive: str, cache: str) -> None:
    """The check as the CLI runs it, each step timed (printed as JSON)."""
    start = time.perf_counter()
    from numcheck.check.cache import ExtractionCache
    from numcheck.check.config import configured_rules, load_config
    from numcheck.check.gate import check
    from numcheck.check.ledger import Ledger
    from numcheck.cli import app  # noqa: F401  the CLI's own imports
    from numcheck.render import render

    imported = time.perf_counter()
    conf = load_config(None)
    rules = configured_rules(conf, [])
    ready = time.perf_counter()
    result = check([new], [archive], rules, ledger=Ledger(Path("x"), {}),
                   cache=ExtractionCache(Path(cache), rules))
    checked = time.perf_counter()
    render("check", "json", result)
    done = time.perf_counter()
    steps = {"imports": imported - start, "rules": ready - imported, **result.timings,
             "render": done - checked, "check total": checked - ready}
    heavy = [name for name in HEAVY if name in sys.modules]
    print(json.dumps({"steps": steps, "heavy": heavy}))


def throughput(tree: Path, corpus: Path, n: int) -> dict[str, Any]:
    """``bench.run``'s pipeline measure in a child; KB per wall second and per CPU second
    of the child (on a loaded box the CPU figure is the one near an idle machine's)."""
    cmd = [sys.executable, "-m", "bench.run", "--child", "pipeline", "--corpus", str(corpus),
           "--articles", str(n), "--jobs", "1"]
    before = load()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, cwd=tree, env=env_for(tree), capture_output=True, text=True,
                          check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["cpu"] = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    result["kb_s"] = result["bytes"] / 1024 / result["seconds"]
    result["kb_cpu_s"] = result["bytes"] / 1024 / result["cpu"]
    result["load"] = f"{before} → {load()}"
    return result


HEAVY = ("sklearn", "scipy", "quantulum3", "pandas", "pyarrow", "spacy", "trafilatura",
         "simplemma", "lxml")
REFERENCE_KB_S = 327  # end-to-end throughput at REFERENCE, idle box (README, Benchmarks)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5, help="warm runs of this tree")
    parser.add_argument("--baseline-runs", type=int, default=1, help="warm runs of the baseline")
    parser.add_argument("--throughput-articles", type=int, default=10_000)
    parser.add_argument("--baseline", default="",
                        help="also time check at this commit (fcc9175: before the index)")
    parser.add_argument("--reference", default="9c7f215",
                        help=f"commit whose throughput was {REFERENCE_KB_S} KB/s, run alongside")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return
    out: dict[str, Any] = {"articles": args.articles, "seed": args.seed,
                           "baseline": args.baseline, "reference": args.reference,
                           "nproc": os.cpu_count(), "load_start": load()}
    with tempfile.TemporaryDirectory(prefix="numcheck-archive-") as tmp:
        work = Path(tmp)
        archive, new = make_desk(work, args.articles, args.seed)
        size = sum(p.stat().st_size for p in archive.glob("*.txt"))
        log(f"archive: {args.articles} articles, {size / 1e6:.1f} MB; new: {new.name}")
        trees = {"this tree": ROOT}
        if args.baseline:
            trees = {"baseline": unpack(args.baseline, work / "baseline"), **trees}
        caches = {name: work / f"cache-{i}" for i, name in enumerate(trees)}
        cold: dict[str, float] = {}
        cold_cpu: dict[str, float] = {}
        for name, tree in trees.items():
            before = load()
            cold[name] = timed(check_cmd(new, archive, caches[name]), tree, work)
            cold_cpu[name] = CPU["last"]
            log(f"cold {name}: {cold[name]:.1f} s, CPU {cold_cpu[name]:.1f} s "
                f"(load {before} → {load()})")
        warm: dict[str, list[float]] = {name: [] for name in trees}
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        loads = [load()]
        for i in range(max(args.runs, args.baseline_runs)):
            for name, tree in trees.items():
                if len(warm[name]) < (args.runs if name == "this tree" else args.baseline_runs):
                    warm[name].append(timed(check_cmd(new, archive, caches[name]), tree, work))
                    cpu[name].append(CPU["last"])
                    log(f"warm {name} #{i + 1}: {warm[name][-1]:.2f} s, CPU {CPU['last']:.2f} s "
                        f"(load {load()})")
        loads.append(load())
        steps, heavy = breakdown(new, archive, caches["this tree"], ROOT)
        log(f"breakdown: {steps}; heavy modules imported: {heavy or 'none'}")
        out |= {"archive_mb": size / 1e6, "cold": cold, "cold_cpu": cold_cpu, "warm": warm,
                "warm_cpu": cpu,
                "warm_median": {k: statistics.median(v) for k, v in warm.items()},
                "warm_cpu_median": {k: statistics.median(v) for k, v in cpu.items()},
                "warm_load": loads, "breakdown": steps, "heavy_imports": heavy}
        corpus = work / "bench-corpus"
        generate_bench_corpus(corpus, args.throughput_articles, args.seed)
        runs = {"this tree": ROOT}
        if args.reference:
            runs["reference"] = unpack(args.reference, work / "reference")
        out["throughput"] = {name: throughput(tree, corpus, args.throughput_articles)
                             for name, tree in runs.items()}
        for name, result in out["throughput"].items():
            log(f"throughput {name}: {result['kb_s']:.0f} KB/s wall, "
                f"{result['kb_cpu_s']:.0f} KB per CPU second (load {result['load']})")
    out["load_end"] = load()
    print(report(out))
    OUT.mkdir(exist_ok=True)
    (OUT / "archive_check.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


def report(r: dict[str, Any]) -> str:
    med, cpu = r["warm_median"], r["warm_cpu_median"]
    tp = r["throughput"]
    lines = [
        f"archive: {r['articles']} articles ({r['archive_mb']:.1f} MB, bench.events seed "
        f"{r['seed']}); one new article; nproc {r['nproc']}; load average "
        f"{r['load_start']} at the start, {r['load_end']} at the end",
        "",
        "numcheck check NEW --against ARCHIVE (subprocess):",
    ]
    for name in r["warm"]:
        label = f"baseline {r['baseline']}" if name == "baseline" else name
        lines += [
            f"  {label}: cold {r['cold'][name]:.1f} s wall ({r['cold_cpu'][name]:.1f} s CPU)",
            f"    warm wall median {med[name]:.2f} s "
            f"(runs: {', '.join(f'{x:.2f}' for x in r['warm'][name])})",
            f"    warm CPU median {cpu[name]:.2f} s "
            f"(runs: {', '.join(f'{x:.2f}' for x in r['warm_cpu'][name])})",
        ]
    lines += [f"  load average over the warm runs {r['warm_load'][0]} → {r['warm_load'][1]}",
              "", "where a warm check of this tree spends its time (one run, in process, wall):"]
    lines += [f"  {k:<14} {v:6.3f} s" for k, v in r["breakdown"].items()]
    lines.append(f"  heavy modules imported: {', '.join(r['heavy_imports']) or 'none'} "
                 f"(of {', '.join(HEAVY)})")
    this = tp["this tree"]
    lines += ["", f"end-to-end throughput (bench.run pipeline, {this['articles']} articles of "
              "bench.corpus, 1 process):"]
    for name, t in tp.items():
        label = f"reference {r['reference']}" if name == "reference" else name
        lines.append(f"  {label:<18} {t['kb_s']:6.0f} KB/s wall, {t['kb_cpu_s']:6.0f} KB per CPU "
                     f"second ({t['seconds']:.1f} s wall, {t['cpu']:.1f} s CPU; load {t['load']})")
    lines.append(f"  this tree: {this['kb_cpu_s'] / REFERENCE_KB_S:.2f} of {REFERENCE_KB_S} KB/s "
                 "(KB per CPU second)")
    if "reference" in tp:
        ratio = this["kb_cpu_s"] / tp["reference"]["kb_cpu_s"]
        lines.append(f"  this tree / reference (CPU): {ratio:.2f}, i.e. about "
                     f"{ratio * REFERENCE_KB_S:.0f} KB/s on the idle box the {REFERENCE_KB_S} "
                     f"KB/s were measured on ({ratio:.2f} of it; the floor is 0.60)")
    return "\n".join(lines)


if __name__ == "__main__":
    main()

"""Extraction throughput of this tree against an older commit, measured back to back.

Issue 10 holds extraction to at least 0.80x the throughput of be1a94c (the extractor
before its rules). Absolute KB/s move with the machine's load (two cores shared by
several jobs), so both sides are measured in the same run, on the same generated
corpus, alternately, each pass in a fresh process, and compared as a ratio of CPU
seconds (best of the rounds): load changes the wall clock far more than CPU time.

The old side is ``git archive REF`` unpacked into a temporary folder; the new side is
this working tree (``--new REF`` archives a commit instead). Both run
``bench/extract_child.py`` from this tree with the same interpreter and packages.

Usage: ``python -m bench.extract_ratio [--ref be1a94c] [--articles 600] [--rounds 3]``
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from bench.corpus import generate

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "extract_child.py"


def unpack(ref: str, into: Path) -> Path:
    """The tree of ``ref`` (numcheck/ and rules/) as plain files; no worktree is registered."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "numcheck", "rules"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def measure(tree: Path, corpus: Path, articles: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    done = subprocess.run([sys.executable, str(CHILD), str(corpus), str(articles)],
                          cwd=tree, env=env, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if Path(result["tree"]) != tree.resolve():
        raise RuntimeError(f"measured {result['tree']}, expected {tree}")
    return result


def compare(ref: str, new: str | None, articles: int, seed: int,
            rounds: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="numcheck-ratio-") as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, articles, seed)
        old_tree = unpack(ref, Path(tmp) / "old")
        new_tree = ROOT if new is None else unpack(new, Path(tmp) / "new")
        runs: dict[str, list[dict[str, Any]]] = {"old": [], "new": []}
        for number in range(rounds):
            for side, tree in (("old", old_tree), ("new", new_tree)):
                result = measure(tree, corpus, articles)
                runs[side].append(result)
                print(f"round {number + 1} {side}: {result['cpu_seconds']:.2f} s CPU, "
                      f"{result['wall_seconds']:.2f} s wall, {result['claims']} claims",
                      file=sys.stderr)
    best = {side: min(r["cpu_seconds"] for r in rs) for side, rs in runs.items()}
    size = runs["new"][0]["bytes"]
    return {"ref": ref, "new": new or "working tree", "articles": articles, "seed": seed,
            "rounds": rounds, "bytes": size, "best_cpu_seconds": best,
            "kb_per_s": {side: size / 1024 / s for side, s in best.items()},
            "ratio": best["old"] / best["new"], "runs": runs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="be1a94c", help="the commit to compare against")
    parser.add_argument("--new", default=None, help="a commit instead of the working tree")
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    r = compare(args.ref, args.new, args.articles, args.seed, args.rounds)
    old, new = r["kb_per_s"]["old"], r["kb_per_s"]["new"]
    print(f"{r['articles']} articles ({r['bytes'] / 1024:.0f} KB), seed {r['seed']}, "
          f"best CPU of {r['rounds']} alternated rounds")
    print(f"{r['ref']}: {r['best_cpu_seconds']['old']:.2f} s ({old:.0f} KB/s)")
    print(f"{r['new']}: {r['best_cpu_seconds']['new']:.2f} s ({new:.0f} KB/s)")
    print(f"throughput ratio: {r['ratio']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Wall time of `numcheck check` on one new article against the seeds, start-up included.

Runs the real command in a subprocess (what a pre-commit hook or CI step pays), best of
N, with a cold cache (emptied before each run) and a warm one. Not a test: timing on a
shared machine is noise-prone, so it is measured here and reported in the README.

    python bench/check_latency.py [-n 5]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (
    "Selon le ministère ukrainien de la Défense, environ 20 000 soldats russes sont massés "
    "à la frontière avec l'Ukraine.\n"
)


def one(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"numcheck failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=5, help="runs per measure (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "seeds", work / "corpus")
        (work / "new.txt").write_text(ARTICLE, encoding="utf-8")
        cache = work / ".numcheck" / "cache"
        cmd = [sys.executable, "-m", "numcheck", "check", "new.txt", "--against", "corpus"]
        cold = []
        for _ in range(args.n):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(one(cmd, work))
        warm = [one(cmd, work) for _ in range(args.n)]
        no_cache = [one([*cmd, "--no-cache"], work) for _ in range(args.n)]
        start = [one([sys.executable, "-m", "numcheck", "--help"], work) for _ in range(args.n)]
    print(f"numcheck check new.txt --against seeds (best of {args.n}, wall time):")
    print(f"  cold cache  {min(cold):.2f} s")
    print(f"  warm cache  {min(warm):.2f} s")
    print(f"  --no-cache  {min(no_cache):.2f} s")
    print(f"  start-up only (numcheck --help)  {min(start):.2f} s")


if __name__ == "__main__":
    main()

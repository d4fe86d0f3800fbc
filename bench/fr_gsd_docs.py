"""Turn the French-GSD sentence table into one text file per sentence, for ``numcheck eval``.

The French gold (tests/gold/fr_gsd.yaml) scores sentences as documents named
``<sent_id>.txt``, with offsets into the sentence text exactly as the table holds it.
The table itself is not shipped (it lives in ../shared/corpora on development machines),
so CI and developers materialise it into a temporary folder with this tool. It does not
import numcheck: the documents must not depend on the code they are used to score.

Usage: ``python -m bench.fr_gsd_docs ../shared/corpora/fr_gsd/sentences.tsv OUT_DIR [--first N]``
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HEADER = ["sent_id", "text"]
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def read_sentences(tsv: Path) -> list[tuple[str, str]]:
    """(sent_id, text) rows in file order; a malformed table is a ValueError naming the line."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    lines = tsv.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 is text
    if not lines or lines[0].split("\t") != HEADER:
        raise ValueError(f"{tsv}:1: expected the header 'sent_id<TAB>text'")
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise ValueError(f"{tsv}:{number}: expected 2 tab-separated fields, got {len(fields)}")
        sent_id, text = fields
        if not SAFE_ID.fullmatch(sent_id):
            raise ValueError(f"{tsv}:{number}: sent_id {sent_id!r} is not a safe file name")
        if sent_id in seen:
            raise ValueError(f"{tsv}:{number}: sent_id {sent_id!r} appears twice")
        seen.add(sent_id)
        rows.append((sent_id, text))
    return rows


def materialise(tsv: Path, out_dir: Path, first: int | None = None) -> list[Path]:
    """Write each sentence (the ``first`` ones only, if given), byte for byte as in the
    table, to ``out_dir/<sent_id>.txt``."""
    rows = read_sentences(tsv)[:first]  # read it all first: a bad table writes nothing
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for sent_id, text in rows:
        path = out_dir / f"{sent_id}.txt"
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", type=Path, help="sentences.tsv (header: sent_id<TAB>text)")
    parser.add_argument("out_dir", type=Path, help="folder to write <sent_id>.txt files into")
    parser.add_argument("--first", type=int, metavar="N",
                        help="only the first N sentences (the ones the gold annotates)")
    args = parser.parse_args(argv)
    if args.first is not None and args.first < 1:
        parser.error("--first must be at least 1")
    try:
        written = materialise(args.tsv, args.out_dir, args.first)
    except (OSError, ValueError) as exc:
        print(f"fr_gsd_docs: {exc}", file=sys.stderr)
        return 2
    print(f"{len(written)} documents written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One timed extraction pass, run by ``bench.extract_ratio`` with ``PYTHONPATH`` set to a tree.

Kept free of ``bench`` imports and run by its path, so ``import numcheck`` resolves to
whichever source tree the parent put first on ``PYTHONPATH`` (today's or an old commit's):
both sides then run this same code, and only the extractor differs. It uses nothing
newer than the API both sides share (``load_rules``, ``read_paths``, ``extract_document``).

Usage: ``PYTHONPATH=TREE python bench/extract_child.py CORPUS_DIR ARTICLES``
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(corpus: Path, articles: int) -> dict[str, object]:
    import numcheck
    from numcheck.extract import extract_document

    rules = numcheck.load_rules()
    files = sorted(corpus.glob("*.txt"))[:articles]
    documents = numcheck.read_paths([corpus / "sources.csv", *files], rules=rules).documents
    size = sum(len(d.text.encode()) for d in documents)
    for lang in sorted({d.lang for d in documents}):  # compile each lexicon, warm quantulum3
        extract_document(next(d for d in documents if d.lang == lang), rules)
    cpu, wall = time.process_time(), time.perf_counter()
    claims = others = 0
    for document in documents:
        result = extract_document(document, rules)
        claims += len(result.claims)
        others += len(result.others)
    return {"tree": str(Path(numcheck.__file__).resolve().parent.parent),
            "articles": len(documents), "bytes": size, "claims": claims, "others": others,
            "cpu_seconds": time.process_time() - cpu, "wall_seconds": time.perf_counter() - wall}


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]))))

"""What the new inputs cost: news pages against plain text, and memory on a big JSONL.

1. Pages: the benchmark corpus (``bench/corpus.py``) is written twice, as ``.txt``
   files and as news pages (the same article inside navigation, a cookie banner,
   scripts, JSON-LD and OpenGraph metadata, a "Lire aussi"/related box, a paywall
   teaser and a footer). Reading alone and reading + extraction are timed on each.
2. Streams: a JSONL export of ``--jsonl-mb`` MB (the corpus articles cycled, one per
   row) is read document by document; peak resident memory is compared with the
   memory of the process before reading. ``--pipeline`` also runs the whole pipeline
   over it with ``keep_texts=False`` (slow: several minutes per 100 MB).

Each measurement runs in its own child process, so ``ru_maxrss`` is its own; pages
and text are timed ``--repeat`` times, interleaved, and the best run of each is kept.
Usage: ``python -m bench.inputs [--articles 400] [--jsonl-mb 100] [--pipeline] [--jobs 2]``
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} – {outlet}</title>
<link rel="canonical" href="https://news.example/{slug}.html">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{published}T07:00:00+01:00">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": {title_json}, "datePublished": "{published}T07:00:00+01:00",
 "publisher": {{"@type": "Organization", "name": {outlet_json}}}}}</script>
<script>window.dataLayer=[{{"articleId": {index}, "wordCount": 640, "slots": 3}}];</script>
</head><body>
<div class="cookie-banner"><p>Nous et nos 842 partenaires utilisons des cookies.</p></div>
<header><nav><a href="/">Accueil</a> <a href="/monde/">Monde</a>
<a href="/direct/">Direct 24h/24</a> <a href="/abo/">1 € le premier mois</a></nav></header>
<main><article><h1>{title}</h1>
<p class="meta">{published} · <a href="#c">128 commentaires</a></p>
<div class="article-body">{paragraphs}
<aside class="read-also"><p><strong>Lire aussi</strong> <a href="/x">Les 5 scénarios</a></p></aside>
<div class="paywall-teaser"><p>Il vous reste 70 % de cet article à lire.</p></div>
</div></article>
<section class="related"><h2>Sur le même sujet</h2><ul>
<li><a href="/a">3 000 manifestants interpellés</a></li>
<li><a href="/b">Le gaz bondit de 40 %</a></li>
</ul></section></main>
<footer><p>© 2022 {outlet} – 12 rue des Tanneurs, 67000 Strasbourg</p></footer>
</body></html>
"""


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def write_pages(corpus: Path, out: Path) -> list[Path]:
    """Each corpus article as a news page (its first line is the headline)."""
    import csv

    with (corpus / "sources.csv").open(encoding="utf-8") as fh:
        meta = {row["file"]: row for row in csv.DictReader(fh)}
    out.mkdir(parents=True, exist_ok=True)
    pages = []
    for index, path in enumerate(sorted(corpus.glob("*.txt"))):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        row = meta[path.name]
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.splitlines() if p.strip())
        page = out / f"{path.stem}.html"
        page.write_text(PAGE.format(
            lang=row["language"], title=html.escape(title), outlet=html.escape(row["outlet"]),
            title_json=json.dumps(title), outlet_json=json.dumps(row["outlet"]),
            published=row["published"], slug=path.stem, index=index, paragraphs=paragraphs,
        ), encoding="utf-8")
        pages.append(page)
    return pages


def write_jsonl(corpus: Path, out: Path, megabytes: int) -> int:
    """A JSONL export of about ``megabytes`` MB: the corpus articles cycled, one per row."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    size, rows = 0, 0
    with out.open("w", encoding="utf-8") as fh:
        while size < megabytes * 1_000_000:
            text = texts[rows % len(texts)]
            line = json.dumps({"id": f"r{rows}", "text": text, "outlet": f"Outlet {rows % 7}",
                               "published": "2022-02-01"}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            rows += 1
    return rows


# ---------------------------------------------------------------- children


def child_read(paths: list[str]) -> dict[str, Any]:
    """Ingest only: documents read, their text size, time, memory."""
    import numcheck
    from numcheck.ingest import iter_documents

    rules = numcheck.load_rules()
    for _ in iter_documents(paths[:1], problems=[], rules=rules):  # warm imports
        pass
    before = _peak_mb()
    problems: list[Any] = []
    start = time.perf_counter()
    count = chars = 0
    for document in iter_documents(paths, problems=problems, rules=rules):
        count += 1
        chars += len(document.text.encode("utf-8"))
    seconds = time.perf_counter() - start
    return {"documents": count, "text_bytes": chars, "seconds": seconds,
            "problems": len(problems), "rss_before_mb": before, "peak_mb": _peak_mb()}


def child_extract(paths: list[str], jobs: int) -> dict[str, Any]:
    """Ingest + extraction + grouping (no rendering), texts dropped as extracted."""
    import numcheck

    rules = numcheck.load_rules()
    numcheck.run(paths[:1], rules=rules)  # warm imports (trafilatura, quantulum3)
    before = _peak_mb()
    start = time.perf_counter()
    report = numcheck.run(paths, rules=rules, jobs=jobs, keep_texts=False)
    seconds = time.perf_counter() - start
    return {"documents": len(report.documents), "claims": len(report.claims),
            "seconds": seconds, "problems": len(report.problems), "rss_before_mb": before,
            "peak_mb": _peak_mb()}


def _child(what: str, paths: list[Path], jobs: int = 1) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump([str(p) for p in paths], fh)
    cmd = [sys.executable, "-m", "bench.inputs", "--child", what, "--paths", fh.name,
           "--jobs", str(jobs)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    Path(fh.name).unlink()
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------- driver


def benchmark(
    articles: int, jsonl_mb: int, pipeline: bool, jobs: int, repeat: int
) -> dict[str, Any]:
    out: dict[str, Any] = {"articles": articles, "jsonl_mb": jsonl_mb, "repeat": repeat}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, articles, seed=7)
        texts = sorted(corpus.glob("*.txt"))
        pages = write_pages(corpus, Path(tmp) / "pages")
        out["text_bytes"] = sum(p.stat().st_size for p in texts)
        out["page_bytes"] = sum(p.stat().st_size for p in pages)
        for _ in range(repeat):  # interleaved, best of each: a shared machine is noisy
            for name, paths in (("text", texts), ("html", pages)):
                for what in ("read", "extract"):
                    got = _child(what, paths)
                    _log(f"{name} {what}: {got}")
                    key = f"{what}_{name}"
                    if key not in out or got["seconds"] < out[key]["seconds"]:
                        out[key] = got
        big = Path(tmp) / "big.jsonl"
        out["jsonl_rows"] = write_jsonl(corpus, big, jsonl_mb)
        out["jsonl_bytes"] = big.stat().st_size
        out["read_jsonl"] = _child("read", [big])
        _log(f"jsonl: {out['read_jsonl']}")
        if pipeline:
            out["extract_jsonl"] = _child("extract", [big], jobs)
            _log(f"jsonl pipeline: {out['extract_jsonl']}")
    return out


def summary(r: dict[str, Any]) -> str:
    def rate(part: dict[str, Any], size: float) -> str:
        return (f"{part['documents'] / part['seconds']:,.0f} docs/s, "
                f"{size / 1024 / part['seconds']:,.0f} KB/s of input")

    lines = [
        f"{r['articles']} articles: {r['text_bytes'] / 1e6:.1f} MB as text, "
        f"{r['page_bytes'] / 1e6:.1f} MB as pages",
        f"read text files:   {rate(r['read_text'], r['text_bytes'])}",
        f"read news pages:   {rate(r['read_html'], r['page_bytes'])}",
        f"text, extracted:   {rate(r['extract_text'], r['text_bytes'])}, "
        f"{r['extract_text']['claims']} claims",
        f"pages, extracted:  {rate(r['extract_html'], r['page_bytes'])}, "
        f"{r['extract_html']['claims']} claims",
        f"pages cost x{r['extract_html']['seconds'] / r['extract_text']['seconds']:.2f} "
        "the time of text end to end",
    ]
    j = r["read_jsonl"]
    lines.append(
        f"JSONL {r['jsonl_bytes'] / 1e6:.0f} MB, {j['documents']:,} rows read in "
        f"{j['seconds']:.1f} s: peak RSS {j['peak_mb']:.0f} MB "
        f"({j['peak_mb'] - j['rss_before_mb']:+.0f} MB over the {j['rss_before_mb']:.0f} MB "
        "before reading)")
    if "extract_jsonl" in r:
        e = r["extract_jsonl"]
        lines.append(
            f"JSONL pipeline (keep_texts=False): {e['documents']:,} documents, "
            f"{e['claims']:,} claims in {e['seconds']:.0f} s, peak RSS {e['peak_mb']:.0f} MB")
    return "\n".join(lines)


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--jsonl-mb", type=int, default=100)
    ap.add_argument("--pipeline", action="store_true")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="best of N for pages and text")
    ap.add_argument("--child")
    ap.add_argument("--paths")
    args = ap.parse_args()
    if args.child:
        paths = json.loads(Path(args.paths).read_text(encoding="utf-8"))
        result = child_read(paths) if args.child == "read" else child_extract(paths, args.jobs)
        print(json.dumps(result))
        return
    result = benchmark(args.articles, args.jsonl_mb, args.pipeline, args.jobs, args.repeat)
    OUT.mkdir(exist_ok=True)
    (OUT / "inputs.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(summary(result))


if __name__ == "__main__":
    main()

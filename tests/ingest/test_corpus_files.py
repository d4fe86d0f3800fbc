"""Corpus files: one article per row in JSONL, CSV, TSV or Parquet, bad rows reported."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from numcheck import read_paths
from numcheck.cli import app
from numcheck.ingest import Columns, iter_documents
from numcheck.model import Problem

ROWS: list[dict[str, Any]] = [
    {"id": "lm-1", "text": "Plus de 100 000 soldats russes sont massés à la frontière.",
     "outlet": "Le Matin", "published": "2022-01-20", "lang": "fr",
     "url": "https://lematin.example/a/1", "title": "La frontière sous tension"},
    {"id": "hb-7", "text": "Officials said about 130,000 troops were near the border.",
     "outlet": "Harbour Times", "published": "2022-02-14T06:00:00Z", "lang": None,
     "url": None, "title": None},
    {"id": None, "text": "Selon Kiev, 90 000 militaires seraient déployés.",
     "outlet": None, "published": None, "lang": None, "url": None, "title": None},
]
FIELDS = ["id", "text", "outlet", "published", "lang", "url", "title"]


def _write(path: Path, rows: list[dict[str, Any]], bad: str) -> None:
    """Write ``rows`` in the format of ``path``'s suffix, with one bad row in second place."""
    fmt = path.suffix[1:]
    if fmt == "jsonl":
        lines = [json.dumps(r, ensure_ascii=False) for r in rows]
        lines.insert(1, bad)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
        writer.writerow(FIELDS)
        body = [["" if r[k] is None else r[k] for k in FIELDS] for r in rows]
        body.insert(1, bad.split("|"))
        writer.writerows(body)
        path.write_text(out.getvalue(), encoding="utf-8")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = [dict(r) for r in rows]
        table.insert(1, {**rows[0], "id": "bad", "text": None})
        pq.write_table(pa.Table.from_pylist(table), path)


BAD_ROW = {
    "jsonl": ('{"id": "x", "text": "Environ 40 000 soldats', "row 2: not valid JSON"),
    "csv": ("x|Environ 40 000 soldats|a|b|c|d|e|f", "row 2: 8 cells, the header has 7"),
    "tsv": ("x|Environ 40 000 soldats|a|b|c|d|e|f", "row 2: 8 cells, the header has 7"),
    "parquet": ("", "row 2: no text (column 'text')"),
}


@pytest.mark.parametrize("fmt", sorted(BAD_ROW))
def test_each_format_gives_one_document_per_row_and_names_the_bad_row(
    fmt: str, tmp_path: Path
) -> None:
    path = tmp_path / f"export.{fmt}"
    bad, message = BAD_ROW[fmt]
    _write(path, ROWS, bad)
    ingest = read_paths([path])
    (problem,) = map(str, ingest.problems)
    assert problem.startswith(f"{path}: {message}") and problem.endswith("; skipped")
    docs = {d.name: d for d in ingest.documents}
    # the row without an id is named by its number (the bad row counts: row numbers
    # are the file's own, so a reader can find them)
    assert sorted(docs) == [f"export.{fmt}#{k}" for k in ("4", "hb-7", "lm-1")]
    first = docs[f"export.{fmt}#lm-1"]
    assert (first.outlet, first.published, first.lang, first.url, first.title) == (
        "Le Matin", date(2022, 1, 20), "fr", "https://lematin.example/a/1",
        "La frontière sous tension")
    assert first.path == str(path)
    second = docs[f"export.{fmt}#hb-7"]
    assert (second.lang, second.published, second.url) == ("en", date(2022, 2, 14), None)


def test_columns_name_the_fields_of_a_tsv(tmp_path: Path) -> None:
    path = tmp_path / "sentences.tsv"
    path.write_text("sent_id\tsentence\n"
                    "s-001\tLa mairie a planté 400 arbres cet hiver.\n"
                    "s-002\tLe chantier a coûté 3 millions d'euros.\n", encoding="utf-8")
    plain = read_paths([path])
    assert [str(p) for p in plain.problems] == [
        f"{path}: no 'text' column (columns: sent_id, sentence; name it with "
        "--columns text=COLUMN); skipped"]
    named = read_paths([path], options=_options("id=sent_id,text=sentence"))
    assert named.problems == []
    assert [d.name for d in named.documents] == ["sentences.tsv#s-001", "sentences.tsv#s-002"]


def _options(spec: str) -> Any:
    from numcheck.ingest import Options

    return Options(columns=Columns.parse([spec]))


@pytest.mark.parametrize(("spec", "error"), [
    ("body", "'body' is not FIELD=COLUMN"),
    ("author=byline", "unknown field 'author'"),
])
def test_bad_columns_option(spec: str, error: str) -> None:
    from numcheck.errors import ConfigError

    with pytest.raises(ConfigError, match=error):
        Columns.parse([spec])


def test_duplicate_ids_and_bad_dates_are_problems(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(
        '{"id": 1, "text": "Il y avait 300 manifestants.", "published": "hier"}\n'
        '{"id": 1, "text": "Il y avait 500 manifestants."}\n', encoding="utf-8")
    ingest = read_paths([path])
    assert [d.name for d in ingest.documents] == ["dup.jsonl#1"]
    assert ingest.documents[0].published is None
    assert sorted(str(p) for p in ingest.problems) == [
        f"{path}: row 1: published 'hier' is not YYYY-MM-DD",
        f"{path}: row 2: id '1' already used by row 1; skipped",
    ]


def test_sources_csv_gives_defaults_to_every_row(tmp_path: Path) -> None:
    (tmp_path / "wire.jsonl").write_text(
        '{"id": "a", "text": "Environ 2 000 soldats.", "outlet": "AFP Direct"}\n'
        '{"id": "b", "text": "Près de 3 000 soldats."}\n', encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,published,lang\nwire.jsonl,Agence,2022-02-01,fr\n", encoding="utf-8")
    docs = {d.name: d for d in read_paths([tmp_path]).documents}
    assert docs["wire.jsonl#a"].outlet == "AFP Direct"  # the row's own value wins
    assert (docs["wire.jsonl#b"].outlet, docs["wire.jsonl#b"].published) == (
        "Agence", date(2022, 2, 1))


def test_cli_reads_a_corpus_file_and_exits_2_on_its_bad_row(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    _write(path, ROWS, BAD_ROW["jsonl"][0])
    result = CliRunner().invoke(app, ["extract", "--format", "json", str(path)])
    assert result.exit_code == 2
    assert {c["doc"] for c in json.loads(result.stdout)} == {
        "export.jsonl#lm-1", "export.jsonl#hb-7", "export.jsonl#4"}
    assert result.stderr.startswith(f"numcheck: error: {path}: row 2: not valid JSON")
    assert len(result.stderr.strip().splitlines()) == 1


def test_jsonl_on_stdin_is_streamed_row_by_row() -> None:
    stream = "".join(json.dumps(r) + "\n" for r in ROWS[:2])
    result = CliRunner().invoke(app, ["extract", "--format", "json", "-"], input=stream)
    assert result.exit_code == 0, result.stderr
    assert [c["doc"] for c in json.loads(result.stdout)] == ["<stdin>#hb-7", "<stdin>#lm-1"]


def test_stdin_metadata_options() -> None:
    result = CliRunner().invoke(app, [
        "extract", "--format", "json", "--name", "draft.txt", "--outlet", "Le Matin",
        "--published", "2022-02-03", "-"], input="Près de 120 000 soldats sont massés.")
    assert result.exit_code == 0, result.stderr
    (claim,) = json.loads(result.stdout)
    assert (claim["doc"], claim["outlet"], claim["published"]) == (
        "draft.txt", "Le Matin", "2022-02-03")
    bad = CliRunner().invoke(app, ["extract", "--published", "3 février", "-"], input="10 ans")
    assert bad.exit_code == 2
    assert bad.stderr.strip() == "numcheck: error: --published: '3 février' is not YYYY-MM-DD"


def test_a_big_jsonl_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    """5 MB here (bench/inputs.py streams 100 MB): what is held stays a few rows."""
    path = tmp_path / "big.jsonl"
    row = {"text": "Selon le ministère, environ 12 000 soldats ont été déployés. " * 30}
    line = json.dumps(row, ensure_ascii=False) + "\n"
    with path.open("w", encoding="utf-8") as out:
        for i in range(5 * 2**20 // len(line)):
            out.write(json.dumps({"id": i, **row}, ensure_ascii=False) + "\n")
    problems: list[Problem] = []
    tracemalloc.start()
    count = sum(1 for _ in iter_documents([path], problems=problems, lang="fr"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert problems == [] and count > 2000
    assert peak < 1 * 2**20, peak  # under 1 MB traced for a 5 MB file


def test_sources_csv_url_and_title_columns(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Près de 2 000 soldats sont arrivés.", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,published,language,url,title\n"
        "a.txt,Le Matin,2022-02-01,fr,https://lematin.example/a,Arrivée des renforts\n",
        encoding="utf-8")
    ingest = read_paths([tmp_path])
    assert ingest.problems == []
    (doc,) = ingest.documents
    assert (doc.url, doc.title, doc.lang) == (
        "https://lematin.example/a", "Arrivée des renforts", "fr")

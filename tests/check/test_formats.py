"""Every output format of `numcheck check`: text, github, sarif, json."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from numcheck.check.formats import SUMMARY_LIMIT, escape_data, escape_property, summary_markdown
from numcheck.check.gate import check
from numcheck.check.ledger import Ledger
from numcheck.render import formats
from numcheck.rulebook import load_rules
from tests.check.conftest import CONTRA, Run, at

SCHEMA = Path(__file__).with_name("sarif-2.1.0-minimal.schema.json")


def test_formats_are_registered() -> None:
    assert {"text", "github", "sarif", "json"} <= set(formats("check"))


def test_json(newsroom: Path, cli: Run) -> None:
    data = json.loads(cli("check", "new/contra.txt", "--against", "corpus", "-f", "json").out)
    assert data["failed"] is True and data["new"] == ["contra.txt"]
    item = data["items"][0]
    assert (item["line"], item["col"]) == at(CONTRA, "20 000")
    assert item["surface"] == "20 000" and item["rule"] == "NC001" and item["status"] == "new"
    assert len(item["fingerprint"]) == 16
    story = item["story"]  # the story the new article joined, named on every flag
    assert story is not None and story["id"] and story["title"].strip()
    report = json.loads(cli("report", "corpus", "new/contra.txt", "-f", "json").out)
    assert {"id": story["id"], "title": story["title"]} in [
        {"id": s["id"], "title": s["title"]} for s in report["stories"]]


def test_sarif_validates_and_points_at_the_figure(newsroom: Path, cli: Run) -> None:
    r = cli("check", "new/contra.txt", "--against", "corpus", "-f", "sarif")
    assert r.code == 1
    log = json.loads(r.out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    fps = {i["fingerprint"] for i in json.loads(
        cli("check", "new/contra.txt", "--against", "corpus", "-f", "json").out)["items"]}
    results = log["runs"][0]["results"]
    assert {res["partialFingerprints"]["numcheckFlag/v1"] for res in results} == fps
    res = results[0]
    assert res["ruleId"] == "NC001" and res["level"] == "error"
    items = json.loads(cli("check", "new/contra.txt", "--against", "corpus", "-f", "json").out)
    assert [r["properties"]["story"] for r in results] == [i["story"] for i in items["items"]]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == at(CONTRA, "20 000")
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "new/contra.txt"
    ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert ids[:4] == ["NC001", "NC002", "NC003", "NC004"]


def test_schema_rejects_a_broken_log() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": "2.1.0", "runs": [{"results": []}]}, schema)


def test_github_escaping_rules() -> None:
    assert escape_data("50% up\r\nnext") == "50%25 up%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("a:b,c") == "a:b,c"  # messages keep ':' and ','


def test_github_annotations(newsroom: Path, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    odd = newsroom / "new" / "a,b:c.txt"
    odd.write_text(CONTRA, encoding="utf-8")
    with (newsroom / "corpus" / "sources.csv").open("a", encoding="utf-8") as fh:
        fh.write('"a,b:c.txt",,2021-12-10,fr\n')  # dated: it joins the seeds' December story
    summary = newsroom / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    r = cli("check", "new/a,b:c.txt", "--against", "corpus", "-f", "github", "--report-lang", "en")
    assert r.code == 1
    lines = r.out.splitlines()
    line, col = at(CONTRA, "20 000")
    assert lines[0].startswith(
        f"::error file=new/a%2Cb%3Ac.txt,line={line},col={col},title=numcheck conflict (NC001)::"
    )
    assert all(ln.startswith("::") for ln in lines)  # every message kept on one line
    assert "%0Afingerprint " in lines[0]
    assert " [story " in lines[0].split("%0Afingerprint ", 1)[0]
    fp = lines[0].rsplit("fingerprint ", 1)[1]
    text = summary.read_text(encoding="utf-8")
    assert fp in text and "numcheck check" in text


def test_text_is_one_line_per_flag(newsroom: Path, cli: Run) -> None:
    r = cli("check", "new/contra.txt", "--against", "corpus", "--report-lang", "en")
    lines = r.out.strip().splitlines()
    assert all(ln.startswith("new/contra.txt:2:") for ln in lines[:-1])
    story = json.loads(cli("check", "new/contra.txt", "--against", "corpus", "-f", "json").out
                       )["items"][0]["story"]
    assert f" [story {story['id']}: {story['title']}] (" in lines[0]
    assert lines[-1].endswith("failing.")


def test_unknown_format_is_exit_2(newsroom: Path, cli: Run) -> None:
    r = cli("check", "new/contra.txt", "--against", "corpus", "-f", "xml")
    assert r.code == 2 and "unknown format" in r.err


def test_job_summary_keeps_within_githubs_limit(newsroom: Path, cli: Run,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """GitHub shows nothing of a job summary over 1 MiB: the flags come first, then the
    full report only if it fits, and what is left out is said."""
    rules = load_rules()
    result = check(["new/contra.txt", "new/agree.txt"], ["corpus"], rules,
                   ledger=Ledger(Path("x"), {}))
    prints = [i.flag.fingerprint for i in result.items]
    full = summary_markdown(result, lang="en")
    assert len(prints) >= 2 and all(fp in full for fp in prints) and "\n# " in full
    size = len(full.encode())
    assert summary_markdown(result, lang="en", budget=size) == full
    short = summary_markdown(result, lang="en", budget=size - 1)
    assert all(fp in short for fp in prints) and "\n# " not in short  # the report left out
    assert "full report is left out" in short and len(short.encode()) <= size - 1
    header = len(short.split("| `", 1)[0].encode())
    cut = summary_markdown(result, lang="en", budget=header + 1024 + 10)
    assert f"0 of {len(prints)} flags shown" in cut and len(cut.encode()) <= header + 1034
    # Through the CLI: earlier steps' text counts against the limit.
    target = newsroom / "summary.md"
    target.write_text("x" * (SUMMARY_LIMIT - size // 2), encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    cli("check", "new/contra.txt", "new/agree.txt", "--against", "corpus", "-f", "github",
        "--report-lang", "en")
    assert SUMMARY_LIMIT - size // 2 < target.stat().st_size <= SUMMARY_LIMIT

"""JSON (the comparison contract), CSV and ClaimReview renderings of the same report."""

from __future__ import annotations

import csv
import io
import json

from numcheck import Report, Verdict
from numcheck.render import formats, render


def test_json_contract_claims_carry_subject_and_flags_have_the_promised_keys(
    seeds_report: Report,
) -> None:
    data = json.loads(render("report", "json", seeds_report))
    assert len(data["claims"]) == len(seeds_report.claims)
    assert all(c["subject"] for c in data["claims"])
    ids = {c["id"] for c in data["claims"]}
    for flag in data["flags"]:
        assert {"subject", "label", "claims", "verdict", "ratio", "explanation"} <= flag.keys()
        assert set(flag["claims"]) <= ids
        assert flag["verdict"] in {v.value for v in Verdict}
    divergent = [f for f in data["flags"] if f["verdict"] == "divergent"]
    assert len(divergent) == 1 and divergent[0]["ratio"] == 1.75


def test_csv_has_one_row_per_claim_with_its_worst_verdict(seeds_report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(str(render("report", "csv", seeds_report)))))
    assert len(rows) == len(seeds_report.claims)
    by_surface = {r["surface"]: r for r in rows}
    assert by_surface["175 000"]["verdict"] == "divergent"
    assert by_surface["400 XNUMX"]["verdict"] == "unverifiable"
    assert by_surface["10 000"]["verdict"] == "consistent"
    assert "nan" not in "".join(r["value"] for r in rows)


def test_claimreview_has_one_item_per_flagged_subject(seeds_report: Report) -> None:
    data = json.loads(render("report", "claimreview", seeds_report))
    assert data["@context"] == "https://schema.org"
    subjects = {f.subject for f in seeds_report.comparison.flags}
    assert len(data["@graph"]) == len(subjects)
    first = data["@graph"][0]
    assert first["@type"] == "ClaimReview"
    assert first["reviewRating"]["alternateName"] == "divergent"
    assert first["itemReviewed"]["appearance"]


def test_every_report_format_is_registered() -> None:
    assert {"markdown", "json", "csv", "claimreview"} <= set(formats("report"))

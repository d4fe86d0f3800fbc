"""The baseline: today's flags recorded, only new ones fail."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.check.conftest import Run


def test_baseline_silences_known_flags_only(newsroom: Path, cli: Run) -> None:
    r = cli("check", "new/contra.txt", "--against", "corpus", "--write-baseline")
    assert r.code == 0 and "numcheck: 2 alertes écrites dans" in r.err  # a French corpus
    data = yaml.safe_load(Path(".numcheck/baseline.yaml").read_text(encoding="utf-8"))
    fps = [f["fingerprint"] for f in data["flags"]]
    assert fps == sorted(fps) and len(fps) == 2
    again = cli("check", "new/contra.txt", "--against", "corpus")
    assert again.code == 0 and again.out.count("[référence]") == 2  # French articles: French
    # A new disagreement in the same article still fails.
    Path("new/contra.txt").write_text(
        Path("new/contra.txt").read_text(encoding="utf-8")
        + "Un autre rapport parle d'environ 5 000 soldats russes massés à la frontière.\n",
        encoding="utf-8")
    assert cli("check", "new/contra.txt", "--against", "corpus").code == 1


def test_baseline_option_reads_another_file(newsroom: Path, cli: Run) -> None:
    cli("check", "new/contra.txt", "--against", "corpus", "--write-baseline",
        "--baseline", "other.yaml")
    assert Path("other.yaml").is_file() and not Path(".numcheck/baseline.yaml").exists()
    assert cli("check", "new/contra.txt", "--against", "corpus").code == 1
    other = cli("check", "new/contra.txt", "--against", "corpus", "--baseline", "other.yaml")
    assert other.code == 0

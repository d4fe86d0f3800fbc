"""The baseline: flags accepted when the gate was adopted, so only new ones fail.

Stored as sorted fingerprints with the subject and verdict beside each for a human
reading the diff; only the fingerprint is used when reading it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml

from numcheck.atomicfile import write_atomic
from numcheck.errors import ConfigError
from numcheck.model import Flag
from numcheck.schemas.base import check
from numcheck.schemas.ledger import BaselineFile
from numcheck.yamlfile import read_yaml

HEADER = (
    "# numcheck baseline: flags that existed when it was written do not fail the gate.\n"
    "# Rewrite with `numcheck check ... --write-baseline`.\n"
)


def load(path: Path) -> frozenset[str]:
    """Fingerprints in the baseline; a missing file is an empty baseline."""
    if not path.is_file():
        return frozenset()
    data = read_yaml(path, ConfigError, what="baseline")
    baseline = check(BaselineFile, {} if data is None else data, str(path), ConfigError)
    assert baseline is not None
    return frozenset(entry.fingerprint for entry in baseline.flags)


def dump(flags: Iterable[Flag]) -> str:
    unique = {f.fingerprint: f for f in flags}
    rows = [
        {"fingerprint": fp, "verdict": f.verdict.value, "subject": f.subject}
        for fp, f in sorted(unique.items())
    ]
    return HEADER + yaml.safe_dump({"flags": rows}, sort_keys=False, allow_unicode=True, width=100)


def write(path: Path, flags: Iterable[Flag]) -> None:
    write_atomic(path, dump(flags), make_parents=True)

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
from numcheck.yamlfile import read_yaml

HEADER = (
    "# numcheck baseline: flags that existed when it was written do not fail the gate.\n"
    "# Rewrite with `numcheck check ... --write-baseline`.\n"
)


def load(path: Path) -> frozenset[str]:
    """Fingerprints in the baseline; a missing file is an empty baseline."""
    if not path.is_file():
        return frozenset()
    data = read_yaml(path, ConfigError, what="baseline") or {}
    flags = data.get("flags") if isinstance(data, dict) else None
    if not isinstance(flags, list | None):
        raise ConfigError(f"{path}: key 'flags'", "must be a list")
    out = set()
    for i, item in enumerate(flags or []):
        fp = item.get("fingerprint") if isinstance(item, dict) else None
        if not isinstance(fp, str):
            raise ConfigError(f"{path}: flags[{i}]", "needs a 'fingerprint'")
        out.add(fp)
    return frozenset(out)


def dump(flags: Iterable[Flag]) -> str:
    unique = {f.fingerprint: f for f in flags}
    rows = [
        {"fingerprint": fp, "verdict": f.verdict.value, "subject": f.subject}
        for fp, f in sorted(unique.items())
    ]
    return HEADER + yaml.safe_dump({"flags": rows}, sort_keys=False, allow_unicode=True, width=100)


def write(path: Path, flags: Iterable[Flag]) -> None:
    write_atomic(path, dump(flags), make_parents=True)

"""The package's public names load on first use and are what they were when imported eagerly."""

from __future__ import annotations

import subprocess
import sys

import numcheck


def test_every_public_name_resolves() -> None:
    assert set(numcheck.__all__) == set(numcheck._WHERE)
    for name in numcheck.__all__:
        assert getattr(numcheck, name).__name__ == name


def test_functions_named_like_subpackages_stay_functions() -> None:
    import numcheck.compare.verdicts
    import numcheck.extract.claims
    from numcheck import compare, extract

    assert callable(extract) and extract is numcheck.extract
    assert callable(compare) and compare is numcheck.compare


def test_importing_the_package_loads_no_stage() -> None:
    code = "import sys, numcheck; print(sorted(m for m in sys.modules if m.startswith('numcheck')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['numcheck']"

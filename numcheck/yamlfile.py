"""Reading the YAML files users write (rules, ledger, baseline, gold) with one kind of error.

Every caller wants the same thing: the parsed data, or one line naming the file and
what is wrong with it, raised as the caller's own error type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from numcheck.errors import NumcheckError

# libyaml's loader when PyYAML was built with it: ten times faster on the rules files
# (the same safe subset of YAML), which every command reads.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(
    path: str | Path, error: type[NumcheckError] = NumcheckError, what: str = ""
) -> Any:
    """The parsed file; ``what`` names it in messages ("cannot read gold file: …")."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        named = f" {what}" if what else ""
        raise error(str(path), f"cannot read{named}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise error(str(path), f"not UTF-8: {err.reason} at byte {err.start}") from None
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as err:
        # one line, as every error is: PyYAML spreads its mark over several
        raise error(str(path), f"not valid YAML: {' '.join(str(err).split())}") from None

"""The CI gate: check new articles against a corpus, honouring a review ledger and a baseline.

Library only: nothing here prints or exits. ``numcheck check`` and ``numcheck review``
(in ``numcheck.cli``) turn these results and ``NumcheckError``s into lines and exit codes.
"""

# The gate's output formats register themselves with ``numcheck.render`` here: they
# render a CheckResult, which only this package makes (render never imports check).
from numcheck.check import formats as _formats  # noqa: F401
from numcheck.check.config import CheckConfig, find_config, load_config
from numcheck.check.fail_on import fail_levels
from numcheck.check.gate import CheckItem, CheckResult, check
from numcheck.check.ledger import Ledger, Review, apply, stale

__all__ = [
    "CheckConfig",
    "CheckItem",
    "CheckResult",
    "Ledger",
    "Review",
    "apply",
    "check",
    "fail_levels",
    "find_config",
    "load_config",
    "stale",
]

"""numcheck: cross-check the numeric claims of news articles.

Library first: nothing here prints or exits. The pipeline is
ingest → extract → stories → group → compare → render, each stage taking and returning the
plain records of ``numcheck.model``.
"""

from numcheck.compare import compare
from numcheck.errors import ConfigError, NumcheckError, RulesError
from numcheck.extract import extract, extract_document
from numcheck.ingest import read_paths
from numcheck.model import (
    Claim,
    Comparison,
    Document,
    Extraction,
    Flag,
    Hedge,
    Kind,
    OtherMention,
    Problem,
    Story,
    Subject,
    Verdict,
)
from numcheck.pipeline import Report, claims_frame, run
from numcheck.rulebook import Rulebook, load_rules
from numcheck.stories import find_stories

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Comparison",
    "ConfigError",
    "Document",
    "Extraction",
    "Flag",
    "Hedge",
    "Kind",
    "NumcheckError",
    "OtherMention",
    "Problem",
    "Report",
    "Rulebook",
    "RulesError",
    "Story",
    "Subject",
    "Verdict",
    "claims_frame",
    "compare",
    "extract",
    "extract_document",
    "find_stories",
    "load_rules",
    "read_paths",
    "run",
]

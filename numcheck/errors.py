"""One error type for everything a user can fix; the CLI turns it into one line and exit 2.

The library never prints or exits: it raises ``NumcheckError`` (or a subclass, which
only narrows *where* the fault is) and the CLI maps it to a message.
"""

from __future__ import annotations


class NumcheckError(Exception):
    """A problem the user can fix: bad rules, bad configuration, bad input."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class RulesError(NumcheckError):
    """A rules file is malformed; ``where`` names the file and the key."""


class ConfigError(NumcheckError):
    """A configuration file or setting is malformed; ``where`` names the file and the key."""

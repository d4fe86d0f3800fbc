"""The project configuration: ``.numcheck.toml`` or ``[tool.numcheck]`` in pyproject.toml.

Besides these keys the table may hold any setting of ``rules/settings.yaml`` (checked
by that model, with the same bounds). Paths are kept as written; the reader resolves
them against the file's folder.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field

from numcheck.schemas.base import Strict, Text
from numcheck.schemas.levels import unknown_level


def _listed(value: Any) -> Any:
    """One string stands for a list of one (``rules = "house-rules"``)."""
    return [value] if isinstance(value, str) else value


def _levels(values: list[str]) -> list[str]:
    problem = unknown_level(values)
    if problem is not None:
        raise ValueError(problem)
    return values


Texts = Annotated[list[Text], BeforeValidator(_listed)]


class ProjectConfig(Strict):
    """The keys of the configuration that are not settings (those are ``Settings``'s)."""

    model_config = ConfigDict(extra="ignore")  # the settings keys: checked by Settings

    rules: Texts = Field(default_factory=list)
    against: Texts = Field(default_factory=list)
    fail_on: Annotated[Texts, AfterValidator(_levels)] = Field(default_factory=list)
    ledger: Text | None = None
    baseline: Text | None = None
    cache_dir: Text | None = None

"""``[tool.numcheck]`` in pyproject.toml or a ``.numcheck.toml``: the gate's settings.

The closest file to the working directory wins (walking up), so a newsroom can keep one
configuration at the root of its articles repository. Relative paths in a file are read
relative to that file, so the gate behaves the same from any subdirectory. Unknown keys
are errors naming the file and the key: a typo must never silently loosen the gate.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from numcheck.errors import ConfigError, RulesError
from numcheck.rulebook import Rulebook, load_rules
from numcheck.schemas.base import check
from numcheck.schemas.config import ProjectConfig
from numcheck.schemas.rules import SETTING_NAMES, Settings

CONFIG_FILE = ".numcheck.toml"
PYPROJECT = "pyproject.toml"
LEDGER = Path(".numcheck") / "reviews.yaml"
BASELINE = Path(".numcheck") / "baseline.yaml"
CACHE = Path(".numcheck") / "cache"

KEYS = frozenset((*ProjectConfig.model_fields, *SETTING_NAMES))


@dataclass(frozen=True)
class CheckConfig:
    """Resolved settings; ``root`` is the folder default paths are relative to."""

    root: Path
    source: Path | None = None
    rules: tuple[Path, ...] = ()
    against: tuple[Path, ...] = ()
    fail_on: tuple[str, ...] = ()
    ledger: Path | None = None
    baseline: Path | None = None
    cache_dir: Path | None = None
    settings: dict[str, float] = field(default_factory=dict)

    @property
    def ledger_path(self) -> Path:
        return self.ledger or self.root / LEDGER

    @property
    def baseline_path(self) -> Path:
        return self.baseline or self.root / BASELINE

    @property
    def cache_path(self) -> Path:
        return self.cache_dir or self.root / CACHE


def find_config(start: Path | None = None) -> Path | None:
    """The closest ``.numcheck.toml``, or pyproject.toml with a [tool.numcheck] table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and "numcheck" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> CheckConfig:
    """``path`` (from --config) or the discovered file; defaults when there is none."""
    if path is None:
        path = find_config(start)
        if path is None:
            return CheckConfig(root=(start or Path.cwd()).resolve())
    elif not path.is_file():
        raise ConfigError(str(path), "configuration file not found")
    data = _read(path)
    # pyproject.toml holds a [tool.numcheck] table; .numcheck.toml may hold the keys at
    # the top or the same table (the README's block pasted as it is).
    nested = path.name == PYPROJECT or set(data) == {"tool"}
    tool = data.get("tool")
    table: Any = (tool.get("numcheck") if isinstance(tool, dict) else None) if nested else data
    if table is None:
        raise ConfigError(str(path), "no [tool.numcheck] table")
    return _parse(path, table, "tool.numcheck." if nested else "")


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(str(path), f"cannot read: {err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(str(path), f"not valid TOML: {err}") from None


def _parse(path: Path, table: Any, prefix: str) -> CheckConfig:
    at = tuple(filter(None, prefix.split(".")))
    if not isinstance(table, dict):
        raise ConfigError(str(path), f"'{prefix.rstrip('.') or 'numcheck'}' must be a table")
    for key in table:
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{path}: {prefix}{key}", f"unknown key (known keys: {known})")
    conf = check(ProjectConfig, table, str(path), ConfigError, at=at)
    assert conf is not None
    settings = {k: v for k, v in table.items() if k in SETTING_NAMES}
    check(Settings, settings, str(path), ConfigError, partial=True, at=at)
    root = path.resolve().parent
    return CheckConfig(
        root=root,
        source=path,
        rules=tuple(root / p for p in conf.rules),
        against=tuple(root / p for p in conf.against),
        fail_on=tuple(conf.fail_on),
        ledger=root / conf.ledger if conf.ledger else None,
        baseline=root / conf.baseline if conf.baseline else None,
        cache_dir=root / conf.cache_dir if conf.cache_dir else None,
        settings=settings,
    )


def configured_rules(conf: CheckConfig, extra: Iterable[str | Path] = ()) -> Rulebook:
    """The rules a configuration asks for: its folders, then ``extra``, then its tolerances."""
    rulebook = load_rules([*conf.rules, *extra])
    if not conf.settings:
        return rulebook
    try:
        return rulebook.with_settings(**conf.settings)
    except RulesError as err:
        raise ConfigError(str(conf.source), err.problem) from None

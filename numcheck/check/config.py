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
from numcheck.rulebook.schema import SETTINGS, value_problem

CONFIG_FILE = ".numcheck.toml"
PYPROJECT = "pyproject.toml"
LEDGER = Path(".numcheck") / "reviews.yaml"
BASELINE = Path(".numcheck") / "baseline.yaml"
CACHE = Path(".numcheck") / "cache"

_PATHS = ("ledger", "baseline", "cache_dir")
_LISTS = ("rules", "against", "fail_on")
KEYS = frozenset((*_PATHS, *_LISTS, *SETTINGS))
FAIL_LEVELS = ("conflict", "divergent", "garbled", "any")  # numcheck.check.gate.LEVELS


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
    if not isinstance(table, dict):
        raise ConfigError(str(path), f"'{prefix or 'numcheck'}' must be a table")
    root = path.resolve().parent
    for key in table:
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{path}: key '{prefix}{key}'", f"unknown key (known: {known})")
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LISTS:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: key '{prefix}{key}'", "must be a string or list of strings")
        lists[key] = tuple(value)
    paths: dict[str, Path | None] = {}
    for key in _PATHS:
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: key '{prefix}{key}'", "must be a path (string)")
        paths[key] = root / value if value is not None else None
    for level in lists["fail_on"]:
        for name in filter(None, (n.strip() for n in level.split(","))):
            if name not in FAIL_LEVELS:
                raise ConfigError(f"{path}: key '{prefix}fail_on'",
                                  f"unknown level '{name}' (choose from: {', '.join(FAIL_LEVELS)})")
    settings: dict[str, float] = {}
    for key, rule in SETTINGS.items():
        if key in table:
            problem = value_problem(table[key], rule)
            if problem is not None:
                raise ConfigError(f"{path}: key '{prefix}{key}'", problem[1])
            settings[key] = float(table[key])
    return CheckConfig(
        root=root,
        source=path,
        rules=tuple(root / p for p in lists["rules"]),
        against=tuple(root / p for p in lists["against"]),
        fail_on=lists["fail_on"],
        ledger=paths["ledger"],
        baseline=paths["baseline"],
        cache_dir=paths["cache_dir"],
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

"""Output formats as registered renderers: no if/elif chain over format names.

A renderer takes the one sorted ``Report`` and returns text (or bytes, for parquet);
families group the formats a command offers (``claims``, ``report``, ``check``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from numcheck.errors import NumcheckError

Renderer = Callable[..., "str | bytes"]
_REGISTRY: dict[str, dict[str, Renderer]] = {}


def renderer(family: str, name: str) -> Callable[[Renderer], Renderer]:
    def register(fn: Renderer) -> Renderer:
        _REGISTRY.setdefault(family, {})[name] = fn
        return fn

    return register


def formats(family: str) -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY.get(family, {}))


def render(family: str, name: str, report: Any, **options: Any) -> str | bytes:
    _load_builtin()
    try:
        fn = _REGISTRY[family][name]
    except KeyError:
        known = ", ".join(formats(family))
        raise NumcheckError("--format", f"unknown format '{name}' (choose from: {known})") from None
    return fn(report, **options)


def _load_builtin() -> None:
    import numcheck.render.builtin  # noqa: F401  (modules register themselves on import)

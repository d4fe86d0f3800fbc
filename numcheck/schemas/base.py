"""What every file model shares: strictness, the value types, and one error line per fault.

Strict on purpose: a YAML ``"12"`` is not the number 12 and ``on`` is not a word, so a
typo never changes meaning on its way in. NaN and infinity are refused everywhere.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from numcheck.errors import NumcheckError


class KeyFault(ValueError):
    """A fault a model finds across its keys, placed at the key it names (``loc`` below
    the model's own place): "low is more than high" belongs to ``vague[3].low``."""

    def __init__(self, loc: Sequence[int | str], message: str) -> None:
        super().__init__(message)
        self.loc = tuple(loc)


class Strict(BaseModel):
    """Base of every file model: strict types, no unknown keys, no NaN, read-only."""

    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, allow_inf_nan=False
    )


def _regex(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as err:
        raise ValueError(f"bad regular expression: {err}") from None
    return pattern


def _unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            raise ValueError(f"'{item}' is listed twice")
        seen.add(item)
    return items


INCOMPLETE = "incomplete"  # a PydanticCustomError type: something a complete file must hold

Text = Annotated[str, Field(min_length=1)]
Words = Annotated[list[str], Field(min_length=1)]  # a list that means nothing when empty


def at_least(count: int, what: str) -> AfterValidator:
    """A list a complete file must fill (seven weekdays); a partial one may add fewer."""

    def _enough(items: list[str]) -> list[str]:
        if len(items) < count:
            raise PydanticCustomError(INCOMPLETE, f"names {len(items)} {what}, not {count}")
        return items

    return AfterValidator(_enough)
Regex = Annotated[str, AfterValidator(_regex)]
Share = Annotated[float, Field(ge=0, le=1)]  # a probability, a weight, a threshold
Positive = Annotated[float, Field(gt=0)]
NonNegative = Annotated[float, Field(ge=0)]
Days = Annotated[int, Field(ge=1, le=3660)]  # a day at least, ten years at most
Unique = AfterValidator(_unique)

M = TypeVar("M", bound=BaseModel)


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` a text fills in (``{n}`` in "{n} articles")."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def filling(expected: frozenset[str]) -> AfterValidator:
    """A text that must use exactly the placeholders ``expected``."""

    def _check(text: str) -> str:
        try:
            found = placeholders(text)
        except ValueError as err:  # an unclosed brace
            raise ValueError(f"bad placeholder: {err}") from None
        if found != expected:
            shown = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "none"
            raise ValueError(f"must use the placeholders {shown}")
        return text

    return AfterValidator(_check)


def check(
    model: type[M], data: Any, file: str, error: type[NumcheckError] = NumcheckError,
    *, partial: bool = False, at: Sequence[str] = (),
) -> M | None:
    """``data`` as ``model``, or ``error`` naming ``file`` and the key path of the first fault.

    ``partial`` reads a file that adds to a complete one (a newsroom's rules over the
    shipped ones): keys it leaves out are not faults, except inside list items, which
    stand alone, and neither is an ``INCOMPLETE`` list (fewer words than a complete
    file needs). There is then
    no model to return (None): the data itself was checked, as it is. ``at`` is where
    ``data`` sits in its file (``("tool", "numcheck")`` in pyproject.toml).
    """
    try:
        return model.model_validate(data)
    except ValidationError as err:
        faults = [e for e in err.errors() if not (partial and _completes(e))]
        if faults:
            raise error(*where_and_what(file, faults[0], model, at)) from None
        return None


def _completes(fault: ErrorDetails) -> bool:
    """A fault only a complete file can have (a missing key, a list too short)."""
    if fault["type"] == INCOMPLETE:
        return True
    return fault["type"] == "missing" and not any(isinstance(p, int) for p in fault["loc"])


def key_path(loc: Sequence[int | str]) -> str:
    """``('vague', 2, 'low')`` → ``vague[2].low``."""
    out = ""
    for part in loc:
        if part == "[key]":  # pydantic's mark for a fault in a mapping's key, not its value
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def where_and_what(
    file: str, fault: ErrorDetails, model: type[BaseModel], at: Sequence[str] = ()
) -> tuple[str, str]:
    """The two halves of a ``NumcheckError``: ``FILE: key.path`` and what is wrong."""
    cause = (fault.get("ctx") or {}).get("error")
    below = cause.loc if isinstance(cause, KeyFault) else ()
    path = key_path([*at, *fault["loc"], *below])
    return (f"{file}: {path}" if path else file), describe(fault, model)


_TYPES = {
    "string_type": "a string", "float_type": "a number", "int_type": "a whole number",
    "bool_type": "true or false", "list_type": "a list", "dict_type": "a mapping",
    "model_type": "a mapping", "model_attributes_type": "a mapping", "date_type": "a date",
    "tuple_type": "a list",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "above"),
    "less_than_equal": ("le", "at most"), "less_than": ("lt", "below"),
}


def describe(fault: ErrorDetails, model: type[BaseModel]) -> str:
    """Pydantic's fault in the words of someone editing the file."""
    kind, given, ctx = fault["type"], fault.get("input"), fault.get("ctx") or {}
    if kind == "extra_forbidden":
        known = known_keys(model, fault["loc"][:-1])
        return "unknown key" + (f" (known keys: {', '.join(known)})" if known else "")
    if kind == "missing":
        return "missing"
    if kind in _TYPES:
        hint = ""
        if isinstance(given, bool) and kind == "string_type":
            hint = " (YAML reads bare on/off/yes/no as booleans: quote them)"
        return f"expected {_TYPES[kind]}, got {_shown(given)}{hint}"
    if kind in _BOUNDS:
        name, words = _BOUNDS[kind]
        return f"must be {words} {ctx[name]:g}, got {_shown(given)}"
    if kind == "finite_number":
        return f"must be a finite number, got {_shown(given)}"
    if kind == "too_short":
        return "must not be empty" if ctx.get("min_length") == 1 else str(fault["msg"])
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("literal_error", "enum"):
        return f"{_shown(given)} is not one of {str(ctx.get('expected', '')).replace(chr(39), '')}"
    if kind == "value_error":
        return str(ctx.get("error", fault["msg"]))
    return str(fault["msg"])


def _shown(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def known_keys(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """The keys the model at ``loc`` accepts (for "unknown key" messages)."""
    target: Any = model
    for part in loc:
        target = _inner(target, part)
        if target is None:
            return []
    if isinstance(target, type) and issubclass(target, BaseModel):
        return sorted(f.alias or name for name, f in target.model_fields.items())
    return []


def _inner(annotation: Any, part: int | str) -> Any:
    """The type one step down ``annotation`` (a model's field, a list's or dict's item)."""
    from types import UnionType
    from typing import Union, get_args, get_origin

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        fields = annotation.model_fields
        field = fields.get(str(part)) or next(
            (f for f in fields.values() if f.alias == part), None)  # loc holds aliases
        return _plain(field.annotation) if field else None
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (list, tuple) and args:
        return _plain(args[0])
    if origin is dict and len(args) == 2:
        return _plain(args[1])
    if origin in (Union, UnionType):
        models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
        return models[0] if models else None
    return None


def _plain(annotation: Any) -> Any:
    from typing import get_args, get_origin

    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation

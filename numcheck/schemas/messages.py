"""Message files (``rules/messages/<lang>.yaml``): the words of the reports.

Every language's file has exactly the keys of the reference (English) file, each a
text using the same ``{placeholders}``: the model is built from the reference file
itself, so adding a message is one line in each file, not a schema change. The
reference file is checked against its own shape (every leaf a text). Keys become
field aliases, so any word a message file uses is a valid key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import Field, create_model

from numcheck.errors import RulesError
from numcheck.schemas.base import Strict, check, filling, placeholders


def flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"a": {"b": "x"}}`` → ``{"a.b": "x"}``: how renderers name a message."""
    out: dict[str, str] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(flatten(value, f"{path}."))
        else:
            out[path] = value
    return out


def _expected(reference: Any) -> frozenset[str]:
    """The reference text's placeholders; none when it has none to give (not a text, a
    stray brace: checking the reference against itself then names the fault)."""
    try:
        return placeholders(reference) if isinstance(reference, str) else frozenset()
    except ValueError:
        return frozenset()


def _shape(reference: Mapping[str, Any], name: str) -> type[Strict]:
    """A model with the reference's keys: a mapping for a mapping, else a text with the
    reference text's placeholders (a reference leaf that is no text admits none)."""
    fields: dict[str, Any] = {}
    for i, (key, value) in enumerate(reference.items()):
        if isinstance(value, Mapping):
            annotation: Any = _shape(value, f"{name}_{i}")
        else:
            annotation = Annotated[str, filling(_expected(value))]
        fields[f"k{i}"] = (annotation, Field(alias=str(key)))
    model: type[Strict] = create_model(name, __base__=Strict, **fields)
    return model


def messages_of(data: Any, file: str, reference: Any, reference_file: str) -> dict[str, str]:
    """The flat texts of one message file, checked against the reference file's keys and
    placeholders (the reference itself first); faults are ``RulesError`` naming the file
    and the key path (``FILE: markdown.title: missing``)."""
    shape = _shape(reference if isinstance(reference, Mapping) else {}, "Messages")
    check(shape, reference, reference_file, RulesError)
    if file != reference_file:
        check(shape, data, file, RulesError)
    return flatten(data)

"""Render: the same sorted records, in every format people read."""

from numcheck.render.registry import formats, render, renderer

__all__ = ["formats", "render", "renderer"]

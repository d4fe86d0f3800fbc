"""The architecture contract: stages import only forward, and render stays a leaf.

The pipeline is ingest → extract → (stories, group) → compare → render. A stage may
import the foundation (records, errors, rules, small utilities) and the stages before
it, never one after it, and never the commands that drive it (``pipeline``, ``check``,
``evaluate``, ``cli``). So ``render`` imports neither ``pipeline`` nor ``check``, and a
renderer can be reused by a served desk or an archive index without the whole tool.

Imports are read from the source with ``ast`` (every ``import``, at any depth, under
``if TYPE_CHECKING`` too: a type-only import is still a dependency). Every module must
have a layer, so a new package has to take its place here. Exceptions are listed in
``EXCEPTIONS`` with the reason and the way out; there should be few.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "numcheck"

# Rank of each top-level module or package of numcheck: an import must go to a lower
# rank, or stay inside its own package. Equal ranks do not import each other.
FOUNDATION = 0
LAYERS: dict[str, int] = {
    # foundation: records, errors, rules and utilities every stage may use
    "errors": FOUNDATION, "model": FOUNDATION, "yamlfile": FOUNDATION,
    "atomicfile": FOUNDATION, "optional": FOUNDATION, "progress": FOUNDATION,
    "parallel": FOUNDATION, "isolation": FOUNDATION, "rulebook": FOUNDATION,
    "wording": FOUNDATION, "table": FOUNDATION, "__version__": FOUNDATION,
    "quiet_imports": FOUNDATION,  # the stories helper's import utility, when it lands
    "schemas": FOUNDATION,  # the shape of every file read (pydantic models)
    # the stages, in pipeline order
    "ingest": 1,
    "extract": 2,
    "stories": 3,
    "group": 3,
    "compare": 4,
    "render": 5,
    # the commands that drive the stages
    "pipeline": 6,
    "check": 7,
    "evaluate": 7,
    "project": 8,  # one configuration path for every command (and the library)
    "cli": 9,
    "__init__": 10,  # the public facade re-exports everything
    "__main__": 10,
}
STAGES = ("ingest", "extract", "stories", "group", "compare", "render")

# (importing module, imported module): why it is allowed for now, and the way out.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    """Every numcheck module ``path`` imports, at any depth; ``from numcheck import
    __version__`` counts as the version constant, not the whole facade."""
    found: set[str] = set()
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(
        ".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base == "numcheck":
                found.update("numcheck.__version__" if a.name == "__version__" else
                             f"numcheck.{a.name}" for a in node.names)
            else:
                found.add(base)
    return {m for m in found if m == "numcheck" or m.startswith("numcheck.")}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _allowed(module: str, target: str) -> bool:
    source, wanted = _layer(module), _layer(target)
    if source == wanted or (module, target) in EXCEPTIONS:
        return True
    return LAYERS[wanted] < LAYERS[source] or LAYERS[source] == LAYERS[wanted] == FOUNDATION


def _violations() -> list[str]:
    return [
        f"{_module_name(p)} imports {t} ({_layer(_module_name(p))} may not import {_layer(t)})"
        for p in _modules() for t in sorted(_imports(p)) if not _allowed(_module_name(p), t)
    ]


def test_every_module_has_a_layer() -> None:
    unplaced = sorted({_layer(_module_name(p)) for p in _modules()} - set(LAYERS))
    assert not unplaced, f"give these a layer in tests/test_architecture.py: {unplaced}"


def test_stages_import_only_forward() -> None:
    assert _violations() == []


@pytest.mark.parametrize("forbidden", ["pipeline", "check", "evaluate", "cli"])
def test_render_imports_no_command(forbidden: str) -> None:
    offenders = sorted(
        f"{_module_name(p)} → {t}"
        for p in _modules() if _layer(_module_name(p)) == "render"
        for t in _imports(p) if _layer(t) == forbidden
        and (_module_name(p), t) not in EXCEPTIONS
    )
    assert offenders == []


# The modules that run a stage. Only the pipeline and the commands call them: a stage
# may use an earlier stage's helpers (a lexicon, a vocabulary), never run it, so
# ``compare`` judges the grouping it is given and does not group behind its caller.
STAGE_ENTRIES = frozenset({
    "numcheck.ingest", "numcheck.extract", "numcheck.stories", "numcheck.group",
    "numcheck.group.by_story", "numcheck.compare",
})
DRIVERS = ("pipeline", "check", "evaluate", "project", "cli", "__init__")


def _runs_a_stage(module: str, target: str) -> bool:
    """``module`` imports the entry of another stage than its own."""
    return target in STAGE_ENTRIES and _layer(target) != _layer(module) and (
        _layer(module) not in DRIVERS)


def test_only_the_pipeline_runs_the_stages() -> None:
    offenders = sorted(f"{_module_name(p)} → {t}" for p in _modules() for t in _imports(p)
                       if _runs_a_stage(_module_name(p), t))
    assert offenders == []


def _calls(node: ast.AST) -> list[str]:
    """Names called under ``node``, in source order."""
    found = [n for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)]
    return [n.func.id for n in sorted(found, key=lambda n: (n.lineno, n.col_offset))
            if isinstance(n.func, ast.Name)]


def test_the_pipeline_calls_each_stage_in_order() -> None:
    """ingest → extract → stories → group → compare, read from pipeline.py's calls."""
    tree = ast.parse((PACKAGE / "pipeline.py").read_text(encoding="utf-8"))
    functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    reading = [c for c in _calls(functions["run"]) if c in ("iter_documents", "_extract_all")]
    assert reading == ["iter_documents", "_extract_all"]
    assert "extract_document" in _calls(functions["extract_isolated"])
    stages = ["find_stories", "with_stories", "group_by_story", "compare"]
    assert [c for c in _calls(functions["build_report"]) if c in stages] == stages


def test_exceptions_are_still_needed() -> None:
    """An exception that no longer matches an import is dead and must go."""
    actual = {(_module_name(p), t) for p in _modules() for t in _imports(p)}
    assert sorted(set(EXCEPTIONS) - actual) == []


@pytest.mark.parametrize(("source", "target", "allowed"), [
    ("numcheck.extract.claims", "numcheck.ingest", True),  # forward: extract reads ingest's
    ("numcheck.ingest.fetch", "numcheck.extract", False),  # backward
    ("numcheck.render.html", "numcheck.check.gate", False),
    ("numcheck.compare.verdicts", "numcheck.group.facets", True),
    ("numcheck.group.facets", "numcheck.stories", False),  # same rank: independent
    ("numcheck.model", "numcheck.rulebook", True),  # foundation among itself
    ("numcheck.pipeline", "numcheck.render", True),
    ("numcheck.render.html", "numcheck.pipeline", False),
    ("numcheck.render.svg", "numcheck.check", False),
    ("numcheck.compare", "numcheck.group.by_story", True),  # compare judges a grouping
    ("numcheck.group.by_story", "numcheck.compare", False),
])
def test_the_rule_itself(source: str, target: str, allowed: bool) -> None:
    """The ranks decide as the docstring says (a check on the checker)."""
    assert _allowed(source, target) is allowed


@pytest.mark.parametrize(("source", "target", "runs"), [
    ("numcheck.compare", "numcheck.group", True),  # compare grouping on its own
    ("numcheck.compare.sources", "numcheck.group.vocabulary", False),  # a helper
    ("numcheck.pipeline", "numcheck.compare", False),  # the driver
    ("numcheck.group.by_story", "numcheck.group", False),  # its own stage
])
def test_the_stage_rule_itself(source: str, target: str, runs: bool) -> None:
    assert _runs_a_stage(source, target) is runs

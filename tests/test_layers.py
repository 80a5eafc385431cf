"""The layers import only what ARCHITECTURE.md allows them to."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "transforms": {"prefect", "duckdb", "pyarrow", "deltalake", "flows", "warehouse", "typer"},
    "warehouse": {"prefect", "flows", "typer"},
}
# Inside transforms: no environment, no clock.
FORBIDDEN_CALLS_IN_TRANSFORMS = {
    ("os", "environ"),
    ("os", "getenv"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("date", "today"),
    ("time", "time"),
    ("time", "monotonic"),
}


def imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def attribute_pairs(tree: ast.AST) -> set[tuple[str, str]]:
    return {
        (node.value.id, node.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    }


def modules(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer):
    assert modules(layer), f"no modules found in {layer}/"
    offences = []
    for path in modules(layer):
        bad = imported_roots(ast.parse(path.read_text(encoding="utf-8"))) & FORBIDDEN[layer]
        offences += [f"{path.relative_to(ROOT)} imports {name}" for name in sorted(bad)]
    assert not offences, "\n".join(offences)


def test_transforms_read_no_environment_or_clock():
    offences = []
    for path in modules("transforms"):
        bad = attribute_pairs(ast.parse(path.read_text(encoding="utf-8"))) & FORBIDDEN_CALLS_IN_TRANSFORMS
        offences += [f"{path.relative_to(ROOT)} uses {a}.{b}" for a, b in sorted(bad)]
    assert not offences, "\n".join(offences)


def test_rule_catches_an_offence(tmp_path):
    """The walker itself works: a module importing prefect is seen."""
    tree = ast.parse("import os\nfrom prefect import flow\nx = os.environ['A']\n")
    assert "prefect" in imported_roots(tree)
    assert ("os", "environ") in attribute_pairs(tree)


def test_no_module_binds_a_top_level_name_twice():
    """A second `NAME = ...` or `def NAME` at a module's top level silently replaces the first for every function
    that reads it, the first one's too (round 30: two helpers' `_SUBTITLE_AFTER` patterns merged into one module, and
    the broader one changed the other's rule). Extending a set with `|=` is not a second binding."""
    offences = []
    for layer in ("transforms", "warehouse", "flows", "bench"):
        for path in sorted((ROOT / layer).rglob("*.py")):
            seen: set[str] = set()
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    names = [node.name]
                elif isinstance(node, ast.Assign):
                    names = [target.id for target in node.targets if isinstance(target, ast.Name)]
                elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                    names = [node.target.id]
                else:
                    continue
                offences += [f"{path.relative_to(ROOT)}: {name}" for name in names if name in seen]
                seen.update(names)
    assert not offences, "\n".join(offences)

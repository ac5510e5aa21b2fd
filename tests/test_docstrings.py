"""Every public module, class and function of the tools has a docstring, and a reference page.

The Developers section of the site is generated from these docstrings (mkdocstrings), so a
missing one is a hole in the reference; a module missing from the Developers pages is one too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import DOCS, ROOT

PACKAGES = ("build_tools", "hooks")


def _modules() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def undocumented(source: str) -> list[str]:
    """The public definitions of a module's source that have no docstring, by dotted name."""
    tree = ast.parse(source)
    missing = [] if ast.get_docstring(tree) else ["(module)"]

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                public = not child.name.startswith("_")
                if public and not ast.get_docstring(child):
                    missing.append(name)
                if public and isinstance(child, ast.ClassDef):
                    visit(child, f"{name}.")

    visit(tree, "")
    return missing


@pytest.mark.parametrize("path", _modules(), ids=_module_name)
def test_every_public_definition_has_a_docstring(path):
    assert undocumented(path.read_text(encoding="utf-8")) == [], path.relative_to(ROOT)


def test_the_check_finds_what_is_missing():
    source = (
        '"""A module."""\n'
        "def documented():\n"
        '    """Why it exists."""\n'
        "def bare(): pass\n"
        "def _private(): pass\n"
        "class Thing:\n"
        "    def method(self): pass\n"
        "    def _hidden(self): pass\n"
        "async def fetch(): pass\n"
    )
    assert undocumented(source) == ["bare", "Thing", "Thing.method", "fetch"]
    assert undocumented("x = 1\n") == ["(module)"]


def test_every_module_has_a_reference_on_the_developers_pages():
    pages = " ".join(
        path.read_text(encoding="utf-8") for path in (DOCS / "developers").glob("*.md")
    )
    shown = set(re.findall(r"^::: ([\w.]+)", pages, flags=re.MULTILINE))
    modules = {_module_name(path) for path in _modules()}
    assert modules - shown == set(), "add them to a page in docs/developers/"

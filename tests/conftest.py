"""Shared fixtures: the repository's paths, the converted edition, and one strict site build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "cyberspace-governance-white-paper-2023.txt"
MAP = ROOT / "seeds" / "edition.yml"
DOCS = ROOT / "docs"


@pytest.fixture(scope="session")
def edition():
    """The seed read through the editorial map."""
    from build_tools.convert import read_edition

    return read_edition(MAP)


@pytest.fixture(scope="session")
def pages_by_id(edition):
    return {page.id: page for page in edition.pages}


def run_tool(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``python -m build_tools`` as a contributor would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "build_tools", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def build_site(target: Path, offline: bool = True, config: Path = ROOT / "mkdocs.yml") -> Path:
    """``mkdocs build --strict`` into ``target``; fails the test with MkDocs' output if it fails."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EDITION_OFFLINE="true" if offline else "false")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(target)],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site as `make site` builds it (offline plugin on, .html URLs)."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A copy of seeds/ and docs/ to convert into, so tests never touch the repository."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("glossary"))
    return tmp_path

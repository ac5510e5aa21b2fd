"""The benchmark is honest: the build it times without hooks has none, it writes nothing into
the repository, and its synthetic site is one the hooks really work on. Timing is printed by
``python -m build_tools bench``, never asserted here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

from bs4 import BeautifulSoup
from mkdocs.config import load_config

from build_tools.dev.bench import load, write_site
from conftest import ROOT, copy_site_sources, run_tool

# What test runs write at the repository's root (screenshots, caches).
TEST_OUTPUTS = {"test-artifacts", ".pytest_cache", ".hypothesis", "__pycache__"}


def files(folder: Path) -> set[tuple[str, int]]:
    """Every file under ``folder`` (bytecode caches included), with its modification time."""
    return {
        (str(path.relative_to(folder)), path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_the_build_without_hooks_has_none_and_the_other_has_them_all(tmp_path):
    config = ROOT / "mkdocs.yml"
    plain = load(config, tmp_path / "plain", hooks=False)
    assert plain["hooks"] == {}
    assert not any(isinstance(p, types.ModuleType) for p in plain.plugins.values())
    linked = load(config, tmp_path / "linked", hooks=True)
    as_written = load_config(str(config))  # MkDocs' own reading of the file
    assert as_written["hooks"] and sorted(linked["hooks"]) == sorted(as_written["hooks"])
    for built in (plain, linked):
        assert Path(built.site_dir).is_relative_to(tmp_path)


def test_bench_edition_writes_nothing_into_the_repository(tmp_path):
    # A copy of the repository's site sources, so that nothing else writes there meanwhile.
    repository = copy_site_sources(tmp_path / "repository")
    before = files(repository)
    # The tools' own checkout too (where an earlier bench wrote its config): no new file at its
    # root, other than what test runs themselves make.
    root_before = {p.name for p in ROOT.iterdir()} | TEST_OUTPUTS
    result = run_tool("bench", "--edition", "--rounds", "1", cwd=repository)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "overhead, CPU time:" in result.stdout
    assert files(repository) == before
    assert {p.name for p in ROOT.iterdir()} <= root_before


def test_bench_outside_the_repository_says_where_to_run(tmp_path):
    result = run_tool("bench", "--edition", cwd=tmp_path)
    assert result.returncode == 2
    assert "run from the repository root" in result.stderr


def test_the_synthetic_site_is_linked_and_backlinked(tmp_path):
    config = write_site(tmp_path / "synthetic", pages=2, terms=3, edition=ROOT / "mkdocs.yml")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "out")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    entries = sorted((tmp_path / "synthetic/docs/glossary/law").glob("*.md"))
    assert len(entries) == 3
    out = tmp_path / "out"
    linked = set()
    for page in ("page-0000", "page-0001"):
        html = BeautifulSoup((out / page / "index.html").read_text("utf-8"), "html.parser")
        linked |= {a["href"].split("/")[-2] for a in html.select("a.glossary-link")}
    # Every entry is mentioned on a page of the paper, and its page lists where.
    assert linked == {path.stem for path in entries}
    entry = BeautifulSoup(
        (out / "glossary/law/entry-0/index.html").read_text("utf-8"), "html.parser"
    )
    assert entry.select("a[href*='page-000']"), "the entry's page has no backlink to a page"

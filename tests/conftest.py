"""Shared fixtures: the repository's paths, the converted edition, and one strict site build."""

from __future__ import annotations

import fcntl
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
    from build_tools.edition.convert import read_edition

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


# What a deployment sets (the Pages workflow); a test build is local unless it passes them.
DEPLOYMENT = ("SITE_URL", "REPO_URL", "REPO_NAME")


def build_site(
    target: Path,
    offline: bool = True,
    config: Path = ROOT / "mkdocs.yml",
    deployment: dict[str, str] | None = None,
) -> Path:
    """``mkdocs build --strict`` into ``target``; fails the test with MkDocs' output if it fails.

    ``deployment`` gives the settings a deployment would (SITE_URL, …); without it the build keeps
    mkdocs.yml's placeholders, whatever the shell running the tests has set.
    """
    env = {key: value for key, value in os.environ.items() if key not in DEPLOYMENT}
    env.update(deployment or {})
    env.update(NO_MKDOCS_2_WARNING="1", EDITION_OFFLINE="true" if offline else "false")
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
def site(tmp_path_factory, worker_id) -> Path:
    """The site as `make site` builds it (offline plugin on, .html URLs), built once per run.

    Under pytest-xdist every worker asks for it; the first takes a lock and builds into the
    run's shared temporary folder, the others wait on the lock and read the same site (a build
    is about 4 s on two cores: once per run, not once per worker).
    """
    if worker_id == "master":
        return build_site(tmp_path_factory.mktemp("site"))
    shared = tmp_path_factory.getbasetemp().parent
    target, done = shared / "site", shared / "site.built"
    with (shared / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(target, ignore_errors=True)
            build_site(target)
            done.touch()
    return target


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A copy of seeds/ and docs/ to convert into, so tests never touch the repository."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("glossary"))
    return tmp_path


# Not the site's sources: the tools, the tests, outputs and caches (and every dot-folder).
NOT_SITE_SOURCES = {"build_tools", "tests", "site", "test-artifacts", "node_modules", "build"}


def copy_site_sources(target: Path) -> Path:
    """What `mkdocs build` reads (mkdocs.yml, docs/, hooks/, seeds/, root files), without
    build_tools/: a repository whose tools must come from elsewhere and that no one else edits."""
    target.mkdir(parents=True, exist_ok=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for path in ROOT.iterdir():
        if path.name in NOT_SITE_SOURCES or path.name.startswith("."):
            continue
        if path.is_dir():
            shutil.copytree(path, target / path.name, ignore=skip)
        else:
            shutil.copy2(path, target / path.name)
    return target


def recheck(file: Path) -> Path:
    """Record a second reader's check of an entry a test has edited (what a contributor does
    with ``python -m build_tools checked`` once the edit is checked), so that the test meets the
    error it is about, not "edited since its check"."""
    import datetime as dt

    from build_tools.glossary.second_reading import record_check

    record_check(file, dt.date(2026, 12, 3))
    return file


def register_example(docs: Path) -> None:
    """Register example.org in a copy's publisher registry, for entries a test makes up."""
    import yaml

    registry = docs / "glossary" / "publishers.yml"
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    data["publishers"].append(
        {"name": "Example Press", "class": "official", "hosts": ["example.org"]}
    )
    registry.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from browser import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_root(site) -> str:
    """The built site's root URL from disk (file://): the harder case (no fetch, no server),
    and the one offline readers have. Tests where the transport changes what a page can do use
    ``both_roots`` instead."""
    return site.as_uri() + "/"


@pytest.fixture(scope="session", params=["file", "http"])
def both_roots(request, site):
    """The built site's root URL from disk (file://) and from a server on 127.0.0.1: for what
    behaves differently served (search's worker, the clipboard, loading every page type)."""
    from browser import serve

    if request.param == "file":
        yield site.as_uri() + "/"
    else:
        with serve(site) as url:
            yield url


@pytest.fixture
def guarded_page(chromium):
    """A fresh browser page whose outside requests are blocked; fails the test if any was
    attempted (see ``browser.guarded``)."""
    from browser import guarded

    with guarded(chromium) as page:
        yield page

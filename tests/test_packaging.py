"""The wheel: every module and data file the tools read is inside it, and installed without
``-e`` into a fresh environment, away from the repository's ``build_tools/``, it builds the site.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_site_sources

# Its module-scoped fixture is expensive: every test of this file runs on one worker, so it
# is made once a run (pytest -n 2 --dist loadgroup, as `make test` runs it).
pytestmark = pytest.mark.xdist_group("wheel")

# What the wheel is built from (copied, so that the build writes nothing into the repository).
PACKAGE_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "build_tools", "hooks")


def _copy(names, source: Path, target: Path) -> None:
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in names:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name, ignore=skip)
        else:
            shutil.copy2(path, target / name)


def _run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{args}:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built with the project's own build backend from a copy of the sources."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    _copy(PACKAGE_SOURCES, ROOT, source)
    _run(
        sys.executable,
        "-m",
        "build",
        "--wheel",
        "--no-isolation",
        "--outdir",
        tmp / "dist",
        source,
        cwd=tmp,
    )
    (built,) = (tmp / "dist").glob("*.whl")
    return built


def test_the_wheel_holds_every_module_and_data_file(wheel):
    with zipfile.ZipFile(wheel) as archive:
        inside = set(archive.namelist())
    expected = {
        path.relative_to(ROOT).as_posix()
        for folder in ("build_tools", "hooks")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert "build_tools/glossary/data/glossary_types.yml" in expected
    assert "build_tools/edition/templates/home.md" in expected
    assert sorted(expected - inside) == []


def test_the_installed_wheel_builds_the_site(wheel, tmp_path):
    # A fresh environment: the wheel unpacked into its site-packages (an install without -e),
    # the project's dependencies seen through a .pth file pointing at the development
    # environment (whose editable finder a .pth line does not run).
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site_packages = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path
        ).stdout.strip()
    )
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site_packages)
    (site_packages / "edition-dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    # The site's sources without build_tools/: the tools can only come from the wheel.
    project = copy_site_sources(tmp_path / "project")
    assert not (project / "build_tools").exists()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")

    where = _run(
        python, "-c", "import build_tools; print(build_tools.__file__)", cwd=project, env=env
    )
    assert Path(where.stdout.strip()).is_relative_to(venv)

    _run(python, "-m", "mkdocs", "build", "--strict", "-d", tmp_path / "site", cwd=project, env=env)
    chapter = tmp_path / "site" / "chapters" / "chapter-2.html"
    links = BeautifulSoup(chapter.read_text(encoding="utf-8"), "html.parser").select(
        "a.glossary-link"
    )
    assert any(
        a.get_text() == "Data Security Law" and "glossary/law/" in a["href"] for a in links
    ), "no auto-link to the Data Security Law entry in Chapter II"


def _lock_pins() -> dict[str, tuple[str, int]]:
    """requirements.lock's pins: each package's version and how many hashes it carries."""
    pins, name = {}, None
    for line in (ROOT / "requirements.lock").read_text("utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line)
        if match:
            name = re.sub(r"[-_.]+", "-", match[1]).lower()
            pins[name] = (match[2], 0)
        elif name and "--hash=sha256:" in line:
            version, count = pins[name]
            pins[name] = (version, count + 1)
    return pins


def test_the_lock_pins_what_pyproject_pins_and_hashes_everything():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    wanted = list(project["project"]["dependencies"])
    for extra in project["project"]["optional-dependencies"].values():
        wanted += extra
    wanted += project["build-system"]["requires"]
    pins = _lock_pins()
    for requirement in wanted:
        name, version = requirement.split("==")
        key = re.sub(r"[-_.]+", "-", name).lower()
        assert key in pins, f"{name} is in pyproject.toml but not in requirements.lock"
        assert pins[key][0] == version, f"{name}: pyproject {version}, lock {pins[key][0]}"
    unhashed = [name for name, (_, hashes) in pins.items() if hashes == 0]
    assert not unhashed, f"no hash for {unhashed}: run make lock"

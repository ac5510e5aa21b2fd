"""Benchmark: what the hooks add to a MkDocs build, on a synthetic site or on the edition.

``python -m build_tools bench --pages N --terms M`` writes a site of N pages mentioning M glossary
entries, builds it with and without the hooks, alternating so that drift in the machine's speed
hits both alike, and prints the median times and, last, ``overhead: R`` (with / without).
``--edition`` benchmarks the edition itself instead. Timing is printed, never asserted.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ("hooks/paragraph_links.py", "hooks/glossary.py")
_VOCABULARY = (
    "internet data security platform network online digital information service market "
    "protection governance cyber regulation court public legal system operation consumer "
    "technology innovation infrastructure content minors fraud privacy standard cooperation"
).split()
_KINDS = ("Law", "Regulations", "Measures", "Provisions", "Initiative", "Commission", "Forum")


def entry_names(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct names shaped like the paper's: 'Provisions on Online Data Security'."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        words = " ".join(w.capitalize() for w in rng.sample(_VOCABULARY, rng.randint(2, 4)))
        kind = rng.choice(_KINDS)
        names.add(f"{kind} on {words}" if rng.random() < 0.5 else f"{words} {kind}")
    return sorted(names)


def write_site(folder: Path, pages: int, terms: int, seed: int = 11) -> None:
    """A synthetic site: N pages of paper-like paragraphs, M entries, every entry mentioned."""
    rng = random.Random(seed)
    names = entry_names(terms)
    docs = folder / "docs"
    (docs / "glossary" / "law").mkdir(parents=True)
    for number, name in enumerate(names):
        (docs / "glossary" / "law" / f"entry-{number}.md").write_text(
            f"---\ntitle: {name}\ntype: law\nsummary: The synthetic instrument number {number}.\n"
            f"---\n\nAn entry of the benchmark.\n",
            encoding="utf-8",
        )
    unmentioned = list(names)
    rng.shuffle(unmentioned)
    for page in range(pages):
        lines = [f"# Page {page} {{ #page{page} }}", ""]
        for paragraph in range(12):
            words = [rng.choice(_VOCABULARY) for _ in range(110)]
            for _ in range(2):
                name = unmentioned.pop() if unmentioned else rng.choice(names)
                words.insert(rng.randrange(len(words)), f"the {name}")
            lines += [" ".join(words).capitalize() + ".", f"{{: #page{page}-p{paragraph} }}", ""]
        (docs / f"page-{page:04d}.md").write_text("\n".join(lines), encoding="utf-8")
    for name, marker in (
        ("index", "index"),
        ("legal-framework", "framework"),
        ("timeline", "timeline"),
    ):
        (docs / "glossary" / f"{name}.md").write_text(f"# {name}\n\n<!-- glossary:{marker} -->\n")


def write_configs(folder: Path, hooks_dir: Path) -> tuple[Path, Path]:
    """Two configs for the same docs: with the edition's hooks, and without."""
    base = (
        "site_name: Benchmark\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - toc:\n      permalink: true\n"
        "validation:\n  nav:\n    omitted_files: ignore\n"
    )
    hooks = "hooks:\n" + "".join(f"  - {hooks_dir / Path(h).name}\n" for h in HOOKS)
    plain = folder / "plain.yml"
    linked = folder / "linked.yml"
    plain.write_text(base, encoding="utf-8")
    linked.write_text(base + hooks, encoding="utf-8")
    return linked, plain


def edition_configs(folder: Path) -> tuple[Path, Path]:
    """The edition's own config, and a copy of it without the hooks."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    plain_text = "".join(
        line for line in text.splitlines(keepends=True) if line.strip()[2:] not in HOOKS
    )
    plain_text = re.sub(r"^hooks:\n(?!  - )", "hooks: []\n", plain_text, flags=re.MULTILINE)
    plain = ROOT / ".bench-plain.yml"
    plain.write_text(plain_text, encoding="utf-8")
    return ROOT / "mkdocs.yml", plain


def build_seconds(config: Path, site: Path) -> float:
    """Wall time of one ``mkdocs build`` in a fresh process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", EDITION_OFFLINE="false")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
        env=env,
        cwd=config.parent,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def run(pages: int, terms: int, rounds: int, edition: bool) -> float:
    """Build alternately with and without hooks; print medians, return the overhead ratio."""
    folder = Path(tempfile.mkdtemp(prefix="edition-bench-"))
    try:
        if edition:
            linked, plain = edition_configs(folder)
            label = "the edition"
        else:
            write_site(folder, pages, terms)
            linked, plain = write_configs(folder, ROOT / "hooks")
            label = f"{pages} pages x {terms} entries"
        times: dict[str, list[float]] = {"with hooks": [], "without hooks": []}
        build_seconds(plain, folder / "warm-up")
        for _ in range(rounds):
            times["with hooks"].append(build_seconds(linked, folder / "site-linked"))
            times["without hooks"].append(build_seconds(plain, folder / "site-plain"))
        medians = {name: statistics.median(values) for name, values in times.items()}
        print(f"benchmark: {label}, {rounds} rounds, alternating")
        for name, values in times.items():
            runs = ", ".join(f"{v:.2f}" for v in values)
            print(f"{name}: median {medians[name]:.2f} s  (runs: {runs})")
        ratio = medians["with hooks"] / medians["without hooks"]
        print(f"overhead: {ratio:.3f}")
        return ratio
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        (ROOT / ".bench-plain.yml").unlink(missing_ok=True)

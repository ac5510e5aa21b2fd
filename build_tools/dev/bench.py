"""Benchmark: what the hooks add to a MkDocs build, on a synthetic site or on the edition.

``python -m build_tools bench --pages N --terms M`` writes a site of N pages mentioning M glossary
entries, builds it with and without the hooks, alternating so that drift in the machine's speed
hits both alike, and prints the medians of wall and CPU time and the overheads (with / without).
``--edition`` benchmarks the edition itself instead; ``--matcher`` times building the term
matcher for M terms. Timing is printed, never asserted.

Both builds of a pair read the same ``mkdocs.yml``; the one without hooks is given ``hooks=[]``
through ``mkdocs.config.load_config``, whose keyword overrides replace the file's values before
the config is validated (so no hook is ever imported). Every site and bytecode file goes to a
temporary folder: nothing is written into the repository.
"""

from __future__ import annotations

import compileall
import hashlib
import logging
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

# Each timed build imports this module, with and without hooks alike: it imports nothing of
# build_tools at the top, so that the build without hooks loads none of the hooks' code.

# The build_tools this module belongs to: the builds import a copy of it, compiled in advance.
TOOLS = Path(__file__).resolve().parents[1]
EDITION_CONFIG = Path("mkdocs.yml")  # the edition's, in the folder the command runs from
_VOCABULARY = (
    "internet data security platform network online digital information service market "
    "protection governance cyber regulation court public legal system operation consumer "
    "technology innovation infrastructure content minors fraud privacy standard cooperation"
).split()
_KINDS = ("Law", "Regulations", "Measures", "Provisions", "Initiative", "Commission", "Forum")
# What a build in a fresh process runs: the arguments are the config, the site folder, and
# "hooks" or "plain". It is the body of `mkdocs build` (startup, build, shutdown) without the CLI.
_BUILD = (
    "import sys; from pathlib import Path; from build_tools.dev.bench import build_once; "
    "build_once(Path(sys.argv[1]), Path(sys.argv[2]), hooks=sys.argv[3] == 'hooks')"
)


def entry_names(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct names shaped like the paper's: 'Provisions on Online Data Security'."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        words = " ".join(w.capitalize() for w in rng.sample(_VOCABULARY, rng.randint(2, 4)))
        kind = rng.choice(_KINDS)
        names.add(f"{kind} on {words}" if rng.random() < 0.5 else f"{words} {kind}")
    return sorted(names)


def edition_config() -> Path:
    """The edition's ``mkdocs.yml``, or an error saying where to run the benchmark."""
    from build_tools.common.errors import EditionError

    if not EDITION_CONFIG.is_file():
        raise EditionError(EDITION_CONFIG, None, "no mkdocs.yml here: run from the repository root")
    return EDITION_CONFIG.resolve()


def hook_paths(config: Path) -> list[Path]:
    """The hooks a ``mkdocs.yml`` registers, as absolute paths (read without running its tags)."""
    root = yaml.compose(config.read_text(encoding="utf-8"))
    for key, value in root.value:
        if key.value == "hooks" and isinstance(value, yaml.SequenceNode):
            return [(config.parent / item.value).resolve() for item in value.value]
    return []


def _entry(number: int, name: str) -> str:
    """A synthetic entry that satisfies the entry schema: a law, with a Chinese title, the basis
    of its level, a history and a status, a registered source, and a second reader's check."""
    from build_tools.glossary.entries import entry_digest

    url = f"https://example.org/laws/{number}"
    text = (
        f"---\ntitle: {name}\ntitle_zh: 合成法律第{number}号\ntype: law\n"
        f"summary: The synthetic instrument number {number}.\n"
        f"level_basis: Adopted by the synthetic legislature.\nlevel_basis_source: {url}\n"
        f"history:\n  - {{date: 2016-11-07, event: adopted, source: '{url}'}}\n"
        "legal_status: in-force\nstatus_checked: 2026-12-03\n"
        "status_search: Nothing to search for a synthetic instrument.\n"
        f"sources:\n  - url: {url}\n    title: {name}\n    publisher: Example Publisher\n"
        "    kind: official-text\n    cited_for: everything the entry says\n---\n\n"
        # As in the edition, Chinese in an entry's text: both builds segment it for search.
        f"An entry of the benchmark, in Chinese 合成法律第{number}号.\n"
    )
    end = text.index("\n---", 3) + 1
    check = f"checked: {{date: 2026-12-03, digest: {entry_digest(text)}}}\n"
    return text[:end] + check + text[end:]


# The synthetic entries' one publisher, registered as every source's publisher must be.
REGISTRY = (
    "classes:\n  - {id: official, heading: Official}\n"
    "publishers:\n  - {name: Example Publisher, class: official, hosts: [example.org]}\n"
)


def _write_map(seeds: Path, pages: int) -> None:
    """A seed and an editorial map whose parts are the synthetic pages: they are "the paper"."""
    seed = "".join(f"Page {page}\n" for page in range(pages))
    (seeds / "synthetic.txt").write_text(seed, encoding="utf-8")
    parts = "".join(
        f"  - {{id: page{page}, file: page-{page:04d}.md, "
        f'heading: {{line: {page + 1}, printed: "Page {page}"}}}}\n'
        for page in range(pages)
    )
    (seeds / "edition.yml").write_text(
        f'seed: synthetic.txt\nsha256: "{hashlib.sha256(seed.encode()).hexdigest()}"\n'
        f'title: Benchmark\nend: {{line: {pages}, printed: "Page {pages - 1}"}}\n'
        f"parts:\n{parts}panels: []\n",
        encoding="utf-8",
    )


def marker_pages(docs: Path) -> list[Path]:
    """The edition's pages that hooks fill at build time (they hold a placeholder),
    other than glossary entries: the glossary's index and lists, the notes and sources pages."""
    from build_tools.common import placeholders
    from build_tools.glossary.entries import is_entry_path

    return [
        path
        for path in sorted(docs.rglob("*.md"))
        if not is_entry_path(path.relative_to(docs).as_posix())
        and placeholders.PATTERN.search(path.read_text(encoding="utf-8"))
    ]


def write_site(folder: Path, pages: int, terms: int, edition: Path, seed: int = 11) -> Path:
    """A synthetic site: N pages of paper-like paragraphs, M entries, every entry mentioned.

    Returns its ``mkdocs.yml``, which registers every hook of ``edition`` (a ``mkdocs.yml``);
    the edition's pages that hooks fill come along, so that every hook finds its page.
    """
    rng = random.Random(seed)
    names = entry_names(terms)
    docs = folder / "docs"
    (docs / "glossary" / "law").mkdir(parents=True)
    (docs / "glossary" / "publishers.yml").write_text(REGISTRY, encoding="utf-8")
    for number, name in enumerate(names):
        (docs / "glossary" / "law" / f"entry-{number}.md").write_text(
            _entry(number, name), encoding="utf-8"
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
            words[0] = words[0][0].upper() + words[0][1:]  # the names keep their capitals
            lines += [" ".join(words) + ".", f"{{: #page{page}-p{paragraph} }}", ""]
        (docs / f"page-{page:04d}.md").write_text("\n".join(lines), encoding="utf-8")
    edition_docs = edition.parent / "docs"
    for page in marker_pages(edition_docs):
        target = docs / page.relative_to(edition_docs)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
    (folder / "seeds").mkdir()
    _write_map(folder / "seeds", pages)
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Benchmark\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - toc:\n      permalink: true\n"
        # As in the edition: entries are reached from the glossary and the text, not the sidebar.
        "not_in_nav: |\n  /glossary/*/\n"
        "validation:\n  nav:\n    omitted_files: ignore\n"
        "hooks:\n" + "".join(f"  - {path}\n" for path in hook_paths(edition)),
        encoding="utf-8",
    )
    return config


def load(config: Path, site: Path, hooks: bool):
    """The validated config of one build into ``site``; with ``hooks=False``, without any hook."""
    from mkdocs.config import load_config

    # Not strict: without the hooks, links to the anchors they make (table rows) are warnings.
    overrides: dict = {"site_dir": str(site), "strict": False}
    if not hooks:
        overrides["hooks"] = []
    return load_config(str(config), **overrides)


def build_once(config: Path, site: Path, hooks: bool) -> None:
    """One build, as ``mkdocs build`` does it (startup and shutdown events included)."""
    from mkdocs.commands.build import build

    logging.getLogger("mkdocs").addHandler(logging.StreamHandler())  # errors, shown on failure
    cfg = load(config, site, hooks)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()


def copy_tools(scratch: Path) -> Path:
    """A copy of build_tools in ``scratch``, with its bytecode: the builds import it from there.

    The builds write no bytecode (nothing may land in the repository's ``__pycache__``), so the
    tools are compiled here once, as Python's own cache would have them in everyday builds.
    """
    tools = scratch / "tools"
    shutil.copytree(TOOLS, tools / TOOLS.name, ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(tools, quiet=1)
    return tools


def build_seconds(config: Path, site: Path, hooks: bool, scratch: Path) -> tuple[float, float]:
    """Wall and CPU time of one build in a fresh process, which writes only under ``scratch``.

    It imports the tools from ``scratch / "tools"`` (see ``copy_tools``).
    """
    path = [str(scratch / "tools"), os.environ.get("PYTHONPATH")]
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        PYTHONPATH=os.pathsep.join(filter(None, path)),
        PYTHONDONTWRITEBYTECODE="1",
    )
    kind = "hooks" if hooks else "plain"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _BUILD, str(config), str(site), kind],
        env=env,
        cwd=scratch,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise RuntimeError(f"the build ({kind}) failed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def print_medians(runs: dict, names: dict) -> dict:
    """Print each kind's runs and median, wall and CPU time; return {kind: (wall, cpu) medians}.

    ``runs`` maps a kind (with hooks, without) to its list of (wall, cpu) seconds.
    """
    medians: dict = {kind: [] for kind in runs}
    for index, measure in enumerate(("wall time", "CPU time")):
        for kind, name in names.items():
            values = [one[index] for one in runs[kind]]
            medians[kind].append(statistics.median(values))
            listed = ", ".join(f"{v:.2f}" for v in values)
            print(f"{measure}, {name}: median {medians[kind][-1]:.2f} s  (runs: {listed})")
    return {kind: tuple(values) for kind, values in medians.items()}


def run(pages: int, terms: int, rounds: int, edition: bool) -> float:
    """Build alternately with and without hooks; print medians, return the overhead ratio.

    Both wall time and the build process's CPU time are printed: on a busy machine the CPU
    time is the steadier of the two. The ratio returned is the CPU time's.
    """
    edition_yml = edition_config()
    folder = Path(tempfile.mkdtemp(prefix="edition-bench-"))
    try:
        copy_tools(folder)
        if edition:
            config, label = edition_yml, "the edition"
        else:
            config = write_site(folder / "synthetic", pages, terms, edition_yml)
            label = f"{pages} pages x {terms} entries"
        for hooks in (True, False):  # warm-up: bytecode, jieba's cache, the disk cache
            build_seconds(config, folder / "warm-up", hooks, folder)
        runs: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
        for _ in range(rounds):
            for hooks in (True, False):
                runs[hooks].append(build_seconds(config, folder / "site", hooks, folder))
        print(f"benchmark: {label}, {rounds} rounds, alternating")
        medians = print_medians(runs, {True: "with hooks", False: "without hooks"})
        ratios = [
            with_ / without for with_, without in zip(medians[True], medians[False], strict=True)
        ]
        print(f"overhead, wall time: {ratios[0]:.3f}")
        print(f"overhead, CPU time: {ratios[1]:.3f}")
        return ratios[1]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_matcher(terms: int, rounds: int) -> float:
    """Time building the term matcher for ``terms`` names; print the runs and the medians (ms).

    Wall and CPU time of this process: on a busy machine the CPU time is the steadier.
    """
    from build_tools.glossary.matcher import TermMatcher

    names = {name: str(number) for number, name in enumerate(entry_names(terms))}
    runs: list[tuple[float, float]] = []
    for _ in range(rounds):
        re.purge()  # `re` caches compiled patterns: every round must compile anew
        wall, cpu = time.perf_counter(), time.process_time()
        TermMatcher(names)
        runs.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    print(f"matcher: {terms} terms, {rounds} rounds")
    medians = []
    for index, measure in enumerate(("wall time", "CPU time")):
        values = [run[index] for run in runs]
        medians.append(statistics.median(values))
        listed = ", ".join(f"{v:.1f}" for v in values)
        print(f"{measure}: median {medians[-1]:.1f} ms  (runs: {listed})")
    return medians[1]

"""The converter: seed + editorial map → the edition's Markdown pages in ``docs/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools import pages as page_files
from build_tools.editorial_map import EditionMap, load_map
from build_tools.editorial_notes import NOTES_FILE, notes_page
from build_tools.home import HOME_FILE, home_page
from build_tools.print_page import PRINT_FILE, print_page
from build_tools.render import page_body
from build_tools.seed import apply_corrections, read_seed
from build_tools.structure import Page, build_pages, check_anchors

DEFAULT_MAP = Path("seeds/edition.yml")


@dataclass(frozen=True)
class Edition:
    """The paper read through the editorial map: printed lines, corrected lines, and pages."""

    emap: EditionMap
    seed_path: Path
    printed: list[str]
    lines: list[str]
    pages: list[Page]


def read_edition(map_path: Path = DEFAULT_MAP, seed_path: Path | None = None) -> Edition:
    """Read the seed through the editorial map, checking every place the map names."""
    emap = load_map(map_path)
    seed_path = seed_path or map_path.parent / emap.seed
    printed = read_seed(seed_path)
    check_anchors(printed, emap, seed_path)
    lines = apply_corrections(printed, emap, seed_path)
    return Edition(emap, seed_path, printed, lines, build_pages(lines, emap, seed_path))


def page_bodies(edition: Edition) -> dict[str, str]:
    """Every generated file's Markdown body, by its path under ``docs/``."""
    bodies = {page.file: page_body(page) for page in edition.pages}
    bodies[HOME_FILE] = home_page(edition.printed, edition.emap, edition.pages)
    bodies[NOTES_FILE] = notes_page(edition.printed, edition.emap, edition.pages)
    bodies[PRINT_FILE] = print_page(edition.emap.title, edition.pages)
    return bodies


def convert(
    out: Path, map_path: Path = DEFAULT_MAP, seed_path: Path | None = None, force: bool = False
) -> page_files.Plan:
    """Convert and write; nothing is written if any page would clobber an edit."""
    edition = read_edition(map_path, seed_path)
    plan = page_files.plan(out, page_bodies(edition), force)
    page_files.write_all(plan.writes)
    return plan


def check(out: Path, map_path: Path = DEFAULT_MAP, seed_path: Path | None = None) -> list[Path]:
    """The pages that differ from what ``convert`` would write (or were edited by hand)."""
    edition = read_edition(map_path, seed_path)
    stale = []
    for name, body in page_bodies(edition).items():
        path = out / name
        try:
            plan = page_files.plan(out, {name: body}, force=False)
        except page_files.EditionError:
            stale.append(path)
            continue
        if plan.writes:
            stale.append(path)
    return stale

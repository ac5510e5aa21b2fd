"""The converter: seed + editorial map → the edition's Markdown pages in ``docs/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.edition import page_writer as page_files
from build_tools.edition.editorial_map import DEFAULT_MAP, EditionMap, load_map
from build_tools.edition.editorial_notes import EDITORIAL_NOTES_FILE, editorial_notes_page
from build_tools.edition.home import HOME_FILE, home_page
from build_tools.edition.print_page import PRINT_FILE, PRINT_META, print_page
from build_tools.edition.render import page_body
from build_tools.edition.seed import apply_corrections, read_seed, seed_sha256
from build_tools.edition.structure import Page, build_pages, check_spans


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
    check_spans(printed, emap, seed_path)
    lines = apply_corrections(printed, emap, seed_path)
    pages = build_pages(lines, emap, seed_path)
    check_seed_digest(emap, seed_path)
    return Edition(emap, seed_path, printed, lines, pages)


def check_seed_digest(emap: EditionMap, seed_path: Path) -> None:
    """Refuse a seed whose bytes are not the ones the map was made for (its ``sha256``).

    Checked after the structure, so that a damaged seed gets the more precise message first.
    """
    actual = seed_sha256(seed_path)
    if actual != emap.sha256:
        raise EditionError(
            emap.path,
            emap.sha256_line,
            f"{seed_path} has SHA-256 {actual}, but the map records {emap.sha256}: the seed "
            "must stay byte for byte as scanned (put corrections in the map)",
        )


# Page settings written into a generated page's front matter (MkDocs and Material read them).
PAGE_META = {PRINT_FILE: PRINT_META}


def page_meta(edition: Edition) -> dict[str, dict]:
    """The front-matter settings of each generated page that has any."""
    return dict(PAGE_META)


def page_bodies(edition: Edition) -> dict[str, str]:
    """Every generated file's Markdown body, by its path under ``docs/``."""
    bodies = {page.file: page_body(page) for page in edition.pages}
    bodies[HOME_FILE] = home_page(edition.printed, edition.emap, edition.pages)
    bodies[EDITORIAL_NOTES_FILE] = editorial_notes_page(
        edition.printed, edition.emap, edition.pages
    )
    bodies[PRINT_FILE] = print_page(edition.emap.title, edition.pages)
    return bodies


def convert(
    out: Path, map_path: Path = DEFAULT_MAP, seed_path: Path | None = None, force: bool = False
) -> page_files.Plan:
    """Convert and write; nothing is written if any page would clobber an edit."""
    edition = read_edition(map_path, seed_path)
    plan = page_files.plan(out, page_bodies(edition), force, page_meta(edition))
    if plan.refused:
        raise next(iter(plan.refused.values()))
    page_files.write_all(plan.writes)
    return plan


def check(
    out: Path, map_path: Path = DEFAULT_MAP, seed_path: Path | None = None
) -> list[EditionError]:
    """Why each page differs from what ``convert`` would write; empty when none does."""
    edition = read_edition(map_path, seed_path)
    plan = page_files.plan(out, page_bodies(edition), False, page_meta(edition))
    drift = list(plan.refused.values())
    for path in plan.writes:
        why = (
            "out of date: the seed or the map changed; run convert"
            if path.exists()
            else "missing: run convert to write it"
        )
        drift.append(EditionError(path, None, why))
    return sorted(drift, key=lambda error: str(error.path))

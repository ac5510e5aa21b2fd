"""Reading the seed (the paper's OCR text) and applying the editorial map's corrections to it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.edition.editorial_map import EditionMap


def read_seed(path: Path) -> list[str]:
    """The seed's lines, without line ends; index 0 is line 1.

    Refuses an empty file or bytes that are not UTF-8, naming the line of the first bad byte.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EditionError(path, None, f"cannot read the seed: {error.strerror}") from None
    if not data.strip():
        raise EditionError(path, 1, "the seed is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise EditionError(
            path,
            line,
            f"not UTF-8 text: byte 0x{data[error.start]:02x} at column {column}",
        ) from None
    return text.splitlines()


def seed_sha256(path: Path) -> str:
    """The SHA-256 of the seed's bytes, as hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def apply_corrections(lines: list[str], emap: EditionMap, seed_path: Path) -> list[str]:
    """A copy of ``lines`` with every correction of the map applied.

    Each correction's printed text must occur exactly once on its line, so that a correction
    can never silently hit the wrong words; and every layout repair must name lines the seed
    has, so that none is published as a repair of nothing.
    """
    for repair in emap.layout_repairs:
        if not 1 <= repair.first <= repair.last <= len(lines):
            raise EditionError(
                emap.path,
                repair.map_line,
                f"layout repair for line {repair.last}, but {seed_path.name} has {len(lines)} "
                "lines",
            )
    corrected = list(lines)
    for correction in emap.corrections:
        if not 1 <= correction.line <= len(lines):
            raise EditionError(
                emap.path,
                correction.map_line,
                f"correction for line {correction.line}, but {seed_path} has {len(lines)} lines",
            )
        text = corrected[correction.line - 1]
        count = text.count(correction.printed)
        if count != 1:
            found = "not found" if count == 0 else f"found {count} times"
            raise EditionError(
                emap.path,
                correction.map_line,
                f"correction expects {correction.printed!r} on {seed_path.name} "
                f"line {correction.line}, "
                f"{found} in {text.strip()!r}",
            )
        corrected[correction.line - 1] = text.replace(correction.printed, correction.corrected)
    return corrected

"""Writing generated pages without ever losing a contributor's work.

A generated page records, in its front matter, the digest of what the converter wrote. Editor's
notes are the contributor's own and are left out of the digest: the converter carries them over
to the new page, after the block they follow (see ``notes``). Any other change to a page makes
the converter refuse to replace it unless told ``--force``. Writes are all or nothing.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from build_tools.common import front_matter
from build_tools.common.errors import EditionError
from build_tools.edition.notes import insert_notes, split_notes

GENERATOR = "python -m build_tools convert"
HOW_TO_FIX = "correct the paper in seeds/edition.yml, or pass --force to overwrite"


def digest(body: str) -> str:
    """The digest recorded in a generated page's front matter; blank-line runs don't count."""
    normal = re.sub(r"\n\s*\n(\s*\n)+", "\n\n", body.strip())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def with_front_matter(body: str, meta: dict | None = None) -> str:
    """A generated page: front matter recording the generator and the body's digest, then
    any page settings (``meta``) MkDocs and Material read, such as ``search: {exclude: true}``."""
    head = f'---\ngenerated_by: "{GENERATOR}"\ndigest: "{digest(body)}"\n'
    if meta:
        head += yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=None)
    return f"{head}---\n\n{body}"


@dataclass(frozen=True)
class Plan:
    """What a conversion would do: files to write, pages unchanged, and pages it must not touch.

    ``refused`` maps a page to the reason it may not be replaced (edited by hand, not written by
    the converter, or an editor's note whose block is gone); ``convert`` writes nothing then.
    """

    writes: dict[Path, str]
    unchanged: list[Path]
    refused: dict[Path, EditionError] = field(default_factory=dict)


def _new_text(path: Path, old: str, body: str, meta: dict | None, force: bool) -> str:
    """The page's new text, keeping the old page's editor's notes; raises if it was edited."""
    fields, page = front_matter.read(old, path)
    clean, notes = split_notes(page.body, first_line=page.body_line)
    if not force:
        if "digest" not in fields:
            raise EditionError(
                path,
                1,
                f"the converter did not write this page; it will not replace it ({HOW_TO_FIX})",
            )
        if fields["digest"] != digest(clean):
            raise EditionError(
                path,
                fields.line_of("digest"),
                f"page was edited by hand since it was generated ({HOW_TO_FIX})",
            )
    text = with_front_matter(body, meta)
    new_body = front_matter.split(text).body
    return text[: len(text) - len(new_body)] + insert_notes(new_body, notes, path)


def plan(
    out: Path, bodies: dict[str, str], force: bool, meta: dict[str, dict] | None = None
) -> Plan:
    """Decide every page's new text; pages that may not be replaced are listed, not written."""
    writes: dict[Path, str] = {}
    unchanged: list[Path] = []
    refused: dict[Path, EditionError] = {}
    for name, body in bodies.items():
        path = out / name
        page_meta = (meta or {}).get(name)
        if not path.exists():
            writes[path] = with_front_matter(body, page_meta)
            continue
        old = path.read_text(encoding="utf-8")
        try:
            text = _new_text(path, old, body, page_meta, force)
        except EditionError as error:
            refused[path] = error
            continue
        if text == old:
            unchanged.append(path)
        else:
            writes[path] = text
    return Plan(writes, unchanged, refused)


def write_all(writes: dict[Path, str]) -> None:
    """Write every file or none: all go to temporary files first, then each is renamed in."""
    staged: list[tuple[Path, str]] = []
    try:
        for path, text in writes.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            staged.append((path, temp))
    except OSError:
        for _, temp in staged:
            Path(temp).unlink(missing_ok=True)
        raise
    for path, temp in staged:
        os.replace(temp, path)

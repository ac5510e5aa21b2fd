"""Writing generated pages without ever losing a contributor's work.

A generated page records, in its front matter, the digest of what the converter wrote. Editor's
notes (``!!! editor`` admonitions) are the contributor's own and are left out of the digest: the
converter carries them over to the new page, after the paragraph they annotate. Any other change
to a page makes the converter refuse to replace it unless told ``--force``.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from build_tools.errors import EditionError

GENERATOR = "python -m build_tools convert"
_ANNOTATION_START = re.compile(r"^(!!!|\?\?\?\+?) editor\b")
_ID = re.compile(r"\{:? ?#([\w-]+) ?\}\s*$")
_DIV_OPEN = re.compile(r"^<div\b[^>]*>")
_DIV_ID = re.compile(r'\bid="([\w-]+)"')
_DIV_CLOSE = re.compile(r"^</div>\s*$")


@dataclass(frozen=True)
class Annotation:
    """An editor's note: its Markdown lines, and the id of the block it follows."""

    after: str
    text: str
    line: int


class _Anchors:
    """The ids a note can follow, met line by line.

    An id in an attribute list (``{: #ch3-s2-p1 }``, or a heading's ``{ #ch3 }``) anchors its own
    line. A ``<div id="panel1-table" markdown>`` block anchors its closing ``</div>``, so that a
    note after a table or a panel card stays after the whole block, not inside it.
    """

    def __init__(self) -> None:
        self._open: list[str | None] = []

    def feed(self, line: str) -> str | None:
        """The id that this line completes, if any."""
        match = _ID.search(line)
        if match:
            return match[1]
        if _DIV_OPEN.match(line):
            div_id = _DIV_ID.search(line)
            self._open.append(div_id[1] if div_id else None)
            if line.rstrip().endswith("</div>"):
                return self._open.pop()
        elif _DIV_CLOSE.match(line) and self._open:
            return self._open.pop()
        return None


def digest(body: str) -> str:
    """The digest recorded in a generated page's front matter; blank-line runs don't count."""
    normal = re.sub(r"\n\s*\n(\s*\n)+", "\n\n", body.strip())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A page's front matter fields (simple ``key: value`` lines) and its body."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return {}, text
    fields = {}
    for line in text[4:end].splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip().strip('"')
    return fields, text[end + 5 :].lstrip("\n")


def with_front_matter(body: str) -> str:
    """A generated page: front matter that records the generator and the body's digest."""
    return f'---\ngenerated_by: "{GENERATOR}"\ndigest: "{digest(body)}"\n---\n\n{body}'


def is_annotation_line(line: str) -> bool:
    """Whether a Markdown line opens an editor's note."""
    return bool(_ANNOTATION_START.match(line))


def split_annotations(body: str) -> tuple[str, list[Annotation]]:
    """The body without editor's notes, and the notes, each tied to the id before it."""
    kept: list[str] = []
    notes: list[Annotation] = []
    lines = body.split("\n")
    last_id = ""
    anchors = _Anchors()
    index = 0
    while index < len(lines):
        line = lines[index]
        if is_annotation_line(line):
            start = index
            index += 1
            while index < len(lines) and (
                not lines[index].strip() or lines[index].startswith("    ")
            ):
                index += 1
            while index > start + 1 and not lines[index - 1].strip():
                index -= 1
            notes.append(Annotation(last_id, "\n".join(lines[start:index]), start + 1))
            while kept and not kept[-1].strip() and index < len(lines) and not lines[index].strip():
                kept.pop()
            continue
        last_id = anchors.feed(line) or last_id
        kept.append(line)
        index += 1
    return "\n".join(kept), notes


def insert_annotations(body: str, notes: list[Annotation], page: Path) -> str:
    """Put editor's notes back after the blocks they annotate, in their original order."""
    if not notes:
        return body
    lines = body.split("\n")
    id_line = {}
    anchors = _Anchors()
    for number, line in enumerate(lines):
        anchor = anchors.feed(line)
        if anchor:
            id_line[anchor] = number
    by_line: dict[int, list[str]] = {}
    for note in notes:
        if note.after not in id_line:
            raise EditionError(
                page,
                note.line,
                f"editor's note follows '#{note.after}', which the new page no longer has; "
                "move the note or remove it, then convert again",
            )
        by_line.setdefault(id_line[note.after], []).append(note.text)
    out = []
    for number, line in enumerate(lines):
        out.append(line)
        for text in by_line.get(number, []):
            out.extend(["", text])
    return "\n".join(out)


@dataclass(frozen=True)
class Plan:
    """What a conversion would do: the files to write, and the pages that are unchanged."""

    writes: dict[Path, str]
    unchanged: list[Path]


def plan(out: Path, bodies: dict[str, str], force: bool) -> Plan:
    """Decide every page's new text, refusing (before writing anything) to clobber an edit."""
    writes: dict[Path, str] = {}
    unchanged: list[Path] = []
    for name, body in bodies.items():
        path = out / name
        text = with_front_matter(body)
        if path.exists():
            old = path.read_text(encoding="utf-8")
            fields, old_body = split_front_matter(old)
            clean, notes = split_annotations(old_body)
            if not force and fields.get("digest") != digest(clean):
                why = "was not written by the converter" if "digest" not in fields else "was edited"
                raise EditionError(
                    path,
                    1,
                    f"page {why} since it was generated; convert will not replace it "
                    "(correct the paper in seeds/edition.yml, or pass --force to overwrite)",
                )
            text = with_front_matter(body)
            _, new_body = split_front_matter(text)
            text = text[: len(text) - len(new_body)] + insert_annotations(new_body, notes, path)
            if text == old:
                unchanged.append(path)
                continue
        writes[path] = text
    return Plan(writes, unchanged)


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

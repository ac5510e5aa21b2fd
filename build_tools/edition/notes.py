"""The grammar of editor's notes: how a note is written in a page, and which block it follows.

An editor's note is an ``!!! editor`` admonition (``??? editor`` folds it), written by a
contributor after the paragraph, heading or table it comments on. The converter carries notes
across re-conversions, the faithfulness check leaves them out, and the Editor's notes page lists
them, all through this one module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from build_tools.common.errors import EditionError

_NOTE_START = re.compile(r"^(!!!|\?\?\?\+?) editor\b")
_ID = re.compile(r"\{:? ?#([\w-]+) ?\}\s*$")
_DIV_OPEN = re.compile(r"^<div\b[^>]*>")
_DIV_ID = re.compile(r'\bid="([\w-]+)"')
_DIV_CLOSE = re.compile(r"^</div>\s*$")


@dataclass(frozen=True)
class EditorNote:
    """An editor's note: its Markdown, the anchor (id) of the block it follows, and the line of
    the file where it starts."""

    after: str
    text: str
    line: int


class _BlockIds:
    """The anchors a note can follow, met line by line.

    An id in an attribute list (``{: #ch3-s2-p1 }``, or a heading's ``{ #ch3 }``) ends its own
    block. A ``<div id="panel1-table" markdown>`` block ends at its closing ``</div>``, so that a
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


def opens_note(line: str) -> bool:
    """Whether a Markdown line opens an editor's note."""
    return bool(_NOTE_START.match(line))


def split_notes(body: str, first_line: int = 1) -> tuple[str, list[EditorNote]]:
    """The body without editor's notes, and the notes, each tied to the anchor before it.

    ``first_line`` is the body's line in its file, so a note's ``line`` is a line of the file.
    """
    kept: list[str] = []
    notes: list[EditorNote] = []
    lines = body.split("\n")
    last_id = ""
    ids = _BlockIds()
    index = 0
    while index < len(lines):
        line = lines[index]
        if opens_note(line):
            start = index
            index += 1
            while index < len(lines) and (
                not lines[index].strip() or lines[index].startswith("    ")
            ):
                index += 1
            while index > start + 1 and not lines[index - 1].strip():
                index -= 1
            notes.append(EditorNote(last_id, "\n".join(lines[start:index]), start + first_line))
            while kept and not kept[-1].strip() and index < len(lines) and not lines[index].strip():
                kept.pop()
            continue
        last_id = ids.feed(line) or last_id
        kept.append(line)
        index += 1
    return "\n".join(kept), notes


def insert_notes(body: str, notes: list[EditorNote], page: Path) -> str:
    """Put editor's notes back after the blocks they follow, in their original order."""
    if not notes:
        return body
    lines = body.split("\n")
    id_line = {}
    ids = _BlockIds()
    for number, line in enumerate(lines):
        block_id = ids.feed(line)
        if block_id:
            id_line[block_id] = number
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

"""The Editor's notes page: every editor's note in the edition, listed where a reader finds it.

Notes are found the way the converter finds them (``edition.notes.split_notes``), so the list
and the notes that survive a re-conversion can never disagree. The page in ``docs/`` holds a
marker; at build time ``hooks/editors_notes.py`` replaces it with the list rendered here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from build_tools.common import front_matter, placeholders
from build_tools.common.sentences import first_sentence as _first_sentence
from build_tools.edition.notes import opens_note, split_notes

# Where the page asks for the list (``common.placeholders``): <!-- editors-notes:list -->.
ROOM, NAME = "editors-notes", "list"

_HEADING = re.compile(r"^#\s+(.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_CODE_SPAN = re.compile(r"(`[^`]*`)")


@dataclass(frozen=True)
class Note:
    """One editor's note as the Editor's notes page lists it."""

    page: str
    page_title: str
    anchor: str
    summary: str


def note_text(markdown: str) -> str:
    """The note's body as prose: the admonition line dropped, the indent removed."""
    lines = markdown.split("\n")
    if lines and opens_note(lines[0]):
        lines = lines[1:]
    return "\n".join(line[4:] if line.startswith("    ") else line for line in lines).strip()


def first_sentence(text: str) -> str:
    """The first sentence of a note's first paragraph, links reduced to their text.

    Links are dropped because the note's relative links point from its own page, not from the
    Editor's notes page; the list links to the note's paragraph instead.
    """
    paragraph = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    parts = _CODE_SPAN.split(paragraph)
    unlinked = "".join(part if part.startswith("`") else _LINK.sub(r"\1", part) for part in parts)
    return _first_sentence(" ".join(unlinked.split()))


def page_title(markdown: str, fallback: str) -> str:
    """The text of a page's first level-one heading, without its attribute list."""
    match = _HEADING.search(markdown)
    return match[1].strip() if match else fallback


def page_notes(page: str, markdown: str) -> list[Note]:
    """The editor's notes of one page, in page order, each with the anchor it follows."""
    body = front_matter.split(markdown).body
    _, notes = split_notes(body)
    title = page_title(body, page)
    return [Note(page, title, note.after, first_sentence(note_text(note.text))) for note in notes]


def collect(sources: Mapping[str, str], order: Iterable[str] = ()) -> list[Note]:
    """Every note of every page: pages in ``order`` first (reading order), then the rest by name."""
    ordered = [name for name in order if name in sources]
    ordered += sorted(name for name in sources if name not in set(ordered))
    return [note for name in ordered for note in page_notes(name, sources[name])]


def render(notes: list[Note], from_page: str) -> str:
    """The list as Markdown, one section per page, with links relative to ``from_page``."""
    if not notes:
        return "No page has an editor’s note yet."
    out: list[str] = []
    current = None
    for note in notes:
        target = get_relative_url(note.page, from_page)
        if note.page != current:
            current = note.page
            out += ["", f"## [{note.page_title}]({target})", ""]
        where = f"{target}#{note.anchor}" if note.anchor else target
        label = note.anchor or "top of page"
        out.append(f"- [{label}]({where}): {note.summary}")
    return "\n".join(out).strip() + "\n"


def fill(markdown: str, notes: list[Note], from_page: str) -> str:
    """The Editor's notes page's Markdown with its placeholder replaced by the list."""
    return placeholders.fill(markdown, ROOM, NAME, render(notes, from_page))


class EditorsNotesPage:
    """The build-time side of the page: the reading order, and the page that has the marker."""

    def __init__(self) -> None:
        self.order: list[str] = []

    def set_order(self, nav) -> None:
        """Remember the reading order of the pages in the navigation (anew at every build)."""
        self.order = [page.file.src_uri for page in nav.pages]

    def page_markdown(self, markdown: str, path: str, files) -> str:
        """The page's Markdown, the list filled in where the marker is."""
        if not placeholders.holds(markdown, ROOM, NAME):
            return markdown
        sources = {
            file.src_uri: file.content_string
            for file in files.documentation_pages()
            if file.src_uri != path
        }
        return fill(markdown, collect(sources, self.order), path)

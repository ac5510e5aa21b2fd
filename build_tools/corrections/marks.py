"""The scan beside the edition: a mark at every correction, shown by the "Show corrections" switch.

Each correction of the editorial map (``seeds/edition.yml``) is marked where the edition shows
it: the edition's words are wrapped in ``<span class="correction">``, whose ``data-scan`` holds what
the scan printed, and a small link to the correction's row on the Editorial notes page follows.
The scan's text lives in an attribute (CSS shows it, struck through, only while the switch is
on), so with the switch off the page reads, searches, copies and prints exactly as before; and
the page's Markdown is untouched, so the faithfulness check never sees the marks.

The marks are placed on the element tree by a Python-Markdown treeprocessor, after the glossary
has linked the text (its quotations are taken before) and before MkDocs rewrites ``.md`` links,
so that MkDocs checks every mark's link to its row like any other link.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from build_tools.common.errors import EditionError
from build_tools.edition.convert import Edition, read_edition
from build_tools.edition.editorial_map import DEFAULT_MAP
from build_tools.edition.editorial_notes import EDITORIAL_NOTES_FILE, locate
from build_tools.edition.print_page import PRINT_FILE
from build_tools.edition.render import link
from build_tools.markdown import order

log = get_plugin_logger("corrections")

PRIORITY = order.CORRECTION_MARKS  # the reasons: build_tools.markdown.order
# Words a page does not show as text: the bullets that start each example in a panel's table.
BULLETS = frozenset({"*", "•"})
SWITCH_CLASS = "corrections-toggle"


@dataclass(frozen=True)
class CorrectionMark:
    """One correction, where a page shows it: the block, the line's words, and the range."""

    block_id: str
    context: str  # the corrected seed line, as the page shows its words
    start: int  # where the corrected words begin in ``context``
    end: int
    printed: str
    corrected: str
    reason: str
    anchor: str  # the id of the correction's row on the Editorial notes page


def visible(line: str, start: int, end: int) -> tuple[str, int, int]:
    """A line's words as a page shows them (single spaces, no bullets), and where the range
    ``[start, end)`` of the line falls in them."""
    tokens = [m for m in re.finditer(r"\S+", line) if m.group() not in BULLETS]
    text, where = "", []
    for match in tokens:
        text += " " if text else ""
        where.append((match.start(), match.end(), len(text)))
        text += match.group()
    first = next((v + max(0, start - s) for s, e, v in where if e > start), len(text))
    last = max((v + min(end, e) - s for s, e, v in where if s < end), default=first)
    return text, first, max(first, last)


def corrected_ranges(line: str, corrections: list) -> list[tuple[int, int]]:
    """Where each correction's new words sit in ``line`` once all of ``corrections`` are applied."""
    ranges: list[tuple[int, int]] = []
    for correction in corrections:
        at = line.index(correction.printed)
        shift = len(correction.corrected) - len(correction.printed)
        ranges = [
            (s + shift, e + shift) if s >= at + len(correction.printed) else (s, e)
            for s, e in ranges
        ]
        ranges.append((at, at + len(correction.corrected)))
        line = line[:at] + correction.corrected + line[at + len(correction.printed) :]
    return ranges


def marks_by_page(edition: Edition) -> dict[str, list[CorrectionMark]]:
    """Every page's marks, by docs path; the whole-paper page has all of them."""
    where = locate(edition.pages)
    by_line: dict[int, list] = {}
    for correction in edition.emap.corrections:
        by_line.setdefault(correction.line, []).append(correction)
    pages: dict[str, list[CorrectionMark]] = {PRINT_FILE: []}
    for number, corrections in by_line.items():
        if number not in where:
            continue
        page, block_id = where[number]
        line = edition.printed[number - 1]
        for correction, (start, end) in zip(
            corrections, corrected_ranges(line, corrections), strict=True
        ):
            context, first, last = visible(edition.lines[number - 1], start, end)
            mark = CorrectionMark(
                block_id,
                context,
                first,
                last,
                correction.printed,
                correction.corrected,
                correction.reason,
                f"correction-{correction.line}",
            )
            pages.setdefault(page.file, []).append(mark)
            pages[PRINT_FILE].append(mark)
    return pages


class _Text:
    """The text of an element, run by run, with the node and slot ("text"/"tail") of each."""

    def __init__(self, block: etree.Element):
        self.runs: list[tuple[etree.Element, str, int]] = []
        self.text = ""
        self.parents = {child: parent for parent in block.iter() for child in parent}
        self._walk(block)

    def _walk(self, element: etree.Element) -> None:
        self._add(element, "text")
        for child in element:
            if "headerlink" not in (child.get("class") or "").split():
                self._walk(child)
            self._add(child, "tail")

    def _add(self, node: etree.Element, slot: str) -> None:
        value = getattr(node, slot)
        if value:
            self.runs.append((node, slot, len(self.text)))
            self.text += value

    def run_at(self, start: int, end: int):
        """The run holding ``[start, end)`` whole, or None when the range crosses elements."""
        for node, slot, offset in self.runs:
            length = len(getattr(node, slot))
            if offset <= start and end <= offset + length:
                return node, slot, offset
        return None


def _pattern(mark: CorrectionMark) -> re.Pattern:
    """The mark's line, any run of white space matching any other, its corrected words a group."""

    def loose(text: str) -> str:
        return r"\s+".join(re.escape(word) for word in text.split(" "))

    before, words, after = (
        mark.context[: mark.start],
        mark.context[mark.start : mark.end],
        mark.context[mark.end :],
    )
    return re.compile(loose(before) + "(" + loose(words) + ")" + loose(after))


class CorrectionMarker(Treeprocessor):
    """Marks the corrections of the page being converted, and adds the switch under its title."""

    def __init__(self, md: Markdown, extension: CorrectionMarksExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Place each of the page's marks; a mark that cannot be placed is a build error."""
        page = self.extension.page
        if page not in self.extension.paper_pages:
            return
        marks = self.extension.marks.get(page, [])
        blocks = {element.get("id"): element for element in root.iter() if element.get("id")}
        for mark in marks:
            block = blocks.get(mark.block_id)
            if block is None or not self._place(block, mark, page):
                log.error(
                    f"{page}: cannot mark the correction of seed line "
                    f"{mark.anchor.split('-')[-1]} ({mark.printed!r} → {mark.corrected!r}) in "
                    f"#{mark.block_id}: the page's words differ from the editorial map's"
                )
        self._add_switch(root, len(marks))

    def _place(self, block: etree.Element, mark: CorrectionMark, page: str) -> bool:
        text = _Text(block)
        found = _pattern(mark).search(text.text)
        if not found:
            return False
        start, end = found.span(1)
        run = text.run_at(start, end)
        if run is None:
            return False
        node, slot, offset = run
        value = getattr(node, slot)
        before, words, after = (
            value[: start - offset],
            value[start - offset : end - offset],
            value[end - offset :],
        )
        span = etree.Element(
            "span", {"class": "correction", "data-scan": mark.printed, "data-reason": mark.reason}
        )
        span.text = words
        note = etree.Element(
            "a",
            {
                "class": "correction-note",
                "href": link(page, EDITORIAL_NOTES_FILE, mark.anchor),
                "data-reason": mark.reason,
                "aria-label": f"Correction: the scan prints “{mark.printed}”. {mark.reason} "
                "Open its row in the editorial notes.",
            },
        )
        setattr(node, slot, before)
        parent = node if slot == "text" else text.parents[node]
        index = 0 if slot == "text" else list(parent).index(node) + 1
        parent.insert(index, span)
        inside = _enclosing_link(parent, text.parents, block)
        if inside is None:
            note.tail = after
            parent.insert(index + 1, note)
        else:  # a link cannot hold a link: the note follows the link the words are in
            span.tail = after
            outer = text.parents[inside]
            note.tail, inside.tail = inside.tail, None
            outer.insert(list(outer).index(inside) + 1, note)
        return True

    @staticmethod
    def _add_switch(root: etree.Element, count: int) -> None:
        """The "Show corrections" switch, just under the page's title; the script shows it."""
        box = etree.Element(
            "p", {"class": SWITCH_CLASS, "data-search-exclude": "", "hidden": "hidden"}
        )
        button = etree.SubElement(
            box,
            "button",
            {
                "type": "button",
                "role": "switch",
                "aria-checked": "false",
                "class": "corrections-switch",
            },
        )
        button.text = "Show corrections"
        button.tail = " "
        where = etree.SubElement(box, "span", {"class": "corrections-count"})
        where.text = (
            f"{count} on this page: the scan’s text struck through beside the edition’s"
            if count
            else "none on this page"
        )
        children = list(root)
        title = next((i for i, child in enumerate(children) if child.tag == "h1"), -1)
        root.insert(title + 1, box)


def _enclosing_link(element, parents, block) -> etree.Element | None:
    """The ``<a>`` that ``element`` is (or is inside), up to ``block``; None when there is none."""
    while element is not None:
        if element.tag == "a":
            return element
        if element is block:
            return None
        element = parents.get(element)
    return None


class CorrectionMarksExtension(Extension):
    """Registers ``CorrectionMarker``; the hook says which page Python-Markdown converts next."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: dict[str, list[CorrectionMark]] = {}
        self.paper_pages: set[str] = set()
        self.page: str | None = None

    def start(self, config) -> None:
        """Read the editorial map and the seed, and add the marker to every page's Markdown.

        Called at every build (``mkdocs serve`` rebuilds with the same hook module), it is
        registered once however often the config is built.
        """
        root = Path(config.config_file_path).parent
        try:
            edition = read_edition(root / DEFAULT_MAP)
        except EditionError as error:
            raise PluginError(f"corrections: {error}") from None
        self.marks = marks_by_page(edition)
        self.paper_pages = {page.file for page in edition.pages} | {PRINT_FILE}
        config.markdown_extensions[:] = [
            ext
            for ext in config.markdown_extensions
            if not isinstance(ext, CorrectionMarksExtension)
        ]
        config.markdown_extensions.append(self)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Register the marker among Python-Markdown's tree processors."""
        md.treeprocessors.register(CorrectionMarker(md, self), "edition_corrections", PRIORITY)

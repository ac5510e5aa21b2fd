"""From corrected seed lines to the edition's structure: pages, headings, paragraphs, tables.

The editorial map says where things begin; this module checks the seed really has them there,
and groups the lines in between into paragraphs with stable ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.edition.editorial_map import EditionMap, Panel, Part, Span, Table

PANEL_HEADING = re.compile(r"^Panel (\d+)\b")


@dataclass(frozen=True)
class Heading:
    """A chapter, section or panel heading, joined from the lines it was printed over."""

    level: int
    text: str
    id: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the paper, its lines joined, with a stable id such as ``ch3-s2-p4``."""

    id: str
    text: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class PanelCard:
    """The place of a panel in its chapter; rendered as a link to the panel's page."""

    panel_id: str
    title: str
    file: str


@dataclass(frozen=True)
class TableBlock:
    """A rebuilt table: header cells, rows of (label, examples), and a closing total row."""

    id: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    total: tuple[str, ...]
    lines: tuple[int, ...]


Block = Heading | Paragraph | PanelCard | TableBlock


@dataclass
class Page:
    """One page of the edition: a part of the paper or a panel."""

    id: str
    file: str
    kind: str
    blocks: list[Block] = field(default_factory=list)
    # For a panel: the part it stands in, and the section heading it follows (if any).
    parent: Part | None = None
    parent_section: Heading | None = None
    parent_title: str = ""

    @property
    def title(self) -> str:
        """The page's heading text."""
        return self.blocks[0].text


def joined(lines: list[str], span: Span) -> str:
    """The text of a span's lines, blank lines dropped, joined with single spaces."""
    words = " ".join(lines[n - 1] for n in range(span.line, span.end + 1))
    return " ".join(words.split())


def check_spans(printed: list[str], emap: EditionMap, seed_path: Path) -> None:
    """Check that every heading, table line and the paper's end are where the map says."""
    spans = [(f"{p.id} heading", p.heading) for p in emap.parts]
    spans += [(f"section heading of {p.id}", s) for p in emap.parts for s in p.sections]
    for panel in emap.panels:
        spans.append((f"{panel.id} heading", panel.heading))
        if panel.table:
            spans += [(f"{panel.id} table header", panel.table.header)]
            spans += [(f"{panel.id} table total", panel.table.total)]
    spans.append(("last line of the paper", emap.end))
    for what, span in sorted(spans, key=lambda item: item[1].line):
        _check_span(printed, emap, seed_path, what, span)
    _check_no_second_heading(printed, emap, seed_path)


def _check_span(printed, emap, seed_path, what: str, span: Span) -> None:
    where = f"({emap.path.name}:{span.map_line})"
    if span.end > len(printed):
        raise EditionError(
            seed_path,
            len(printed),
            f"the seed ends at line {len(printed)}, but the editorial map expects the {what} "
            f"{span.printed!r} at line {span.line} {where}: is the seed cut off?",
        )
    found = printed[span.line - 1].strip()
    if found != span.printed:
        elsewhere = [i + 1 for i, text in enumerate(printed) if text.strip() == span.printed]
        hint = f"; it is at line {elsewhere[0]}" if elsewhere else "; it is nowhere in the seed"
        raise EditionError(
            seed_path,
            span.line,
            f"expected the {what} {span.printed!r} {where}, found {found!r}{hint}",
        )


def _check_no_second_heading(printed, emap: EditionMap, seed_path: Path) -> None:
    """A heading printed twice, or a panel the map does not place, is an error in the seed."""
    declared = {a.heading.line: a.heading.printed for a in (*emap.parts, *emap.panels)}
    panel_lines = {
        int(PANEL_HEADING.match(p.heading.printed)[1]): p.heading.line for p in emap.panels
    }
    for number, text in enumerate(printed, start=1):
        text = text.strip()
        if number in declared:
            continue
        for line, heading in declared.items():
            if text == heading:
                raise EditionError(
                    seed_path,
                    number,
                    f"heading {text!r} appears a second time (first at line {line})",
                )
        match = PANEL_HEADING.match(text)
        if match and int(match[1]) in panel_lines:
            raise EditionError(
                seed_path,
                number,
                f"Panel {match[1]} appears a second time "
                f"(its heading is at line {panel_lines[int(match[1])]})",
            )
        if match:
            raise EditionError(
                seed_path, number, f"Panel {match[1]} is not in the editorial map {emap.path}"
            )


class _ParagraphWriter:
    """Groups lines into paragraphs: blank lines and ``break`` repairs end one."""

    def __init__(self, lines: list[str], emap: EditionMap, page: Page):
        self.lines = lines
        self.page = page
        self.removed = emap.removed_lines()
        self.breaks = emap.layout_repair_lines("break")
        self.joins = emap.layout_repair_lines("join")
        self.prefix = page.id
        self.count = 0
        self.current: list[int] = []

    def start_section(self, prefix: str) -> None:
        self.flush()
        self.prefix = prefix
        self.count = 0

    def add(self, number: int) -> None:
        if number in self.removed:
            return
        if not self.lines[number - 1].strip():
            self.flush()
            return
        if number in self.breaks:
            self.flush()
        if (
            number in self.joins
            and not self.current
            and isinstance(self.page.blocks[-1], Paragraph)
        ):
            self.current = list(self.page.blocks.pop().lines)
            self.count -= 1
        self.current.append(number)

    def flush(self) -> None:
        if not self.current:
            return
        self.count += 1
        text = " ".join(" ".join(self.lines[n - 1] for n in self.current).split())
        self.page.blocks.append(
            Paragraph(f"{self.prefix}-p{self.count}", text, tuple(self.current))
        )
        self.current = []


def build_pages(lines: list[str], emap: EditionMap, seed_path: Path) -> list[Page]:
    """The edition's pages in reading order: the parts, then the panels."""
    panel_at = {panel.heading.line: panel for panel in emap.panels}
    starts = [part.heading.line for part in emap.parts] + [emap.end.line + 1]
    pages: list[Page] = []
    panel_pages: list[Page] = []
    for part, stop in zip(emap.parts, starts[1:], strict=True):
        page = Page(part.id, part.file, "part")
        page.blocks.append(_heading(lines, part.heading, 1, part.id))
        writer = _ParagraphWriter(lines, emap, page)
        section_at = {s.line: (k, s) for k, s in enumerate(part.sections, start=1)}
        section: Heading | None = None
        number = part.heading.end + 1
        while number < stop:
            if number in section_at:
                k, span = section_at[number]
                writer.start_section(f"{part.id}-s{k}")
                section = _heading(lines, span, 2, f"{part.id}-s{k}")
                page.blocks.append(section)
                number = span.end + 1
            elif number in panel_at:
                panel = panel_at.pop(number)
                writer.flush()
                panel_page = _panel_page(lines, emap, panel, seed_path)
                panel_page.parent, panel_page.parent_section = part, section
                panel_page.parent_title = page.title
                panel_pages.append(panel_page)
                page.blocks.append(PanelCard(panel.id, panel_page.title, panel.file))
                number = panel.end + 1
            else:
                writer.add(number)
                number += 1
        writer.flush()
        pages.append(page)
    if panel_at:
        panel = next(iter(panel_at.values()))
        raise EditionError(emap.path, panel.heading.map_line, f"{panel.id} lies outside every part")
    return pages + panel_pages


def _heading(lines: list[str], span: Span, level: int, hid: str) -> Heading:
    numbers = tuple(n for n in range(span.line, span.end + 1) if lines[n - 1].strip())
    return Heading(level, joined(lines, span), hid, numbers)


def _panel_page(lines: list[str], emap: EditionMap, panel: Panel, seed_path: Path) -> Page:
    page = Page(panel.id, panel.file, "panel")
    page.blocks.append(_heading(lines, panel.heading, 1, panel.id))
    if panel.table:
        page.blocks.append(_table(lines, panel, panel.table, seed_path))
        return page
    writer = _ParagraphWriter(lines, emap, page)
    for number in range(panel.heading.end + 1, panel.end + 1):
        writer.add(number)
    writer.flush()
    return page


def _table(lines: list[str], panel: Panel, table: Table, seed_path: Path) -> TableBlock:
    """Rebuild a table from its line ranges; every line of the panel must belong somewhere."""
    covered = {table.header.line, table.total.line}
    rows = []
    for row in table.rows:
        label_lines = range(row.label[0], row.label[1] + 1)
        example_lines = range(row.examples[0], row.examples[1] + 1)
        covered.update(label_lines, example_lines)
        label = " ".join(" ".join(lines[n - 1] for n in label_lines).split())
        rows.append((label, _examples(lines, example_lines, seed_path)))
    for number in range(panel.heading.end + 1, panel.end + 1):
        if number not in covered and lines[number - 1].strip():
            raise EditionError(
                seed_path, number, f"line of {panel.id}'s table not placed by the editorial map"
            )
    return TableBlock(
        id=f"{panel.id}-table",
        header=table.header.cells,
        rows=tuple(rows),
        total=table.total.cells,
        lines=tuple(sorted(covered)),
    )


def _examples(lines: list[str], numbers: range, seed_path: Path) -> tuple[str, ...]:
    """Bulleted examples: ``* `` starts one, other lines continue it."""
    examples: list[str] = []
    for number in numbers:
        text = lines[number - 1].strip()
        if not text:
            continue
        if text.startswith("* "):
            examples.append(text[2:].strip())
        elif examples:
            examples[-1] += " " + text
        else:
            raise EditionError(seed_path, number, f"table example without a bullet: {text!r}")
    return tuple(examples)

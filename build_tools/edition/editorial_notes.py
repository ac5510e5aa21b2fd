"""The "Editorial notes" page: every correction and repair of the edition, listed for readers."""

from __future__ import annotations

from build_tools.edition.editorial_map import EditionMap
from build_tools.edition.render import escape_inline, link
from build_tools.edition.structure import Heading, Page, Paragraph, TableBlock

NOTES_FILE = "about/editorial-notes.md"


def locate(pages: list[Page]) -> dict[int, tuple[Page, str]]:
    """For each seed line the edition shows: the page and the id of the block that shows it."""
    where: dict[int, tuple[Page, str]] = {}
    for page in pages:
        for block in page.blocks:
            if isinstance(block, Heading | Paragraph | TableBlock):
                for number in block.lines:
                    where[number] = (page, block.id)
    return where


def _place(where, number: int) -> str:
    if number not in where:
        return "—"
    page, block_id = where[number]
    return f"[{escape_inline(page.title)}]({link(NOTES_FILE, page.file, block_id)})"


def _code(text: str) -> str:
    text = text.replace("|", "\\|")
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _indented_lines(printed: list[str], emap: EditionMap) -> list[int]:
    removed = emap.removed_lines()
    return [
        n
        for n, text in enumerate(printed, start=1)
        if text[:1].isspace() and text.strip() and n not in removed
    ]


def notes_page(printed: list[str], emap: EditionMap, pages: list[Page]) -> str:
    """The Markdown of the Editorial notes page."""
    where = locate(pages)
    out = [
        "# Editorial notes { #editorial-notes }",
        "",
        "This edition is made from a scan of the paper (OCR text), kept unchanged in the "
        f"repository as `seeds/{emap.seed}`. The scan has defects. Every change the edition makes "
        "to it is recorded in the editorial map, `seeds/edition.yml`, and listed here: the "
        "seed line, what was printed, what the edition shows, and why. Nothing else in the "
        "paper's words differs from the seed; a test checks this on every change.",
        "",
        "## Corrections to the printed text { #corrections }",
        "",
        "| Seed line | Printed | Corrected | Shown in | Why |",
        "| --- | --- | --- | --- | --- |",
    ]
    for fix in emap.corrections:
        out.append(
            f"| {fix.line} | {_code(fix.printed)} | {_code(fix.corrected)} | "
            f"{_place(where, fix.line)} | {escape_inline(fix.reason)} |"
        )
    out += ["", "## Structural repairs { #repairs }", ""]
    out += ["| Seed lines | Repair | Shown in | Why |", "| --- | --- | --- | --- |"]
    for repair in emap.repairs:
        lines = (
            f"{repair.first}–{repair.last}" if repair.last != repair.first else str(repair.first)
        )
        what = {
            "remove": "Taken out of the text",
            "break": "New paragraph",
            "join": "Paragraph joined",
        }[repair.kind]
        shown = _place(where, repair.last + 1 if repair.kind == "remove" else repair.first)
        out.append(f"| {lines} | {what} | {shown} | {escape_inline(repair.reason)} |")
    for page in pages:
        for block in page.blocks:
            if isinstance(block, Heading) and len(block.lines) > 1:
                span = f"{block.lines[0]}–{block.lines[-1]}"
                out.append(
                    f"| {span} | Heading joined | {_place(where, block.lines[0])} | "
                    "The heading is printed over several lines (with blank lines between); "
                    "the edition shows it as one. |"
                )
            if isinstance(block, TableBlock):
                span = f"{block.lines[0]}–{block.lines[-1]}"
                out.append(
                    f"| {span} | Table rebuilt | {_place(where, block.lines[0])} | "
                    "The scan split the table's columns apart and printed each row's label "
                    "after its examples; the edition rebuilds the rows as `seeds/edition.yml` "
                    "maps them. |"
                )
    panels = [page for page in pages if page.kind == "panel"]
    out += [
        "",
        "## Boxed panels { #panels }",
        "",
        "The paper sets eight boxed panels inside its chapters. Each has a page of its own here; a "
        "card at its place in the chapter links to it, so the reading order is kept.",
        "",
        "| Panel | Seed lines | Stands in |",
        "| --- | --- | --- |",
    ]
    spans = {panel.id: (panel.heading.line, panel.end) for panel in emap.panels}
    for page in panels:
        first, last = spans[page.id]
        out.append(
            f"| [{escape_inline(page.title)}]({link(NOTES_FILE, page.file)}) | {first}–{last} | "
            f"[{escape_inline(page.parent_title)}]({link(NOTES_FILE, page.parent.file, page.id)}) |"
        )
    indented = _indented_lines(printed, emap)
    out += [
        "",
        "## Page-break indents { #indents }",
        "",
        "Where a printed page begins, the scan indents the first line by a space. The edition "
        "drops these indents, and joins every paragraph's lines into one. Lines with an indent: "
        + ", ".join(str(n) for n in indented)
        + ".",
    ]
    return "\n".join(out) + "\n"

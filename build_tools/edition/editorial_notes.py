"""The "Editorial notes" page: every correction and layout repair of the edition, listed for
readers."""

from __future__ import annotations

from build_tools.edition.editorial_map import EditionMap
from build_tools.edition.render import escape_inline, link
from build_tools.edition.structure import Heading, Page, Paragraph, TableBlock

EDITORIAL_NOTES_FILE = "about/editorial-notes.md"


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
    return f"[{escape_inline(page.title)}]({link(EDITORIAL_NOTES_FILE, page.file, block_id)})"


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


def summary(emap: EditionMap) -> str:
    """What the edition changed, in a reader's words: "11 scanning errors corrected, …"."""
    corrections = len(emap.corrections)
    layout_repairs = sum(1 for repair in emap.layout_repairs if repair.kind != "keep")
    return (
        f"{corrections} scanning error{'s' if corrections != 1 else ''} corrected, "
        f"{layout_repairs} layout repair{'s' if layout_repairs != 1 else ''}, nothing else"
    )


def _layout_repair_rows(emap: EditionMap, pages: list[Page], where) -> list[str]:
    rows = []
    for repair in emap.layout_repairs:
        lines = (
            f"{repair.first}–{repair.last}" if repair.last != repair.first else str(repair.first)
        )
        shown = _place(where, repair.last + 1 if repair.kind == "remove" else repair.first)
        anchor = f'<span id="layout-repair-{repair.first}"></span>'
        rows.append(
            f"| {anchor}{LAYOUT_REPAIR_NAMES[repair.kind]} | {shown} | "
            f"{escape_inline(repair.reason)} | {lines} |"
        )
    return rows


def _layout_rows(pages: list[Page], where) -> list[str]:
    """Headings printed over several lines and the rebuilt table: routine, listed for the record."""
    rows = []
    for page in pages:
        for block in page.blocks:
            if isinstance(block, Heading) and len(block.lines) > 1:
                rows.append(
                    f"| {block.lines[0]}–{block.lines[-1]} | Heading joined | "
                    f"{_place(where, block.lines[0])} |"
                )
            if isinstance(block, TableBlock):
                rows.append(
                    f"| {block.lines[0]}–{block.lines[-1]} | Table rebuilt from its scattered "
                    f"columns | {_place(where, block.lines[0])} |"
                )
    return rows


LAYOUT_REPAIR_NAMES = {
    "remove": "Taken out of the text",
    "break": "New paragraph",
    "join": "Paragraph joined",
    "keep": "Page break kept inside its paragraph",
}


def editorial_notes_page(printed: list[str], emap: EditionMap, pages: list[Page]) -> str:
    """The Markdown of the Editorial notes page: plain words first, the scan's details after."""
    where = locate(pages)
    out = [
        "# Editorial notes { #editorial-notes }",
        "",
        "This edition is made from a scan of the paper, and scanning damages text. What the "
        f"edition changed, in brief: **{summary(emap)}.** The errors are misread characters — "
        "chapter numerals such as “II.” scanned as “I1.”, a website’s address, a stray mark; the "
        "repairs put back paragraph breaks the scan lost and take out a web-page address it "
        "printed in mid-sentence. Each is listed below with its place in the paper and the "
        "reason. Everything else is the paper’s own wording, checked automatically against "
        "the scan on every change.",
        "",
        "## Corrections { #corrections }",
        "",
        "| Where | The scan shows | The edition shows | Why |",
        "| --- | --- | --- | --- |",
    ]
    for correction in emap.corrections:
        out.append(
            f'| <span id="correction-{correction.line}"></span>{_place(where, correction.line)} | '
            f"{_code(correction.printed)} | {_code(correction.corrected)} | "
            f"{escape_inline(correction.reason)} |"
        )
    out += [
        "",
        "## Layout repairs { #layout-repairs }",
        "",
        "| Layout repair | Where | Why | Scan lines |",
        "| --- | --- | --- | --- |",
        *_layout_repair_rows(emap, pages, where),
    ]
    panels = [page for page in pages if page.kind == "panel"]
    spans = {panel.id: (panel.heading.line, panel.end) for panel in emap.panels}
    out += [
        "",
        "## Boxed panels { #panels }",
        "",
        "The paper sets eight boxed panels inside its chapters. Each has a page of its own here; a "
        "card at its place in the chapter links to it, so the reading order is kept.",
        "",
        "## For contributors: the scan in detail { #details }",
        "",
        '<details markdown="1">',
        "<summary>Scan line numbers, routine layout fixes and page-break indents</summary>",
        "",
        f"The scan is kept unchanged in the repository as `seeds/{emap.seed}`; every change above "
        "is an entry in the editorial map, `seeds/edition.yml`, with the scan line it applies "
        "to. Corrections by scan line: "
        + ", ".join(
            f"[{correction.line}](#correction-{correction.line})" for correction in emap.corrections
        )
        + ".",
        "",
        "| Scan lines | Routine fix | Where |",
        "| --- | --- | --- |",
        *_layout_rows(pages, where),
        "",
        "| Panel | Scan lines | Stands in |",
        "| --- | --- | --- |",
    ]
    for page in panels:
        first, last = spans[page.id]
        out.append(
            f"| [{escape_inline(page.title)}]({link(EDITORIAL_NOTES_FILE, page.file)}) | "
            f"{first}–{last} | [{escape_inline(page.parent_title)}]"
            f"({link(EDITORIAL_NOTES_FILE, page.parent.file, page.id)}) |"
        )
    indented = _indented_lines(printed, emap)
    out += [
        "",
        "Where a printed page begins, the scan indents the first line by a space. The edition "
        "drops these indents, and joins every paragraph's lines into one. Lines with an indent: "
        + ", ".join(str(n) for n in indented)
        + ".",
        "",
        "</details>",
    ]
    return "\n".join(out) + "\n"

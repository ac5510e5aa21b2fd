"""The whole paper on one page, for printing or saving as PDF: every part in order, each panel
at its place in its chapter, headings one level down under the paper's title."""

from __future__ import annotations

import dataclasses

from build_tools.edition.render import escape_inline, heading, paragraph, table
from build_tools.edition.structure import Heading, Page, PanelCard, Paragraph, TableBlock

PRINT_FILE = "print.md"
# Its text is the paper again: out of search (or every result would show twice), and read
# without the side navigation.
PRINT_META = {"search": {"exclude": True}, "hide": ["navigation", "toc"]}


def _shifted(block: Heading, levels: int) -> Heading:
    return dataclasses.replace(block, level=min(block.level + levels, 6))


def _blocks(page: Page, levels: int, panels: dict[str, Page]) -> list[str]:
    """A page's Markdown with headings ``levels`` down; a panel one level below where it stands."""
    chunks = []
    level = 1 + levels
    for block in page.blocks:
        if isinstance(block, Heading):
            level = block.level + levels
            chunks.append(heading(_shifted(block, levels)))
        elif isinstance(block, Paragraph):
            chunks.append(paragraph(block))
        elif isinstance(block, TableBlock):
            chunks.append(table(block))
        elif isinstance(block, PanelCard):
            inner = "\n\n".join(_blocks(panels[block.panel_id], level, panels))
            chunks.append(f'<div class="print-panel" markdown>\n\n{inner}\n\n</div>')
    return chunks


ORIGINAL = "http://english.scio.gov.cn/node_9001076.html"


def title_block(title: str) -> str:
    """What a printed copy says about itself, and a button to print it (hidden in print)."""
    return (
        '<div class="print-title-block" markdown>\n\n'
        f"**{escape_inline(title)}**. White paper of the State Council Information Office of the "
        "People’s Republic of China, March 2023. Source of the original: "
        f"<{ORIGINAL}>.\n\n"
        "This copy: the open annotated edition, at "
        '<span class="edition-address">its canonical address</span>.\n\n'
        "</div>\n\n"
        '<p class="print-controls"><button type="button" class="md-button print-button">'
        "Print or save as PDF</button></p>"
    )


def print_page(title: str, pages: list[Page]) -> str:
    """The Markdown of the whole-paper page."""
    panels = {page.id: page for page in pages if page.kind == "panel"}
    chunks = [f"# {escape_inline(title)} {{ #whole-paper }}", title_block(title)]
    for page in pages:
        if page.kind == "part":
            chunks += _blocks(page, 1, panels)
    return "\n\n".join(chunks) + "\n"

"""Markdown for the edition's pages, from the structure built out of the seed.

Each paragraph is one line of Markdown followed by its id (``{: #ch2-s1-p3 }``, attr_list), so
diffs stay readable and the id is plain to see for a contributor.
"""

from __future__ import annotations

import posixpath
import re

from build_tools.edition.structure import Heading, Page, PanelCard, Paragraph, TableBlock

# Characters Python-Markdown would read as markup inside a paragraph of the paper.
_INLINE_MARKUP = re.compile(r"([\\`*_\[\]<])")
# Starts of a line that Markdown would read as a block: a heading, quote, list or rule.
_BLOCK_START = re.compile(r"^(#|>|[-+*] |=+$|-+$)")
_NUMBERED = re.compile(r"^(\d+)\. ")
_DASH_LEAD = re.compile(r"^— ([^.]+\.)\s+(.*)$")


def escape_inline(text: str) -> str:
    """Text made safe inside a Markdown line: it renders as exactly these characters."""
    return _INLINE_MARKUP.sub(r"\\\1", text)


def escape(text: str) -> str:
    """Text of the paper made safe as a paragraph: not read as markup, nor as a list or heading."""
    text = escape_inline(text)
    numbered = _NUMBERED.match(text)
    if numbered:
        return f"{numbered[1]}\\.{text[numbered.end(1) + 1 :]}"
    if _BLOCK_START.match(text):
        text = "\\" + text
    return text


def link(from_file: str, to_file: str, anchor: str = "") -> str:
    """A relative Markdown link target from one docs file to another, as MkDocs expects."""
    target = posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
    return f"{target}#{anchor}" if anchor else target


def paragraph(block: Paragraph) -> str:
    """A paragraph, with an em-dash paragraph's lead phrase set in bold as the paper sets it."""
    match = _DASH_LEAD.match(block.text)
    if match:
        text = f"— **{escape(match[1])}** {escape(match[2])}"
    else:
        text = escape(block.text)
    return f"{text}\n{{: #{block.id} }}"


def heading(block: Heading) -> str:
    """A heading with its stable id."""
    return f"{'#' * block.level} {escape_inline(block.text)} {{ #{block.id} }}"


def panel_card(page: Page, block: PanelCard) -> str:
    """The link to a panel at its place in the chapter, so the reading order is kept."""
    target = link(page.file, block.file)
    return (
        f'<div class="panel-card" id="{block.panel_id}" markdown>\n'
        f"[{escape_inline(block.title)}]({target})\n"
        f"</div>"
    )


def table(block: TableBlock) -> str:
    """A rebuilt table; several examples in one cell are separated by line breaks."""
    rows = [f"| {' | '.join(block.header)} |", "| --- | --- |"]
    for label, examples in block.rows:
        rows.append(f"| {escape(label)} | {'<br>'.join(escape(e) for e in examples)} |")
    rows.append(f"| {' | '.join(f'**{escape(cell)}**' for cell in block.total)} |")
    body = "\n".join(rows)
    return f'<div class="edition-table" id="{block.id}" markdown>\n\n{body}\n\n</div>'


def where_panel_stands(page: Page) -> str:
    """The note at the top of a panel's page: which chapter and section it belongs to."""
    chapter = link(page.file, page.parent.file)
    back = link(page.file, page.parent.file, page.id)
    section = page.parent_section
    place = (
        f"in section “{escape_inline(section.text)}”"
        if section
        else "before the chapter's first section"
    )
    return (
        '!!! info "Where this panel stands"\n'
        f"    A boxed panel of [{escape_inline(page.parent_title)}]({chapter}), "
        f"{place}. [Back to its place in the chapter]({back})."
    )


def page_body(page: Page) -> str:
    """The Markdown body of one page (front matter is added when the page is written)."""
    chunks = []
    for index, block in enumerate(page.blocks):
        if isinstance(block, Heading):
            chunks.append(heading(block))
            if index == 0 and page.kind == "panel":
                chunks.append(where_panel_stands(page))
        elif isinstance(block, Paragraph):
            chunks.append(paragraph(block))
        elif isinstance(block, PanelCard):
            chunks.append(panel_card(page, block))
        elif isinstance(block, TableBlock):
            chunks.append(table(block))
    return "\n\n".join(chunks) + "\n"

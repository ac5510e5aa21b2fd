"""A Python-Markdown extension: a permalink (¶) on every paragraph that has an id.

The converter gives each paragraph of the paper a stable id; this makes that id visible and
clickable, as Material does for headings, so a reader can cite a paragraph.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from build_tools.common.pinpoint import label
from build_tools.markdown import order

PRIORITY = order.PARAGRAPH_LINKS  # the reasons: build_tools.markdown.order


class ParagraphLinks(Treeprocessor):
    """Adds a ``headerlink`` to paragraphs with ids, and ids to the rows of rebuilt tables."""

    def run(self, root: etree.Element) -> None:
        """Give paragraphs with ids their ¶ permalink, and the rows of rebuilt tables ids."""
        for element in root.iter("p"):
            block_id = element.get("id")
            if block_id:
                anchor = etree.SubElement(element, "a")
                anchor.set("class", "headerlink")
                anchor.set("href", f"#{block_id}")
                # Read as a place in the paper ("Ch. II, sec. 3, para. 6"); the id stays the anchor.
                anchor.set("title", f"{label(block_id)}: link to this paragraph")
                anchor.text = "¶"
                anchor.tail = None
        for box in root.iter("div"):
            box_id = box.get("id")
            if box_id and "edition-table" in box.get("class", ""):
                for number, row in enumerate(box.iter("tr")):
                    if number:
                        row.set("id", f"{box_id}-r{number}")


_PARAGRAPH_ID = re.compile(r'<p id="([^"]+)"')


def paragraph_ids(content: str) -> list[str]:
    """The ids of a converted page's paragraphs, in page order, read back from its HTML.

    The one place that knows how a paragraph with an id is written (``<p id="…">``, attr_list's
    form); citing reads the ids and the first paragraph's text through here.
    """
    return _PARAGRAPH_ID.findall(content)


_ANY_ID = re.compile(r' id="([^"]+)"')


def anchors(content: str) -> set[str]:
    """Every id in a converted page's HTML: its headings', paragraphs' and table rows' anchors
    (what a link to ``page#id`` can land on)."""
    return set(_ANY_ID.findall(content))


def first_paragraph(content: str) -> str | None:
    """The inner HTML of a converted page's first paragraph that has an id (None without)."""
    match = re.search(r'<p id="[^"]+">(.*?)</p>', content, re.DOTALL)
    return match[1] if match else None


class ParagraphLinksExtension(Extension):
    """Registers ``ParagraphLinks`` with each page's Markdown."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Register the permalink processor among Python-Markdown's tree processors."""
        md.treeprocessors.register(ParagraphLinks(md), "paragraph_links", PRIORITY)

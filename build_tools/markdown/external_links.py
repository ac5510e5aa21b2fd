"""Outside links look outside: a class for the icon, and ``rel="noopener"``.

A reader offline loses only these links, so they must be told apart from the site's own; and a
page opened from them must not get a handle on ours (``noopener``).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from build_tools.markdown import order

CLASS = "external-link"
PRIORITY = order.EXTERNAL_LINKS  # the reasons: build_tools.markdown.order


def is_external(href: str) -> bool:
    """Whether a link leaves the site."""
    return href.startswith(("http://", "https://"))


class ExternalLinks(Treeprocessor):
    """Marks every link that leaves the site."""

    def run(self, root: etree.Element) -> None:
        """Add the class and ``rel`` to each outside link of the page."""
        for link in root.iter("a"):
            if is_external(link.get("href", "")):
                classes = (link.get("class") or "").split()
                link.set("class", " ".join([*classes, CLASS]))
                rel = set((link.get("rel") or "").split()) | {"noopener"}
                link.set("rel", " ".join(sorted(rel)))


class ExternalLinksExtension(Extension):
    """Registers ``ExternalLinks`` with each page's Markdown."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Register the processor among Python-Markdown's tree processors."""
        md.treeprocessors.register(ExternalLinks(md), "external_links", PRIORITY)

"""What one MkDocs build knows about the figures, and what it does at each event.

``hooks/figures.py`` forwards MkDocs' events here. The figures read the glossary build's
entries and mention index once every page is converted (``on_page_context``, after the
glossary's own lists), draw each figure where its page has a placeholder (``<!-- figure:name -->``),
and end each entry's page with the entries most often named with it.

``EDITION_FIGURES=off`` in the environment leaves every page as it is (the figures' markers
are HTML comments): ``python -m build_tools.dev.figure_cost`` times the build with and without.
"""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from build_tools.common import placeholders
from build_tools.common.errors import EditionError
from build_tools.common.pinpoint import part_of
from build_tools.figures.connections import connections_figure
from build_tools.figures.figure import Figure, Links, figure_html, read_style
from build_tools.figures.framework import framework_figure
from build_tools.figures.settings import read_settings
from build_tools.figures.timeline import timeline_figure
from build_tools.glossary.comentions import CoMentions
from build_tools.glossary.often import often_mentioned_html

log = get_plugin_logger("figures")

ROOM = "figure"  # a figure's placeholder is <!-- figure:NAME --> (common.placeholders)
_ID = re.compile(r'\bid="([^"]+)"')
CONNECTIONS_PAGE = "glossary/connections.md"
FIGURES = ("timeline", "framework", "connections")


class FigureBuild:
    """The figures of one build: settings, reading order, and the co-mentions once counted."""

    def __init__(self) -> None:
        self.enabled = True
        self.settings = None
        self.style = ""
        self.files = None
        self.rank: dict[str, int] = {}
        self._co: CoMentions | None = None
        self._page_ids: dict[str, set[str]] = {}

    def start(self, config) -> None:
        """Read ``figures.yml`` (a mistake there stops the build, naming its line) and the
        figures' CSS."""
        self.enabled = os.environ.get("EDITION_FIGURES", "on") != "off"
        try:
            self.settings = read_settings()
            self.style = read_style()
        except EditionError as error:
            raise PluginError(f"figures: {error}") from None
        self.reset()

    def reset(self) -> None:
        """Start a (re)build: the co-mentions are counted again, the pages' ids read again."""
        self._co = None
        self._page_ids = {}

    def set_nav(self, nav, files) -> None:
        """Remember the files and the reading order (for paragraphs in reading order)."""
        self.files = files
        self.rank = {page.file.src_uri: index for index, page in enumerate(nav.pages)}

    def page_content(self, page, glossary) -> None:
        """Draw the figures the page asks for; end an entry's page with its co-mentions.

        ``glossary`` is the glossary build (``GlossaryBuild``), complete by now.
        """
        if not self.enabled:
            return
        if glossary is None:
            raise PluginError("figures: the figures need hooks/glossary.py in mkdocs.yml")
        for name in placeholders.names(page.content, ROOM):
            if name not in FIGURES:
                raise PluginError(
                    f"docs/{page.file.src_uri}: unknown figure '{name}' "
                    f"(one of: {', '.join(FIGURES)})"
                )
            html = figure_html(self._figure(name, page, glossary), self.style)
            page.content = placeholders.fill(page.content, ROOM, name, html)
        if page.file.src_uri in glossary.glossary.by_path:
            page.content += self._often(page, glossary)

    def co_mentions(self, glossary) -> CoMentions:
        """The co-mentions of this build, counted at the first call."""
        if self._co is None:
            self._co = CoMentions(glossary.mentions.by_page, glossary.paper, self.rank)
        return self._co

    def _figure(self, name: str, page, glossary) -> Figure:
        links = self._links(page, glossary)
        entries = glossary.glossary.entries
        co = self.co_mentions(glossary)
        if name == "timeline":
            return timeline_figure(entries, self.settings, links, co.mentions)
        if name == "framework":
            return framework_figure(entries, self.settings, links, co.mentions)
        return connections_figure(co, glossary.glossary.by_path, self.settings, links)

    def _url(self, path: str, page) -> str:
        return get_relative_url(self.files.get_file_from_path(path).url, page.url)

    def _paragraph(self, page_path: str, block_id: str, page) -> str:
        """The URL of a paragraph of the paper; a warning (an error with --strict) if it has
        no such paragraph."""
        target = self.files.get_file_from_path(page_path) if page_path else None
        if target is None or block_id not in self._ids(target):
            log.warning(
                "docs/%s: a figure links to paragraph '%s' of the paper, which does not exist",
                page.file.src_uri,
                block_id,
            )
        if target is None:
            return f"#{block_id}"
        return f"{self._url(page_path, page)}#{block_id}"

    def _ids(self, file) -> set[str]:
        """The ids in a page's HTML (every page is converted by now), read once per build."""
        if file.src_uri not in self._page_ids:
            self._page_ids[file.src_uri] = set(_ID.findall(file.page.content or ""))
        return self._page_ids[file.src_uri]

    def _links(self, page, glossary) -> Links:
        def paragraph(block_id: str) -> str:
            page_path = glossary.paper_by_id.get(part_of(block_id), "")
            return self._paragraph(page_path, block_id, page)

        return Links(entry=lambda path: self._url(path, page), paragraph=paragraph)

    def _often(self, page, glossary) -> str:
        return often_mentioned_html(
            page.file.src_uri,
            self.co_mentions(glossary),
            glossary.glossary.by_path,
            entry_url=lambda path: self._url(path, page),
            paragraph_url=lambda p: self._paragraph(p.page, p.block_id, page),
            connections_url=self._url(CONNECTIONS_PAGE, page),
        )

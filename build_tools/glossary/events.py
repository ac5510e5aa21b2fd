"""What one MkDocs build knows about the glossary, and what it does at each event.

``hooks/glossary.py`` forwards MkDocs' events here and holds nothing itself (the model is
mkdocs-autorefs, whose plugin only forwards events). State is made anew in ``start`` at every
build, because ``mkdocs serve`` imports hooks once and rebuilds many times.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url

from build_tools.common.errors import EditionError
from build_tools.common.placeholders import fill
from build_tools.edition.editorial_map import DEFAULT_MAP, paper_files
from build_tools.glossary import pages as show
from build_tools.glossary import since
from build_tools.glossary.autolink import AutoLinkExtension
from build_tools.glossary.entries import GLOSSARY_DIR, load_glossary
from build_tools.glossary.entry_frame import (
    FrameExtension,
    entry_header,
    entry_history,
    entry_sources,
)
from build_tools.glossary.matcher import TermMatcher
from build_tools.glossary.mentions import MentionIndex
from build_tools.glossary.placement import place_entries
from build_tools.markdown.paragraph_links import anchors
from build_tools.search.chinese_words import search_keys, teach_jieba

log = get_plugin_logger("glossary")

INDEX_PAGE = f"{GLOSSARY_DIR}/index.md"
SOURCES_PAGE = "about/sources.md"
GLOSSARY_TAB = "Glossary"
# The glossary's generated pages: their Markdown holds placeholders filled at build time.
GENERATED = {
    INDEX_PAGE: "index",
    f"{GLOSSARY_DIR}/legal-framework.md": "framework",
    f"{GLOSSARY_DIR}/timeline.md": "timeline",
}


_current: GlossaryBuild | None = None


def current_build() -> GlossaryBuild | None:
    """The glossary build in progress: how other rooms (the figures) read its entries and
    mention index once every page is converted. Set when the build starts; None before."""
    return _current


class GlossaryBuild:
    """The glossary, the linker, the mentions and the reading order of one build."""

    def __init__(self) -> None:
        self.glossary = None
        self.extension: AutoLinkExtension | None = None
        self.frame: FrameExtension | None = None
        self.mentions = MentionIndex()
        self.paper: frozenset[str] = frozenset()
        self.paper_by_id: dict[str, str] = {}
        self.rank: dict[str, int] = {}
        self.files = None
        self._counts = None
        self._citations_checked = False

    def start(self, config) -> None:
        """Read the glossary and the editorial map; add the auto-linker to Python-Markdown."""
        global _current
        _current = self
        docs = Path(config.docs_dir)
        try:
            self.glossary = load_glossary(docs)
            self.paper_by_id = paper_files(Path(config.config_file_path).parent / DEFAULT_MAP)
            self.paper = frozenset(self.paper_by_id.values())
        except EditionError as error:
            raise PluginError(f"glossary: {error}") from None
        teach_jieba(self.glossary)
        self.mentions = MentionIndex()
        self._counts = None
        matcher = TermMatcher(self.glossary.terms())
        self.extension = AutoLinkExtension(matcher, self.glossary.by_path, self.mentions.record)
        self.frame = FrameExtension()
        # A config built twice (as `mkdocs serve` may) must not link or frame twice.
        ours = (AutoLinkExtension, FrameExtension)
        config.markdown_extensions[:] = [
            ext for ext in config.markdown_extensions if not isinstance(ext, ours)
        ]
        config.markdown_extensions += [self.extension, self.frame]

    def reset(self) -> None:
        """Start a (re)build from an empty mention index."""
        self.mentions.reset()
        self._counts = None
        self._citations_checked = False

    def set_nav(self, nav, files) -> None:
        """Remember the reading order, for backlinks in the order a reader meets them."""
        self.rank = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
        self.files = files
        place_entries(self.glossary, nav, files, INDEX_PAGE, GLOSSARY_TAB)

    def page_markdown(self, markdown: str, page) -> str:
        """Tell the linker which page it is on; frame an entry's text with its header and
        sources; lay out generated pages."""
        path = page.file.src_uri
        self.extension.page_path = path
        self.frame.set([], [])
        entry = self.glossary.by_path.get(path)
        if entry is not None:
            page.meta.setdefault("tags", search_keys(entry))
            before = entry_header(entry, INDEX_PAGE, self.paper_by_id)
            after = entry_history(entry, self.paper_by_id) + entry_sources(entry)
            self.frame.set(before, after)
            return markdown
        if path in GENERATED:
            name = GENERATED[path]
            return fill(markdown, show.ROOM, name, show.skeleton(name, self.glossary))
        if path == since.PAGE:
            feed = get_relative_url(since.FEED_FILE, page.url)
            made = since.page_markdown(self.glossary, feed)
            return fill(markdown, show.ROOM, since.PLACEHOLDER, made)
        if path == SOURCES_PAGE:
            self.frame.set([], show.sources_page(self.glossary, path))
            return fill(markdown, show.ROOM, show.SOURCES, "")
        return markdown

    def page_content(self, page) -> None:
        """Fill a generated page's lists, or end an entry's page with its backlinks."""
        if not self._citations_checked:
            self._check_paper_citations()
        path = page.file.src_uri
        if path in GENERATED:
            self._fill_lists(page, GENERATED[path])
        if path in self.glossary.by_path:
            page.content += self._backlinks(page)

    def _check_paper_citations(self) -> None:
        """Every ``paper:<id>`` in the entries' front matter names a paragraph (or heading, or
        table row) that the converted paper has; the first that does not stops the build."""
        self._citations_checked = True
        ids: set[str] = set()
        for path in self.paper:
            file = self.files.src_uris.get(path)
            if file is not None and file.page is not None and file.page.content:
                ids.update(anchors(file.page.content))
        for entry in self.glossary.entries:
            for anchor, line in entry.paper_citations():
                if anchor not in ids:
                    raise PluginError(
                        f"glossary: docs/{entry.path}:{line}: paper:{anchor} names no paragraph "
                        "of the paper (see the ids after each paragraph, {: #… })"
                    )

    def write_feed(self, config) -> None:
        """Write the Atom feed of the changes since the paper at the site's root."""
        site_url = config.site_url or ""

        def entry_url(entry) -> str:
            return site_url.rstrip("/") + "/" + self.files.src_uris[entry.path].url

        feed = since.feed_xml(self.glossary, site_url, entry_url)
        (Path(config.site_dir) / since.FEED_FILE).write_bytes(feed)

    def _paper_counts(self):
        if self._counts is None:
            self._counts = self.mentions.counts(self.paper)
        return self._counts

    def _url(self, path: str, page) -> str:
        return get_relative_url(self.files.src_uris[path].url, page.url)

    def _fill_lists(self, page, name: str) -> None:
        ctx = show.ListContext(
            url=lambda entry: self._url(entry.path, page),
            count=lambda entry: self._paper_counts()[entry.path],
        )
        page.content = show.fill_lists(name, self.glossary, page.content, ctx)

    def _backlinks(self, page) -> str:
        pages, related = [], []
        for source, mentions in self.mentions.for_entry(page.file.src_uri, self.rank):
            other = self.files.src_uris[source].page
            url = self._url(source, page)
            if source in self.paper:
                items = [(f"{url}#{m.block_id}" if m.block_id else url, m) for m in mentions]
                pages.append((other.title, url, items))
            elif source in self.glossary.by_path:
                related.append((other.title, url))
        if not pages:
            log.warning(
                "docs/%s: no title or alias of this entry occurs in the paper's text; "
                "fix its aliases or remove the entry",
                page.file.src_uri,
            )
        return show.backlinks_html(pages, related)

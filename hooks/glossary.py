"""MkDocs hook: auto-link glossary terms on every page, and give each entry its backlinks.

The logic lives in ``build_tools`` (glossary, matcher, autolink, mentions, glossary_pages);
this module only wires it to MkDocs' events. MkDocs converts every page's Markdown before it
renders any template, so by ``on_page_context`` the mention index is complete.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils import get_relative_url

from build_tools import glossary_pages as show
from build_tools.autolink import AutoLinkExtension
from build_tools.errors import EditionError
from build_tools.glossary import is_entry_path, load_glossary
from build_tools.matcher import TermMatcher
from build_tools.mentions import MentionIndex

log = get_plugin_logger("glossary")

INDEX_PAGE = "glossary/index.md"
GENERATED = {
    INDEX_PAGE: "index",
    "glossary/legal-framework.md": "framework",
    "glossary/timeline.md": "timeline",
}
# Pages that are not the paper's text: their mentions are not backlinks.
NOT_PAPER = ("glossary/", "about/", "developers/", "index.md", "print.md")


class _Build:
    """What one build knows: the glossary, the linker, the mentions, the reading order."""

    def __init__(self) -> None:
        self.glossary = None
        self.extension: AutoLinkExtension | None = None
        self.mentions = MentionIndex()
        self.rank: dict[str, int] = {}
        self.files = None
        self.counts = None


state = _Build()


def is_paper(path: str) -> bool:
    """Whether a page is part of the paper (its mentions become backlinks)."""
    return not path.startswith(NOT_PAPER)


def on_config(config):
    """Read the glossary and add the auto-linker to Python-Markdown, once per build."""
    try:
        state.glossary = load_glossary(Path(config.docs_dir))
    except EditionError as error:
        raise PluginError(f"glossary: {error}") from None
    state.mentions = MentionIndex()
    matcher = TermMatcher(state.glossary.terms())
    state.extension = AutoLinkExtension(matcher, state.glossary.by_path, state.mentions.record)
    # A config built twice (as `mkdocs serve` may) must not link twice.
    config.markdown_extensions[:] = [
        ext for ext in config.markdown_extensions if not isinstance(ext, AutoLinkExtension)
    ]
    config.markdown_extensions.append(state.extension)
    return config


def on_pre_build(config):
    """Start every build (each rebuild of `mkdocs serve` too) from an empty mention index."""
    state.mentions.reset()
    state.counts = None


def on_nav(nav, config, files):
    """Remember the reading order, for backlinks in the order a reader meets them."""
    state.rank = {page.file.src_uri: index for index, page in enumerate(nav.pages)}
    state.files = files
    return nav


def on_page_markdown(markdown, page, config, files):
    """Tell the linker which page it is on; add an entry's header; fill the generated lists."""
    path = page.file.src_uri
    state.extension.page_path = path
    entries = state.glossary.by_path
    if path in entries:
        return show.entry_header(entries[path], INDEX_PAGE) + markdown
    if path in GENERATED:
        name = GENERATED[path]
        return markdown.replace(show.MARKERS[name], show.skeleton(name, state.glossary))
    return markdown


@event_priority(-50)  # after the search plugin: backlinks are not worth indexing
def on_page_context(context, page, config, nav):
    """Add backlinks to an entry's page; write the glossary's lists where their markers are."""
    path = page.file.src_uri
    if path in GENERATED:
        _fill_lists(page, GENERATED[path])
    if path in state.glossary.by_path:
        page.content += _backlinks(page)
    return context


def _paper_counts():
    if state.counts is None:
        state.counts = state.mentions.counts({p for p in state.mentions.by_page if is_paper(p)})
    return state.counts


def _fill_lists(page, name: str) -> None:
    """Fill a generated page's lists, now that every mention is counted."""
    ctx = show.ListContext(
        url=lambda entry: get_relative_url(
            state.files.get_file_from_path(entry.path).url, page.url
        ),
        count=lambda entry: _paper_counts()[entry.path],
    )
    page.content = show.fill_lists(name, state.glossary, page.content, ctx)


def _backlinks(page) -> str:
    pages, related = [], []
    for source, mentions in state.mentions.for_entry(page.file.src_uri, state.rank):
        other = state.files.get_file_from_path(source).page
        url = get_relative_url(other.url, page.url)
        if is_paper(source):
            items = [(f"{url}#{m.block_id}" if m.block_id else url, m) for m in mentions]
            pages.append((other.title, url, items))
        elif is_entry_path(source):
            related.append((other.title, url))
    if not pages:
        log.warning(
            "docs/%s: no title or alias of this entry occurs in the paper's text; "
            "fix its aliases or remove the entry",
            page.file.src_uri,
        )
    return show.backlinks_html(pages, related)

"""MkDocs hook: fills the Annotations page with every editor's note, at build time.

The scanning and the rendering live in ``build_tools.annotations``; this module only hands it
the pages' Markdown in reading order and puts the result where the page's marker is.
"""

from __future__ import annotations

from build_tools.annotations import MARKER, collect, fill

_order: list[str] = []


def on_config(config):
    """Forget the previous build's reading order (``mkdocs serve`` imports hooks once)."""
    _order.clear()
    return config


def on_nav(nav, config, files):
    """Remember the reading order of the pages in the navigation."""
    _order[:] = [page.file.src_uri for page in nav.pages]
    return nav


def on_page_markdown(markdown, page, config, files):
    """Replace the marker, on the page that has it, with the list of every editor's note."""
    if MARKER not in markdown:
        return markdown
    sources = {
        file.src_uri: file.content_string
        for file in files.documentation_pages()
        if file.src_uri != page.file.src_uri
    }
    return fill(markdown, collect(sources, _order), page.file.src_uri)

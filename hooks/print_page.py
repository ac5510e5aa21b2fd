"""MkDocs hook: the whole-paper page prints cleanly and stays out of search.

Its text is the paper again, so searching it would show every result twice; and it is read
without the side navigation.
"""

from __future__ import annotations

from build_tools.print_page import PRINT_FILE


def on_page_markdown(markdown, page, config, files):
    """Mark the whole-paper page: excluded from search, no navigation or contents sidebars."""
    if page.file.src_uri == PRINT_FILE:
        page.meta.setdefault("search", {})["exclude"] = True
        page.meta.setdefault("hide", ["navigation", "toc"])
    return markdown

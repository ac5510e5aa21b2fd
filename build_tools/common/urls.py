"""Relative URLs between the site's pages, as MkDocs' ``get_relative_url`` makes them, but fast.

The glossary's backlinks and the figures link tens of thousands of times in a large build, and
``get_relative_url`` computes a relative path afresh each time. The way from one folder to
another is the same for every file in them, so it is computed once per pair of folders.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


@lru_cache(maxsize=4096)
def _between(folder: str, base: str) -> str:
    """The relative way from the folder ``base`` to the folder ``folder`` (both site URLs)."""
    return posixpath.relpath("/" + folder, "/" + base)


def relative_url(url: str, other: str) -> str:
    """``url`` relative to the page at ``other``: what ``mkdocs.utils.get_relative_url`` returns."""
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    folder, name = posixpath.split(url)
    if name in ("", ".", ".."):  # a folder: the way to it is the whole answer
        way = _between(url, other)
        return way + "/" if url.endswith("/") else way
    way = _between(folder, other)
    return name if way == "." else f"{way}/{name}"

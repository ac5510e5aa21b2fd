"""Every ranking weight the edition gives search, in one place, with the reason for each.

Material's search plugin ranks a result by its fields and by the page's ``search.boost``. Two
weights live in ``mkdocs.yml`` because only the plugin's configuration can set them:
``fields: {title: {boost: 10}, text: {boost: 1}}`` (Material's default weighs a title 1,000
times the text, so a glossary entry named like the query buried the paper's passage that says
it). The page weights are set here, at build time, by ``hooks/search.py``.
"""

from __future__ import annotations

from build_tools.glossary.entries import is_entry_path

# The paper's own pages rank above the glossary and the about pages for the same words.
PAPER_BOOST = 2
# An entry's title matches a query strongly: this keeps the paper's passages ahead of the
# entries that merely share a word with the query.
ENTRY_BOOST = 0.2
# Pages readers look for by their own name ("since the paper"), whose words the paper shares: the
# paper's boost would bury them under passages that merely say "paper".
PAGE_BOOSTS = {"glossary/since-the-paper.md": 3}


def page_boost(path: str, paper_pages: frozenset[str]) -> float | None:
    """The search boost of the page at ``path`` (under ``docs/``), or None for the default."""
    if path in PAGE_BOOSTS:
        return PAGE_BOOSTS[path]
    if path in paper_pages:
        return PAPER_BOOST
    if is_entry_path(path):
        return ENTRY_BOOST
    return None


_ADDED = "_edition_boost"


def set_boost(page, paper_pages: frozenset[str]) -> None:
    """Give a page its boost, unless its front matter sets one (a contributor's word wins).

    Set just before the search plugin reads it and taken away once the page is written
    (``clear_boost``): Material's navigation template looks into every page's ``meta`` on every
    page it renders, so a ``meta`` left non-empty on a thousand pages costs a million lookups.
    """
    boost = page_boost(page.file.src_uri, paper_pages)
    search = page.meta.get("search")
    if boost is not None and not (isinstance(search, dict) and "boost" in search):
        page.meta.setdefault("search", {})["boost"] = boost
        page.meta[_ADDED] = True


def clear_boost(page) -> None:
    """Take away the boost ``set_boost`` added (and the ``search`` mapping if it was only that)."""
    if page.meta.pop(_ADDED, False):
        search = page.meta["search"]
        search.pop("boost", None)
        if not search:
            del page.meta["search"]

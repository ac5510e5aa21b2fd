"""The mention index: which page and paragraph mentions which glossary entry, for backlinks.

It is filled while pages are turned into HTML and read when glossary pages are rendered. Each
page's mentions replace that page's previous ones, so a rebuild (``mkdocs serve``) can never
count a mention twice.
"""

from __future__ import annotations

from collections import Counter

from build_tools.glossary.autolink import Mention


class MentionIndex:
    """Mentions by page, with lookups by entry in reading order."""

    def __init__(self) -> None:
        self.by_page: dict[str, list[Mention]] = {}
        self._by_entry: dict[str, dict[str, list[Mention]]] | None = None

    def reset(self) -> None:
        """Forget everything: called at the start of every build."""
        self.by_page.clear()
        self._by_entry = None

    def record(self, page: str, mentions: list[Mention]) -> None:
        """Set the mentions of one page (replacing what an earlier build recorded)."""
        self.by_page[page] = list(mentions)
        self._by_entry = None

    def _entries(self) -> dict[str, dict[str, list[Mention]]]:
        """Mentions by entry, then by page: built once, after the last page is recorded."""
        if self._by_entry is None:
            self._by_entry = {}
            for page, mentions in self.by_page.items():
                for mention in mentions:
                    self._by_entry.setdefault(mention.key, {}).setdefault(page, []).append(mention)
        return self._by_entry

    def for_entry(self, key: str, rank: dict[str, int]) -> list[tuple[str, list[Mention]]]:
        """The pages that mention ``key`` in reading order (``rank``: page → position)."""
        pages = self._entries().get(key, {})
        ordered = sorted(pages, key=lambda page: (rank.get(page, len(rank)), page))
        return [(page, pages[page]) for page in ordered]

    def counts(self, pages: set[str] | None = None) -> Counter:
        """Mentions per entry, on ``pages`` (all pages if None)."""
        counter: Counter = Counter()
        for page, mentions in self.by_page.items():
            if pages is None or page in pages:
                counter.update(m.key for m in mentions)
        return counter

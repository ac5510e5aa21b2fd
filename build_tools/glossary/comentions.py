"""Co-mentions: which glossary entries the paper names in the same paragraph, and where.

Read from the mention index once every page is converted. Only the paper's own pages count
(editor's notes and the glossary's pages are not the paper), and a paragraph counts once per
pair however often it names them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from build_tools.glossary.autolink import Mention


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the paper: its page (docs path) and its id."""

    page: str
    block_id: str


class CoMentions:
    """Pairs of entries named in the same paragraphs, with the paragraphs in reading order."""

    def __init__(
        self,
        by_page: Mapping[str, Iterable[Mention]],
        paper: Iterable[str],
        rank: Mapping[str, int],
    ) -> None:
        paper = set(paper)
        self.mentions: Counter = Counter()
        self.meetings: dict[tuple[str, str], list[Paragraph]] = {}
        self._partners: dict[str, list[tuple[str, list[Paragraph]]]] | None = None
        ordered = sorted(paper & set(by_page), key=lambda page: (rank.get(page, len(rank)), page))
        for page in ordered:
            blocks: dict[str, set[str]] = {}
            for mention in by_page[page]:
                self.mentions[mention.key] += 1
                if mention.block_id:
                    blocks.setdefault(mention.block_id, set()).add(mention.key)
            for block_id, keys in blocks.items():
                for pair in combinations(sorted(keys), 2):
                    self.meetings.setdefault(pair, []).append(Paragraph(page, block_id))

    def edges(self) -> list[tuple[str, str, int]]:
        """Every pair (a, b, paragraphs in common), a before b, sorted."""
        return [(a, b, len(where)) for (a, b), where in sorted(self.meetings.items())]

    def partners(self, key: str) -> list[tuple[str, list[Paragraph]]]:
        """The entries named with ``key``: most paragraphs in common first, then most mentioned,
        then by path; each with the paragraphs where they meet, in reading order."""
        if self._partners is None:  # every entry's partners, gathered in one pass
            self._partners = {}
            for (a, b), where in self.meetings.items():
                self._partners.setdefault(a, []).append((b, where))
                self._partners.setdefault(b, []).append((a, where))
        found = self._partners.get(key, [])
        return sorted(found, key=lambda item: (-len(item[1]), -self.mentions[item[0]], item[0]))

    def connected(self) -> list[str]:
        """The entries named with at least one other, sorted."""
        return sorted({key for pair in self.meetings for key in pair})

"""Find every mention of many terms in a text in one pass, leftmost-longest, whole words only.

A flat alternation ``(?:t1|t2|…)`` makes CPython's ``re`` try each term at each position, so
its cost is text × terms. Here the terms are folded into a trie and the trie is written as one
regular expression: at a position, ``re`` follows one branch per character, so the cost grows
with the text and barely with the number of terms. The greedy trie tries the longest term first
and backtracks to a shorter one only if the longer one does not end on a word boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Typographic and typewriter apostrophes match each other: the seed prints ’, contributors type '.
APOSTROPHES = "’'"
_WORD_START = r"(?<!\w)"
_WORD_END = r"(?!\w)"


@dataclass(frozen=True)
class Match:
    """One mention: where it is in the text, and the key of the term it matched."""

    start: int
    end: int
    key: str


def normalise(term: str) -> str:
    """The form under which terms are compared: one apostrophe, single spaces."""
    return " ".join(term.replace("'", "’").split())


class TermMatcher:
    """All terms compiled into one trie-shaped regular expression, built once per build."""

    def __init__(self, terms: dict[str, str]):
        """``terms`` maps each term (as it is written) to the key it stands for."""
        self.keys: dict[str, str] = {}
        trie: dict = {}
        for term, key in terms.items():
            form = normalise(term)
            if not form:
                continue
            self.keys[form] = key
            node = trie
            for char in form:
                node = node.setdefault(char, {})
            node[""] = True
        pattern = _trie_pattern(trie) if trie else "(?!)"
        self.regex = re.compile(f"{_WORD_START}(?:{pattern}){_WORD_END}")

    def find(self, text: str) -> Iterator[Match]:
        """Every mention in ``text``, left to right, never overlapping, longest first."""
        for found in self.regex.finditer(text):
            key = self.keys[normalise(found.group())]
            yield Match(found.start(), found.end(), key)


def _char_pattern(char: str) -> str:
    if char == "’":
        return f"[{APOSTROPHES}]"
    if char == " ":
        return r"\s+"
    return re.escape(char)


def _trie_pattern(node: dict) -> str:
    """The regular expression of a trie node: branches longest-first, the end marker last."""
    branches = [
        _char_pattern(char) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char != ""
    ]
    ends_here = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body

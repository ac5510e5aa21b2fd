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
        for term, key in terms.items():
            form = normalise(term)
            if form:
                self.keys[form] = key
        # A name matches with its first letter capitalised or not ("Internet courts" at the
        # start of a sentence, "internet courts" inside one): no alias needs writing twice.
        for form, key in list(self.keys.items()):
            self.keys.setdefault(_other_case(form), key)
        pattern = _root_pattern(set(self.keys)) if self.keys else "(?!)"
        self.regex = re.compile(f"{_WORD_START}(?:{pattern}){_WORD_END}")

    def find(self, text: str) -> Iterator[Match]:
        """Every mention in ``text``, left to right, never overlapping, longest first."""
        for found in self.regex.finditer(text):
            key = self.keys[normalise(found.group())]
            yield Match(found.start(), found.end(), key)


def _other_case(form: str) -> str:
    """The form with its first letter's case swapped."""
    return form[:1].swapcase() + form[1:]


def _case_pair(char: str) -> str | None:
    """One letter of a pair of cases (D and d; not ß, whose other case is SS), else None."""
    other = char.swapcase()
    if other == char or len(other) != 1 or other.swapcase() != char:
        return None
    return min(char, other)


def _root_pattern(forms: set[str]) -> str:
    """The trie's pattern, both cases of a first letter sharing one branch (``[Dd]ata…``).

    Every name comes in both cases of its first letter, so the trie under ``D`` and the trie
    under ``d`` are the same: writing it once halves the pattern, and the time to compile it.
    A letter some of whose forms come in one case only keeps a branch per case.
    """
    one_case = {_case_pair(form[0]) for form in forms if _other_case(form) not in forms}
    shared = {_case_pair(form[0]) for form in forms} - one_case - {None}

    def fold(form: str) -> str:  # both cases of a shared first letter written as one
        pair = _case_pair(form[0])
        return pair + form[1:] if pair in shared else form

    folded = sorted({fold(form) for form in forms})
    branches, start = [], 0
    while start < len(folded):
        char = folded[start][0]
        end = start + 1
        while end < len(folded) and folded[end][0] == char:
            end += 1
        head = f"[{char}{char.swapcase()}]" if char in shared else _literal(char)
        branches.append(head + _pattern(folded, start, end, 1))
        start = end
    return "|".join(branches)


def _literal(text: str) -> str:
    """``text`` as a pattern: any run of whitespace for a space, either apostrophe for ’."""
    return re.escape(text).replace("\\ ", r"\s+").replace("’", f"[{APOSTROPHES}]")


def _pattern(forms: list[str], low: int, high: int, depth: int) -> str:
    """The pattern of the sorted ``forms[low:high]``, which share their first ``depth`` chars.

    It is the pattern of their trie: siblings in character order, the longest branch tried
    first, a term that ends here made optional (``(?:…)?``). A run of characters the forms all
    share is written at once, without a node per character.
    """
    first, last = forms[low], forms[high - 1]
    ends_here = len(first) == depth  # sorted: a form that ends here comes first
    start = low + 1 if ends_here else low
    if start == high:
        return ""
    if not ends_here:
        shared = depth
        first = forms[start]
        limit = min(len(first), len(last))
        while shared < limit and first[shared] == last[shared]:
            shared += 1
        if shared > depth:  # one branch only: its run of shared characters, then the rest
            return _literal(first[depth:shared]) + _pattern(forms, start, high, shared)
    branches = []
    while start < high:
        char = forms[start][depth]
        end = start + 1
        while end < high and forms[end][depth] == char:
            end += 1
        branches.append(_literal(char) + _pattern(forms, start, end, depth + 1))
        start = end
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body

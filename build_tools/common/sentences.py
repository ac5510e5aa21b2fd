"""The one sentence splitter: where a sentence of the paper or of a note ends.

A sentence ends at ``.``, ``!`` or ``?`` (a closing quote may follow) before white space and a
capital, a digit, an opening quote or bracket, a dash or a code span. Abbreviations such as
"U.S." before a capital are rare in the paper and accepted as a cut.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])[”’]?\s+(?=[“‘(—`]?\s*[A-Z0-9])")


def sentence_ends(text: str) -> list[int]:
    """The offsets in ``text`` where a new sentence starts."""
    return [match.end() for match in SENTENCE_END.finditer(text)]


def first_sentence(text: str) -> str:
    """The first sentence of ``text``."""
    return SENTENCE_END.split(text, maxsplit=1)[0]

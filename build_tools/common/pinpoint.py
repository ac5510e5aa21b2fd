"""Pinpoints: how a paragraph id reads for people ("Ch. II, sec. 1, para. 3").

Ids stay the anchors (``ch2-s1-p3``); this turns them into the labels that backlinks, citations
and entries show. The grammar is the converter's: ``ch<n>[-s<k>][-p<m>]``, ``panel<n>[-p<m>]``,
``panel<n>-table[-r<k>]``, ``preface-p<m>``, ``conclusion-p<m>``.
"""

from __future__ import annotations

import re

_ID = re.compile(
    r"^(?:(?P<ch>ch)(?P<chn>\d+)|(?P<panel>panel)(?P<pn>\d+)|(?P<part>preface|conclusion))"
    r"(?:-s(?P<s>\d+))?(?:-(?P<table>table))?(?:-r(?P<r>\d+))?(?:-p(?P<p>\d+))?$"
)
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """A chapter number as the paper prints it: 2 → II."""
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def part_of(anchor: str) -> str:
    """The id of the part or panel an anchor belongs to: ``ch2-s1-p3`` → ``ch2``."""
    return anchor.split("-", 1)[0]


def label(anchor: str, style: str = "short") -> str:
    """The anchor as people read it; ``style="citation"`` gives the lower-case form used in
    pinpoint citations ("ch. II, sec. 1, para. 3"). An id outside the grammar is returned as is."""
    match = _ID.match(anchor)
    if not match:
        return anchor
    if match["ch"]:
        words = [f"Ch. {roman(int(match['chn']))}"]
    elif match["panel"]:
        words = [f"Panel {match['pn']}"]
    else:
        words = [match["part"].capitalize()]
    if match["s"]:
        words.append(f"sec. {match['s']}")
    if match["table"]:
        words.append("table")
    if match["r"]:
        words.append(f"row {match['r']}")
    if match["p"]:
        words.append(f"para. {match['p']}")
    text = ", ".join(words)
    return text[0].lower() + text[1:] if style == "citation" and match["ch"] else text

"""Writing SVG and HTML as text: escaped, numbers rounded, attributes in a fixed order, so the
same figure is always the same bytes (and no drawing library's serialiser decides them).

Text width is estimated, not measured: the build cannot see the reader's font. The figure
stylesheet asks for Helvetica or Arial (or their metric twin, Liberation Sans), whose character
widths are below; the estimate adds a margin, and labels that might not fit are shortened.
"""

from __future__ import annotations

import html
import re

# Advance widths of Helvetica/Arial, in thousandths of an em; other characters count as wide.
_WIDTHS = {
    222: "ijl'’‘",
    278: " ftI.,:;/!|[]",
    333: 'r()-"“”',
    500: "cksvxyzJ",
    556: "abdeghnopqu0123456789L–_$#",
    584: "+=<>",
    611: "FTZ",
    667: "ABEKPSVXY&",
    722: "CDHNRUw",
    778: "GOQ",
    833: "mM",
    944: "W",
}
CHAR_WIDTH = {char: width / 1000 for width, chars in _WIDTHS.items() for char in chars}
WIDE = 1.0  # anything else (capitals with accents, Chinese, the ellipsis) counts as 1 em
MARGIN = 1.06  # other fonts of the stack run a little wider
ELLIPSIS = "…"
_TRAILING_PARENTHESES = re.compile(r"\s*\([^()]*\)$")
# HTML elements that may not be self-closed (``<td/>`` would swallow the rest of the row).
HTML_CONTAINERS = frozenset(
    {"a", "caption", "details", "div", "figcaption", "figure", "li", "ol", "p", "span"}
    | {"summary", "table", "tbody", "td", "th", "thead", "tr", "ul"}
)


def num(value: float) -> str:
    """A coordinate as text: one decimal at most, no trailing zero, never "-0"."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def _value(value) -> str:
    if isinstance(value, float):
        return num(value)
    return html.escape(str(value), quote=True)


def tag(name: str, attributes: dict | None = None, *children: str) -> str:
    """One element: attributes in the order given (None leaves one out), children as given.

    An SVG element without children is written self-closed, which HTML accepts inside ``<svg>``.
    """
    attrs = "".join(
        f' {key}="{_value(value)}"'
        for key, value in (attributes or {}).items()
        if value is not None
    )
    if not children and name not in HTML_CONTAINERS:
        return f"<{name}{attrs}/>"
    return f"<{name}{attrs}>{''.join(children)}</{name}>"


def text(content: str) -> str:
    """Text content, escaped."""
    return html.escape(content, quote=False)


def text_width(content: str, size: float) -> float:
    """The estimated width of a line of text at font size ``size`` (bold: a size 8% larger)."""
    return sum(CHAR_WIDTH.get(char, WIDE) for char in content) * size * MARGIN


def shorten(content: str, width: float, size: float) -> str:
    """The text cut at a word boundary, with an ellipsis, to fit ``width``; whole if it fits."""
    if text_width(content, size) <= width:
        return content
    words = content.split()
    while words and text_width(" ".join(words) + ELLIPSIS, size) > width:
        words.pop()
    if not words:
        return ELLIPSIS
    return " ".join(words).rstrip(",;:–—-") + ELLIPSIS


def abbreviate(content: str, width: float, size: float) -> str:
    """A name shortened in the middle to fit ``width``: its first word, an ellipsis, and as
    many of its last words as fit ("Regulations … Blockchain Information Services"), so that
    the words that tell names apart stay. Whole if it fits; a closing parenthesis is dropped
    first; cut at the end if nothing else fits.
    """
    if text_width(content, size) <= width:
        return content
    bare = _TRAILING_PARENTHESES.sub("", content)  # "(2017 Revision)" goes first
    if bare != content:
        return abbreviate(bare, width, size)
    words = content.split()
    for tail in range(len(words) - 2, 0, -1):
        if not words[-tail][:1].isupper():  # not from "of", "the", "(2013 Revision)", …
            continue
        candidate = f"{words[0]} {ELLIPSIS} {' '.join(words[-tail:])}"
        if text_width(candidate, size) <= width:
            return candidate
    return shorten(content, width, size)

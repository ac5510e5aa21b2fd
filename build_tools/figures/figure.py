"""What every figure shares: where its links lead, and the HTML around its SVG.

A figure is an inline SVG (readable without JavaScript; its colours are set by the figures'
CSS, ``data/figures.css``, so that both palettes and print work) inside a ``<figure>`` whose
caption holds the key, followed by a ``<details>`` table that says the same for screen readers
and for readers who prefer tables. The scroll box keeps a wide figure from widening the page
on a phone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.figures.svg import num, tag, text

WIDTH = 720  # every figure's width in SVG units: its natural size on a desktop page
STYLE_FILE = Path(__file__).with_name("data") / "figures.css"
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


@dataclass(frozen=True)
class Links:
    """Where a figure's links lead, as URLs relative to the page that shows it."""

    entry: Callable[[str], str]  # an entry's docs path → its URL
    paragraph: Callable[[str], str]  # a paragraph id of the paper → its URL, with the anchor


@dataclass(frozen=True)
class Figure:
    """A drawn figure: its SVG content, the words around it, and the same as a table."""

    name: str
    title: str
    description: str
    height: float
    body: str
    caption: str
    table: str
    summary: str = "The same as a table"


def figure_html(figure: Figure, style: str) -> str:
    """The HTML of a figure: the figure with its caption, then the table.

    ``style`` is the figures' CSS, written inside the SVG: only pages with a figure carry it,
    and the edition's stylesheets, which every page loads, stay as small as they were.
    """
    ident = f"figure-{figure.name}"
    svg = tag(
        "svg",
        {
            "class": "figure-svg",
            "width": WIDTH,
            "height": num(figure.height),
            "viewBox": f"0 0 {WIDTH} {num(figure.height)}",
            "role": "group",
            "aria-labelledby": f"{ident}-title",
            "aria-describedby": f"{ident}-desc",
        },
        tag("title", {"id": f"{ident}-title"}, text(figure.title)),
        tag("desc", {"id": f"{ident}-desc"}, text(figure.description)),
        tag("style", {}, style),
        figure.body,
    )
    return "\n".join(
        [
            tag(
                "figure",
                {"class": "edition-figure", "id": ident},
                tag("div", {"class": "figure-scroll"}, svg),
                tag("figcaption", {}, figure.caption),
            ),
            tag(
                "details",
                {"class": "figure-table", "id": f"{ident}-table"},
                tag("summary", {}, text(figure.summary)),
                tag("div", {"class": "figure-table-scroll"}, figure.table),
            ),
        ]
    )


def read_style(path: Path = STYLE_FILE) -> str:
    """The figures' CSS, comments and line breaks taken out (it is written into every figure)."""
    css = " ".join(_COMMENT.sub("", path.read_text(encoding="utf-8")).split())
    if "<" in css or "&" in css:  # inside <svg> the HTML parser would read them as markup
        raise EditionError(path, None, "the figures' CSS may not contain '<' or '&'")
    return css


def table(headers: list[str], rows: list[list[str]], caption: str) -> str:
    """An HTML table; cells are HTML already (escape text with ``svg.text``)."""
    head = tag("tr", {}, *(tag("th", {"scope": "col"}, text(h)) for h in headers))
    body = [tag("tr", {}, *(tag("td", {}, cell) for cell in row)) for row in rows]
    return tag(
        "table",
        {},
        tag("caption", {}, text(caption)),
        tag("thead", {}, head),
        tag("tbody", {}, "\n".join(body)),
    )


def link(href: str, content: str) -> str:
    """An HTML link; ``content`` is HTML already."""
    return tag("a", {"href": href}, content)


def plural(count: int, one: str, many: str | None = None) -> str:
    """A count with its noun: "1 mention", "2 mentions", "3 entries" (``many`` if irregular)."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def key_item(css_class: str, words: str) -> str:
    """An item of a figure's key: a mark drawn as the figure draws it (hidden from screen
    readers, which read the words), then the words (HTML), kept on one line."""
    mark = tag(
        "svg",
        {"class": f"figure-swatch {css_class}", "width": 14, "height": 14, "aria-hidden": "true"},
        tag("circle", {"cx": 7, "cy": 7, "r": 5}),
    )
    return tag("span", {"class": "figure-key"}, f"{mark} {words}")

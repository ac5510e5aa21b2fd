"""The legal framework figure: the levels of China's legal instruments, the Constitution first,
each level with its count (a bar, to compare at a glance) and a linked chip for every
instrument the glossary holds.

The levels and their order are the glossary's (``glossary_types.yml``), so a new level or a new
entry appears here without touching this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from build_tools.figures.figure import WIDTH, Figure, Links, link, plural, table
from build_tools.figures.settings import Settings
from build_tools.figures.svg import abbreviate, tag, text, text_width
from build_tools.glossary.entries import Entry, EntryType, entry_types

MARGIN = 12
NAME_WIDTH = 200  # the column of level names and bars
BAR_HEIGHT = 6
CHIP_SIZE = 11
CHIP_HEIGHT = 20
CHIP_PAD = 6
CHIP_GAP = 6
CHIP_MAX = 300
BAND_PAD = 8
BAND_GAP = 4
BAND_MIN = 54


@dataclass(frozen=True)
class Level:
    """One level of the framework: its kind of instrument, its entries A–Z, its colour class."""

    kind: EntryType
    entries: list[Entry]
    css: str

    @property
    def name(self) -> str:
        """The level as the Legal framework page numbers it: "1. Laws"."""
        return f"{self.kind.level}. {self.kind.heading}"


def levels(entries: Iterable[Entry], settings: Settings) -> list[Level]:
    """Each level with its entries, highest level first."""
    entries = list(entries)
    kinds = sorted((k for k in entry_types() if k.level is not None), key=lambda k: k.level)
    return [
        Level(
            kind,
            sorted((e for e in entries if e.type == kind.type), key=_order),
            f"kind-{settings.kind_of(kind.type).index}",
        )
        for kind in kinds
    ]


def _order(entry: Entry) -> tuple[str, str]:
    return entry.title.casefold(), entry.path


def _tooltip(entry: Entry, mentions: int) -> str:
    year = f", {entry.year.value}" if entry.year else ""
    return f"{entry.title}: {entry.type}{year}; {plural(mentions, 'mention')} in the paper"


def _chips(level: Level, top: float, links: Links, mentions) -> tuple[list[str], float]:
    """Chips flowed left to right, line by line; returns them and the height they take."""
    left, right = MARGIN + NAME_WIDTH, WIDTH - MARGIN
    x, y, out = left, top, []
    for entry in level.entries:
        label = abbreviate(entry.title, CHIP_MAX, CHIP_SIZE)
        width = text_width(label, CHIP_SIZE) + 2 * CHIP_PAD
        if x + width > right and x > left:
            x, y = left, y + CHIP_HEIGHT + CHIP_GAP
        out.append(
            tag(
                "a",
                {"class": f"chip {level.css}", "href": links.entry(entry.path)},
                tag("title", {}, text(_tooltip(entry, mentions.get(entry.path, 0)))),
                tag("rect", {"x": x, "y": y, "width": width, "height": CHIP_HEIGHT, "rx": 4}),
                tag("text", {"x": x + CHIP_PAD, "y": y + 14}, text(label)),
            )
        )
        x += width + CHIP_GAP
    if not level.entries:
        out.append(tag("text", {"x": left, "y": top + 14}, "none in the glossary yet"))
    return out, y - top + CHIP_HEIGHT


def _level_svg(level: Level, y: float, most: int, links: Links, mentions) -> tuple[str, float]:
    """A level's band: name, count bar and count, chips. Returns it and its height."""
    chips, chips_height = _chips(level, y + BAND_PAD, links, mentions)
    height = max(BAND_MIN, chips_height + 2 * BAND_PAD)
    bar = (NAME_WIDTH - 24) * len(level.entries) / most
    band = {"x": MARGIN, "y": y, "width": WIDTH - 2 * MARGIN, "height": height}
    parts = [
        tag("rect", {"class": "level-band", **band}),
        tag("text", {"class": "level-name", "x": MARGIN + 8, "y": y + 18}, text(level.name)),
        tag(
            "rect",
            {"class": f"level-bar {level.css}", "x": MARGIN + 8, "y": y + 24}
            | {"width": bar, "height": BAR_HEIGHT},
        ),
        tag(
            "text",
            {"class": "level-count", "x": MARGIN + 8, "y": y + 44},
            text(plural(len(level.entries), "instrument")),
        ),
    ]
    return "".join(parts + chips), height


def _table(found: list[Level], links: Links, mentions) -> str:
    rows = [
        [
            text(level.name),
            link(links.entry(e.path), text(e.title)),
            str(e.year.value) if e.year else "",
            str(mentions.get(e.path, 0)),
        ]
        for level in found
        for e in level.entries
    ]
    return table(
        ["Level", "Instrument", "Year", "Mentions in the paper"],
        rows,
        "Instruments by level, highest first",
    )


def framework_figure(
    entries: Iterable[Entry], settings: Settings, links: Links, mentions: Mapping[str, int]
) -> Figure:
    """The framework diagram; ``mentions`` gives each entry's mentions in the paper."""
    found = levels(entries, settings)
    most = max((len(level.entries) for level in found), default=0) or 1
    body, y = [], BAND_GAP
    for level in found:
        svg, height = _level_svg(level, y, most, links, mentions)
        body.append(svg)
        y += height + BAND_GAP
    counts = "; ".join(f"{level.kind.heading.lower()} {len(level.entries)}" for level in found)
    return Figure(
        name="framework",
        title="The levels of China’s cyber legislation, with the instruments the paper names",
        description=(
            "The levels of legal instrument, highest first, and how many instruments the glossary "
            f"holds at each: {counts}. Each instrument links to its entry."
        ),
        height=y,
        body="".join(body),
        caption=(
            "Levels from the Constitution down, as the glossary classifies its entries (the "
            "Legislation Law’s hierarchy, normative documents below the rules); the bars compare "
            "how many instruments each level holds. Names are shortened where space is short; "
            "every instrument shows its full name on hover and links to its entry."
        ),
        table=_table(found, links, mentions),
    )

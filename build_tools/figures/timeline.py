"""The timeline figure: every dated entry on a year axis, one lane per kind, the paper's three
stages of cyber legislation as bands behind them, and after the paper a band of its own, with a
lane for every event since (amendments, revisions, implementing rules: diamonds).

A mark is filled when the paper gives the year, hollow when the year comes from one of the
entry's sources. Marks that share a lane are stacked in rows; a mark gets a visible label when
the label fits in a row without covering another mark, and every mark has its full name as a
tooltip and in the table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from build_tools.common.pinpoint import label as pinpoint
from build_tools.figures.figure import WIDTH, Figure, Links, key_item, link, table
from build_tools.figures.settings import Kind, Settings, Stage
from build_tools.figures.svg import abbreviate, tag, text, text_width
from build_tools.glossary.entries import Entry
from build_tools.glossary.history import EVENTS, PAPER_DATE, Date, Event
from build_tools.glossary.since import PAGE as SINCE_PAGE

MARGIN = 12
STAGE_TOP, STAGE_HEIGHT = 4, 34
AXIS_Y = 58  # the axis line; year labels sit above it
LANE_HEAD = 20
ROW = 18
LANE_GAP = 6
RADIUS = 5
LABEL_SIZE = 11
LABEL_ROWS = 4  # rows a lane may grow to so that labels fit; beyond, marks go unlabelled
LABEL_MAX = 200


@dataclass(frozen=True)
class TimelineMark:
    """One dated entry on the timeline."""

    entry: Entry
    kind: Kind
    event: Event | None = None  # an event after the paper, drawn in the band after it

    @property
    def year(self) -> int:
        """The entry's year (the event's, for an event after the paper)."""
        return self.event.date.year if self.event else self.entry.year.value

    @property
    def from_paper(self) -> bool:
        """Whether the paper gives the year (else one of the entry's sources does)."""
        return self.event is None and self.entry.year.paper_anchor is not None

    @property
    def name(self) -> str:
        """What the mark's label and tooltip call it."""
        if self.event:
            return f"{self.entry.title}: {EVENTS[self.event.kind].lower()}"
        return self.entry.title

    @property
    def source(self) -> str:
        """Where its date comes from: paper:<id> or a url."""
        return self.event.source if self.event else self.entry.year.source


@dataclass(frozen=True)
class Placed:
    """A mark's place: centre x, row within its lane, and its label (None if no room)."""

    mark: TimelineMark
    x: float
    row: int
    label: str | None
    anchor: str  # "start": label right of the mark; "end": left of it


class Axis:
    """Columns from ``first`` to ``last``, with an "earlier" and a "later" column, double width,
    only when some year falls outside."""

    def __init__(self, first: int, last: int, years: Iterable[int]) -> None:
        years = list(years)
        self.first, self.last = first, last
        self.earlier = any(year < first for year in years)
        self.later = any(year > last for year in years)
        units = (last - first + 1) + 2 * self.earlier + 2 * self.later
        self.unit = (WIDTH - 2 * MARGIN) / units
        self.start = MARGIN + 2 * self.unit * self.earlier

    def left(self, year: int) -> float:
        """The left edge of a year's column."""
        return self.start + (year - self.first) * self.unit

    def x(self, year: int) -> float:
        """The centre of the column a year is drawn in."""
        if year < self.first:
            return MARGIN + self.unit
        if year > self.last:
            return WIDTH - MARGIN - self.unit
        return self.left(year) + self.unit / 2


def _overlaps(row: list[tuple[float, float]], span: tuple[float, float]) -> bool:
    return any(span[0] < right and left < span[1] for left, right in row)


def place(marks: list[TimelineMark], axis: Axis, mentions: Mapping[str, int]) -> list[Placed]:
    """Rows for one lane's marks. The most mentioned get their labels first, in the first of
    ``LABEL_ROWS`` rows where the label fits (right of the mark, else left of it); the rest are
    then drawn bare in the first row with room."""
    rows: list[list[tuple[float, float]]] = []
    placed: dict[tuple, Placed] = {}  # by entry and event (an entry has several since)
    by_weight = sorted(marks, key=lambda m: (-mentions.get(m.entry.path, 0), *_order(m)))
    for mark in by_weight:
        x = axis.x(mark.year)
        label = abbreviate(mark.name, LABEL_MAX, LABEL_SIZE)
        width = text_width(label, LABEL_SIZE)
        options = [
            ("start", (x - RADIUS - 2, x + RADIUS + 4 + width + 8)),
            ("end", (x - RADIUS - 4 - width - 8, x + RADIUS + 2)),
        ]
        options = [(a, s) for a, s in options if s[0] >= MARGIN / 2 and s[1] <= WIDTH - MARGIN / 2]
        spot = _free(rows, options, LABEL_ROWS)
        if spot:
            placed[(mark.entry.path, mark.event)] = _take(rows, spot, mark, x, label)
    for mark in sorted(marks, key=_order):
        if (mark.entry.path, mark.event) not in placed:
            x = axis.x(mark.year)
            spot = _free(rows, [("start", (x - RADIUS - 2, x + RADIUS + 2))], None)
            placed[(mark.entry.path, mark.event)] = _take(rows, spot, mark, x, None)
    return sorted(placed.values(), key=lambda p: _order(p.mark))


def _order(mark: TimelineMark) -> tuple:
    day = mark.event.date.iso if mark.event else ""
    return mark.year, day, mark.entry.title.casefold(), mark.entry.path


def _take(rows, spot, mark: TimelineMark, x: float, label: str | None) -> Placed:
    row, anchor, span = spot
    if row == len(rows):
        rows.append([])
    rows[row].append(span)
    return Placed(mark, x, row, label, anchor)


def _free(rows, options, limit: int | None):
    """The first row (a new one if allowed) where one of the options fits."""
    count = len(rows) if limit is None else min(len(rows), limit)
    for row in range(count):
        for anchor, span in options:
            if not _overlaps(rows[row], span):
                return row, anchor, span
    if options and (limit is None or len(rows) < limit):
        return len(rows), *options[0]
    return None


def marks(entries: Iterable[Entry], settings: Settings) -> list[TimelineMark]:
    """The dated entries of the kinds that have a lane."""
    found = []
    for entry in entries:
        kind = settings.kind_of(entry.type)
        if entry.year and kind.lane:
            found.append(TimelineMark(entry, kind))
    return found


def since_marks(entries: Iterable[Entry], settings: Settings) -> list[TimelineMark]:
    """Every event after the paper, as a mark in the colour of its entry's kind."""
    return [
        TimelineMark(entry, settings.kind_of(entry.type), event)
        for entry in entries
        for event in entry.since_paper
    ]


def _paper_x(axis: Axis) -> float:
    """Where the paper's publication falls on the axis, within its year's column."""
    day = Date(PAPER_DATE).first_day()
    return axis.left(day.year) + axis.unit * (day.timetuple().tm_yday - 1) / 365


def _band(
    left: float, right: float, height: float, band_class: str, head: dict, title: str, words
) -> str:
    """A shaded band behind the lanes, with its linked heading (two lines of ``words``)."""
    middle = (left + right) / 2
    band = tag(
        "rect",
        {
            "class": band_class,
            "x": left,
            "y": STAGE_TOP,
            "width": right - left,
            "height": height - STAGE_TOP,
        },
    )
    name, years = words
    heading = tag(
        "a",
        head,
        tag("title", {}, text(title)),
        tag(
            "rect",
            {"x": left + 1, "y": STAGE_TOP, "width": right - left - 2, "height": STAGE_HEIGHT},
        ),
        tag("text", {"x": middle, "y": STAGE_TOP + 14, "text-anchor": "middle"}, text(name)),
        tag(
            "text",
            {"class": "stage-years", "x": middle, "y": STAGE_TOP + 28, "text-anchor": "middle"},
            text(years),
        ),
    )
    return band + heading


def _since_band(axis: Axis, height: float, count: int, links: Links) -> str:
    """The band after the paper's publication, whose heading leads to the list of changes."""
    head = {"class": "stage since", "href": links.entry(SINCE_PAGE)}
    title = f"Since the paper (16 March 2023): {count} events found"
    right = axis.left(axis.last + 1)
    return _band(_paper_x(axis), right, height, "since-band", head, title, ("Since", "the paper"))


def _stage_band(stage: Stage, index: int, axis: Axis, height: float, links: Links) -> str:
    """One of the paper's stages; the last, open-ended one ends where the paper was published."""
    left = axis.left(stage.first)
    right = axis.left(stage.last + 1) if stage.last else _paper_x(axis)
    title = (
        f"{stage.name} of cyber legislation, {stage.years} "
        f"(the paper, {pinpoint(stage.paragraph, 'citation')})"
    )
    head = {"class": "stage", "href": links.paragraph(stage.paragraph)}
    band_class = f"stage-band stage-{index % 2}"
    return _band(left, right, height, band_class, head, title, (stage.name, stage.years))


def _axis(axis: Axis) -> str:
    out = [
        tag(
            "line",
            {"class": "axis", "x1": MARGIN, "y1": AXIS_Y, "x2": WIDTH - MARGIN, "y2": AXIS_Y},
        )
    ]
    for year in range(axis.first, axis.last + 1):
        x = axis.x(year)
        out.append(tag("line", {"class": "axis", "x1": x, "y1": AXIS_Y, "x2": x, "y2": AXIS_Y + 4}))
        if (year - axis.first) % 2 == 0:
            out.append(
                tag(
                    "text",
                    {"class": "year", "x": x, "y": AXIS_Y - 5, "text-anchor": "middle"},
                    str(year),
                )
            )
    for shown, year, word in (
        (axis.earlier, axis.first - 1, "earlier"),
        (axis.later, axis.last + 1, "later"),
    ):
        if shown:
            out.append(
                tag(
                    "text",
                    {"class": "year", "x": axis.x(year), "y": AXIS_Y - 5, "text-anchor": "middle"},
                    word,
                )
            )
    return "".join(out)


def _tooltip(mark: TimelineMark) -> str:
    if mark.event:
        return f"{mark.entry.title}: {mark.event.describe()} ({mark.event.date.readable()})"
    where = "the paper gives the year" if mark.from_paper else "year from a source"
    return f"{mark.entry.title}: {mark.entry.type}, {mark.year} ({where})"


def _mark(placed: Placed, y: float, links: Links) -> str:
    mark = placed.mark
    source = "from-paper" if mark.from_paper else "from-source"
    if mark.event:
        x, r = placed.x, RADIUS + 1
        shape = tag("polygon", {"points": f"{x},{y - r} {x + r},{y} {x},{y + r} {x - r},{y}"})
        source += " event"
    else:
        shape = tag("circle", {"cx": placed.x, "cy": y, "r": RADIUS})
    parts = [tag("title", {}, text(_tooltip(mark))), shape]
    if placed.label:
        dx = RADIUS + 4 if placed.anchor == "start" else -(RADIUS + 4)
        attrs = {"x": placed.x + dx, "y": y + 4}
        if placed.anchor == "end":
            attrs["text-anchor"] = "end"
        parts.append(tag("text", attrs, text(placed.label)))
    return tag(
        "a",
        {"class": f"mark kind-{mark.kind.index} {source}", "href": links.entry(mark.entry.path)},
        *parts,
    )


def _lanes(
    found: list[TimelineMark],
    settings: Settings,
    axis: Axis,
    links: Links,
    mentions: Mapping[str, int],
) -> tuple[str, float]:
    """The lanes, top to bottom; returns them and the y where the last one ends."""
    out, y = [], AXIS_Y + 8
    for kind in (*settings.lanes, None):
        # The kinds' lanes hold the entries; the last lane (kind None) the events since.
        mine = [m for m in found if (m.kind if m.event is None else None) == kind]
        if kind is None and not mine:
            break
        placed = place(mine, axis, mentions)
        rows = max((p.row for p in placed), default=0) + 1
        out.append(
            tag(
                "line", {"class": "lane-rule", "x1": MARGIN, "y1": y, "x2": WIDTH - MARGIN, "y2": y}
            )
        )
        out.append(
            tag(
                "text",
                {"class": "lane-name", "x": MARGIN, "y": y + 14},
                text(f"{kind.name if kind else 'Since the paper: events'} ({len(mine)})"),
            )
        )
        top = y + LANE_HEAD
        for item in placed:
            out.append(_mark(item, top + item.row * ROW + ROW / 2, links))
        y = top + rows * ROW + LANE_GAP
    return "".join(out), y


def _description(found: list[TimelineMark], settings: Settings, axis: Axis) -> str:
    events = [m for m in found if m.event]
    found = [m for m in found if not m.event]
    counts = ", ".join(
        f"{kind.name.lower()} {sum(m.kind == kind for m in found)}" for kind in settings.lanes
    )
    paper = sum(m.from_paper for m in found)
    stages = ", ".join(stage.years for stage in settings.stages)
    out = (
        f"{len(found)} entries with a year, from {axis.first} to {axis.last}, one lane per kind: "
        f"{counts}. The paper gives {paper} of the years (filled marks); {len(found) - paper} "
        f"come from the entries' sources (hollow marks). Shaded bands: the stages of cyber "
        f"legislation in Chapter II ({stages}), and after the paper's publication on 16 March "
        f"2023 a band of its own, whose last lane holds the {len(events)} events found since "
        "(diamonds: amendments, revisions, implementing rules, entries into force). Each mark "
        "links to its entry."
    )
    if axis.earlier:
        out += f" The column at the left holds the entries dated before {axis.first}."
    if axis.later:
        out += f" The column at the right holds the entries dated after {axis.last}."
    return out


def _year_source(mark: TimelineMark, links: Links) -> str:
    where = mark.source
    if where.startswith("paper:"):
        anchor = where.removeprefix("paper:")
        return "the paper, " + link(links.paragraph(anchor), text(pinpoint(anchor)))
    source = mark.entry.source(where)
    return "a source: " + link(where, text(source.publisher if source else where))


def _table(found: list[TimelineMark], links: Links) -> str:
    rows = [
        [
            m.event.date.readable() if m.event else str(m.year),
            link(links.entry(m.entry.path), text(m.name)),
            text("Since the paper" if m.event else m.kind.name),
            _year_source(m, links),
        ]
        for m in sorted(found, key=_order)
    ]
    return table(["Year", "Entry", "Kind", "Year given by"], rows, "Dated entries, oldest first")


def _caption() -> str:
    return (
        f"{key_item('from-paper', 'the paper gives the year')} · "
        f"{key_item('from-source', 'the year comes from one of the entry’s sources')} · "
        "shaded bands: the three stages of cyber legislation in Chapter II (each band’s heading "
        "links to the paragraph); the band after the paper holds the events since (diamonds), "
        "and its heading links to the list of them. Labels are shortened where space is short; "
        "every mark shows its full name on hover and links to its entry."
    )


def timeline_figure(
    entries: Iterable[Entry], settings: Settings, links: Links, mentions: Mapping[str, int]
) -> Figure:
    """The timeline of every dated entry of a kind with a lane; ``mentions`` (mentions in the
    paper, by entry) decides which labels are drawn when not all fit."""
    entries = list(entries)
    found = marks(entries, settings) + since_marks(entries, settings)
    last = max([settings.last, *(m.year for m in found if m.event)])
    axis = Axis(settings.first, last, (m.year for m in found))
    lanes, height = _lanes(found, settings, axis, links, mentions)
    bands = "".join(
        _stage_band(stage, index, axis, height, links)
        for index, stage in enumerate(settings.stages)
    ) + _since_band(axis, height, sum(1 for m in found if m.event), links)
    return Figure(
        name="timeline",
        title=f"Timeline of the glossary’s dated entries, {settings.first}–{settings.last}, "
        f"and the events since the paper, to {last}",
        description=_description(found, settings, axis),
        height=height,
        body=bands + _axis(axis) + lanes,
        caption=_caption(),
        table=_table(found, links),
    )

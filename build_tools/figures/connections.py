"""The connections figure: the entries the paper names in the same paragraphs, as a graph.

A node per entry named together with at least one other (its area grows with its mentions,
its colour gives its kind), a line per pair (thicker when they meet in more paragraphs). The
layout is a spring layout (``spring.py``) with a fixed seed, its coordinates rounded, so the
same mentions always give the same drawing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from build_tools.figures.figure import WIDTH, Figure, Links, key_item, link, plural, table
from build_tools.figures.settings import Kind, Settings
from build_tools.figures.spring import spring_layout
from build_tools.figures.svg import abbreviate, tag, text, text_width
from build_tools.glossary.comentions import CoMentions, Paragraph
from build_tools.glossary.entries import Entry

HEIGHT = 640
MARGIN = 24
SEED = 20230316  # the paper's date of publication: any fixed number would do
LABEL_SIZE = 11
LABEL_MAX = 150
# At this size a graph of more nodes cannot be read (the edition has about a hundred): the most
# mentioned are drawn, and the table under the figure lists every entry.
MOST_NODES = 150

Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Node:
    """An entry in the graph: where it is drawn, and what it is named with."""

    entry: Entry
    kind: Kind
    mentions: int
    partners: list[tuple[str, list[Paragraph]]]
    x: float
    y: float

    @property
    def radius(self) -> float:
        """The node's radius: its area grows with the entry's mentions in the paper."""
        return 4 + 2.2 * math.sqrt(max(self.mentions, 1) - 1)

    @property
    def box(self) -> Box:
        """The square the node's disc fills."""
        r = self.radius
        return self.x - r, self.y - r, self.x + r, self.y + r

    @property
    def tooltip(self) -> str:
        """What the node's tooltip (and accessible name) says."""
        return (
            f"{self.entry.title}: {self.entry.type}; {plural(self.mentions, 'mention')} in the "
            f"paper; named with {plural(len(self.partners), 'entry', 'entries')}"
        )


def drawn_keys(co: CoMentions) -> list[str]:
    """The entries drawn as nodes: those named with another, at most ``MOST_NODES`` of them,
    the most mentioned first (then by path); sorted by path."""
    ranked = sorted(co.connected(), key=lambda key: (-co.mentions[key], key))
    return sorted(ranked[:MOST_NODES])


def layout(co: CoMentions, keys: list[str]) -> dict[str, tuple[float, float]]:
    """Centres of the nodes ``keys`` in figure units, from a seeded spring layout of the graph
    they make, rounded to 0.1."""
    kept = set(keys)
    edges = [(a, b, weight) for a, b, weight in co.edges() if a in kept and b in kept]
    raw = spring_layout(keys, edges, SEED)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    inner_w, inner_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN
    return {
        node: (
            round(MARGIN + (p[0] - min(xs)) / span_x * inner_w, 1),
            round(MARGIN + (p[1] - min(ys)) / span_y * inner_h, 1),
        )
        for node, p in sorted(raw.items())
    }


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@dataclass(frozen=True)
class Label:
    """A node's visible label: its words, where its baseline starts, how it is anchored, and
    where a leader line from the node ends when the label stands off (else None)."""

    words: str
    x: float
    y: float
    anchor: str  # SVG text-anchor: "start", "end" or "middle"
    leader: tuple[float, float] | None = None

    def box(self, width: float) -> Box:
        """The rectangle the label covers."""
        left = {"start": self.x, "end": self.x - width, "middle": self.x - width / 2}
        return left[self.anchor], self.y - 11, left[self.anchor] + width, self.y + 3


STAND_OFF = (0, 18, 36)  # how far a label may stand from its node, nearest first


def _places(node: Node, words: str) -> list[Label]:
    """Where a node's label may go, in order of preference: beside the node (right, left,
    above, below), then farther off with a leader line."""
    out = []
    for extra in STAND_OFF:
        gap = node.radius + 3 + extra
        ends = {
            "right": (node.x + gap, node.y),
            "left": (node.x - gap, node.y),
            "above": (node.x, node.y - gap),
            "below": (node.x, node.y + gap),
        }
        leader = (lambda end: end) if extra else (lambda end: None)
        out += [
            Label(words, ends["right"][0], node.y + 4, "start", leader(ends["right"])),
            Label(words, ends["left"][0], node.y + 4, "end", leader(ends["left"])),
            Label(words, node.x, ends["above"][1] - 1, "middle", leader(ends["above"])),
            Label(words, node.x, ends["below"][1] + 9, "middle", leader(ends["below"])),
        ]
    return out


def labels(nodes: list[Node]) -> dict[str, Label]:
    """Visible labels, in the order of ``nodes`` (most mentioned first), each in the first place
    where it stays inside the figure and covers no other node and no label already placed."""
    taken: list[Box] = []
    found = {}
    for node in nodes:
        words = abbreviate(node.entry.title, LABEL_MAX, LABEL_SIZE)
        width = text_width(words, LABEL_SIZE)
        others = [other.box for other in nodes if other is not node]
        for label in _places(node, words):
            box = label.box(width)
            inside = box[0] >= 2 and box[2] <= WIDTH - 2 and box[1] >= 2 and box[3] <= HEIGHT - 2
            if inside and not any(_overlap(box, b) for b in [*taken, *others]):
                taken.append(box)
                found[node.entry.path] = label
                break
    return found


def _node_svg(node: Node, label: Label | None, links: Links) -> str:
    parts = [tag("title", {}, text(node.tooltip))]
    if label and label.leader:
        x, y = label.leader
        parts.append(tag("line", {"class": "leader", "x1": node.x, "y1": node.y, "x2": x, "y2": y}))
    parts.append(tag("circle", {"cx": node.x, "cy": node.y, "r": node.radius}))
    if label:
        anchor = None if label.anchor == "start" else label.anchor
        attrs = {"x": label.x, "y": label.y, "text-anchor": anchor}
        parts.append(tag("text", attrs, text(label.words)))
    css = f"node kind-{node.kind.index}"
    return tag("a", {"class": css, "href": links.entry(node.entry.path)}, *parts)


def _edge_svg(a: Node, b: Node, weight: int) -> str:
    ends = {"x1": a.x, "y1": a.y, "x2": b.x, "y2": b.y}
    return tag("line", {"class": "edge", **ends, "stroke-width": 0.8 + 1.2 * (weight - 1)})


def nodes(co: CoMentions, entries: Mapping[str, Entry], settings: Settings) -> list[Node]:
    """The graph's nodes, most mentioned first (then A–Z): the order of drawing and of Tab."""
    keys = drawn_keys(co)
    where = layout(co, keys)
    found = [
        Node(
            entry=entries[key],
            kind=settings.kind_of(entries[key].type),
            mentions=co.mentions[key],
            partners=co.partners(key),
            x=where[key][0],
            y=where[key][1],
        )
        for key in keys
    ]
    return sorted(found, key=lambda n: (-n.mentions, n.entry.title.casefold(), n.entry.path))


def _description(drawn: list[Node], connected: int, edges: int, apart: int) -> str:
    top = sorted(drawn, key=lambda n: (-len(n.partners), n.entry.title.casefold()))[:3]
    most = ", ".join(f"{n.entry.title} ({plural(len(n.partners), 'partner')})" for n in top)
    which = (
        f"{len(drawn)} entries that the paper names in the same paragraph as another entry"
        if len(drawn) == connected
        else f"The {len(drawn)} most mentioned of the {connected} entries that the paper names "
        "in the same paragraph as another entry (the table lists them all)"
    )
    return (
        f"{which}, joined by {edges} lines. A node's size grows with the entry's mentions, its "
        "colour gives its kind; a thicker line means more paragraphs in common. The most "
        f"connected: {most}. {apart} entries the paper names only apart from the others are not "
        "drawn. Each node links to its entry."
    )


def _caption(drawn: list[Node]) -> str:
    kinds = sorted({n.kind for n in drawn}, key=lambda k: k.index)
    key = " · ".join(key_item(f"kind-{k.index}", text(k.name)) for k in kinds)
    return (
        f"{key}. A node’s size: the entry’s mentions in the paper; a line: named in the same "
        "paragraph (thicker: in more paragraphs). Labels are shown where there is room; every "
        "node shows its name on hover and links to its entry."
    )


def _table(co: CoMentions, entries: Mapping[str, Entry], settings: Settings, links: Links) -> str:
    def partners(key: str) -> str:
        return ", ".join(
            f"{link(links.entry(other), text(entries[other].title))} ({len(where)})"
            for other, where in co.partners(key)
        )

    keys = sorted(
        co.connected(),
        key=lambda key: (-co.mentions[key], entries[key].title.casefold(), key),
    )
    rows = [
        [
            link(links.entry(key), text(entries[key].title)),
            text(settings.kind_of(entries[key].type).name),
            str(co.mentions[key]),
            partners(key),
        ]
        for key in keys
    ]
    return table(
        ["Entry", "Kind", "Mentions", "Named in the same paragraphs as (how many paragraphs)"],
        rows,
        "Entries named together, most mentioned first",
    )


def connections_figure(
    co: CoMentions, entries: Mapping[str, Entry], settings: Settings, links: Links
) -> Figure:
    """The graph of co-mentions; ``entries`` maps docs paths to entries."""
    drawn = nodes(co, entries, settings)
    by_path = {n.entry.path: n for n in drawn}
    shown = labels(drawn)
    edges = [
        _edge_svg(by_path[a], by_path[b], weight)
        for a, b, weight in co.edges()
        if a in by_path and b in by_path
    ]
    marks = [_node_svg(n, shown.get(n.entry.path), links) for n in drawn]
    connected = co.connected()
    apart = len(set(co.mentions) - set(connected))
    return Figure(
        name="connections",
        title="Entries the paper names in the same paragraphs",
        description=_description(drawn, len(connected), len(edges), apart),
        height=HEIGHT,
        body=tag("g", {"class": "edges"}, *edges) + tag("g", {"class": "nodes"}, *marks),
        caption=_caption(drawn),
        table=_table(co, entries, settings, links),
    )

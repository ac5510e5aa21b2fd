"""The editorial map (``seeds/edition.yml``): where the paper's parts begin, and every correction.

The map is data a contributor edits; this module reads it into plain objects and rejects a
malformed entry with the file and line of that entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.common.yaml_lines import LinedDict, error_at, load_yaml


@dataclass(frozen=True)
class Span:
    """A run of seed lines (``line`` to ``end``) whose first line must read ``printed``."""

    line: int
    end: int
    printed: str
    map_line: int
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Part:
    """Preface, a chapter or the conclusion: one page of the edition."""

    id: str
    file: str
    heading: Span
    sections: tuple[Span, ...]


@dataclass(frozen=True)
class TableRow:
    """One row of a panel's table: the seed lines of its label and of its bulleted examples."""

    label: tuple[int, int]
    examples: tuple[int, int]
    map_line: int


@dataclass(frozen=True)
class Table:
    """A table whose columns the scan split apart, rebuilt from line ranges."""

    header: Span
    rows: tuple[TableRow, ...]
    total: Span


@dataclass(frozen=True)
class Panel:
    """A boxed panel: a page of its own, and a card at its place in the chapter."""

    id: str
    file: str
    heading: Span
    end: int
    table: Table | None


@dataclass(frozen=True)
class Correction:
    """Replace ``printed`` by ``corrected`` on one seed line, for the stated reason."""

    line: int
    printed: str
    corrected: str
    reason: str
    map_line: int


@dataclass(frozen=True)
class LayoutRepair:
    """A structural repair: ``remove`` a run of lines, or ``break``/``join`` a paragraph."""

    kind: str
    first: int
    last: int
    reason: str
    map_line: int
    provenance: bool = False


@dataclass(frozen=True)
class EditionMap:
    """Everything the map says, plus the path it came from (for error messages)."""

    path: Path
    seed: str
    sha256: str
    title: str
    end: Span
    parts: tuple[Part, ...]
    panels: tuple[Panel, ...]
    corrections: tuple[Correction, ...]
    layout_repairs: tuple[LayoutRepair, ...] = field(default=())
    sha256_line: int | None = None

    def removed_lines(self) -> set[int]:
        """Seed lines taken out of the paper's flow."""
        return {
            n
            for repair in self.layout_repairs
            if repair.kind == "remove"
            for n in range(repair.first, repair.last + 1)
        }

    def layout_repair_lines(self, kind: str) -> set[int]:
        """The lines at which a ``break`` or ``join`` repair applies."""
        return {repair.first for repair in self.layout_repairs if repair.kind == kind}


DEFAULT_MAP = Path("seeds/edition.yml")


def paper_files(path: Path) -> dict[str, str]:
    """The pages that hold the paper's text, by part or panel id: ``{"ch2": "chapters/…"}``.

    Which pages are "the paper" is a fact of the map, so a new hand-written page never starts
    producing backlinks or counting as a mention.
    """
    emap = load_map(path)
    return {item.id: item.file for item in (*emap.parts, *emap.panels)}


# keep: a page break that is deliberately not a new paragraph (a decision, listed for readers).
LAYOUT_REPAIR_KINDS = ("remove", "break", "join", "keep")


class _Reader:
    """Reads fields from LinedDicts, raising errors that name the map's file and line."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, node, message: str, key: str | None = None) -> EditionError:
        """An error at ``key``'s line in ``node`` (at the node's own line without a key)."""
        return error_at(self.path, node, key, message)

    def field(self, node, name: str, kind, required: bool = True, default=None):
        if not isinstance(node, LinedDict):
            raise self.fail(node, f"expected a mapping with '{name}', found {node!r}")
        if name not in node:
            if required:
                raise self.fail(node, f"missing field '{name}'")
            return default
        value = node[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise self.fail(node, f"field '{name}' must be {_kind_name(kind)}, not {value!r}", name)
        return value

    def line_range(self, node, name: str) -> tuple[int, int]:
        value = self.field(node, name, list)
        if len(value) != 2 or not all(isinstance(v, int) for v in value) or value[0] > value[1]:
            raise self.fail(node, f"field '{name}' must be [first, last] line numbers", name)
        return value[0], value[1]

    def span(self, node) -> Span:
        line = self.field(node, "line", int)
        end = self.field(node, "end", int, required=False, default=line)
        if end < line:
            raise self.fail(node, f"'end' ({end}) comes before 'line' ({line})", "end")
        cells = tuple(self.field(node, "cells", list, required=False, default=[]))
        return Span(line, end, self.field(node, "printed", str).strip(), node.line, cells)


def _kind_name(kind) -> str:
    return {int: "a whole number", str: "text", list: "a list", LinedDict: "a mapping"}.get(
        kind, kind.__name__
    )


def load_map(path: Path) -> EditionMap:
    """Read and check the editorial map at ``path``.

    A build reads the map in several places (the glossary's paper pages, citations, correction
    marks); the result is kept while the file is unchanged, so it is parsed once per build.
    """
    try:
        stat = path.stat()
    except OSError:
        return _read_map(path)
    return _cached_map(path.resolve(), stat.st_mtime_ns, stat.st_size, str(path))


@lru_cache(maxsize=8)
def _cached_map(resolved: Path, mtime_ns: int, size: int, shown: str) -> EditionMap:
    """The map, parsed once for each version of the file (errors are never cached)."""
    return _read_map(Path(shown))


def _read_map(path: Path) -> EditionMap:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EditionError(path, None, f"cannot read the editorial map: {error}") from None
    data = load_yaml(text, path)
    read = _Reader(path)
    if not isinstance(data, LinedDict):
        raise EditionError(path, 1, "the editorial map must be a YAML mapping")

    parts = tuple(_part(read, node) for node in read.field(data, "parts", list))
    panels = tuple(_panel(read, node) for node in read.field(data, "panels", list))
    corrections = tuple(
        Correction(
            line=read.field(node, "line", int),
            printed=read.field(node, "printed", str),
            corrected=read.field(node, "corrected", str),
            reason=" ".join(read.field(node, "reason", str).split()),
            map_line=node.line,
        )
        for node in read.field(data, "corrections", list, required=False, default=[])
    )
    layout_repairs = tuple(
        _layout_repair(read, node)
        for node in read.field(data, "layout_repairs", list, required=False, default=[])
    )
    emap = EditionMap(
        path=path,
        seed=read.field(data, "seed", str),
        sha256=read.field(data, "sha256", str),
        title=read.field(data, "title", str),
        end=read.span(read.field(data, "end", LinedDict)),
        parts=parts,
        panels=panels,
        corrections=corrections,
        layout_repairs=layout_repairs,
        sha256_line=data.line_of("sha256"),
    )
    _check_unique_ids(read, data, emap)
    return emap


def _part(read: _Reader, node) -> Part:
    return Part(
        id=read.field(node, "id", str),
        file=read.field(node, "file", str),
        heading=read.span(read.field(node, "heading", LinedDict)),
        sections=tuple(
            read.span(s) for s in read.field(node, "sections", list, required=False, default=[])
        ),
    )


def _panel(read: _Reader, node) -> Panel:
    table_node = read.field(node, "table", LinedDict, required=False)
    table = None
    if table_node is not None:
        table = Table(
            header=read.span(read.field(table_node, "header", LinedDict)),
            rows=tuple(
                TableRow(
                    label=read.line_range(row, "label"),
                    examples=read.line_range(row, "examples"),
                    map_line=row.line,
                )
                for row in read.field(table_node, "rows", list)
            ),
            total=read.span(read.field(table_node, "total", LinedDict)),
        )
    return Panel(
        id=read.field(node, "id", str),
        file=read.field(node, "file", str),
        heading=read.span(read.field(node, "heading", LinedDict)),
        end=read.field(node, "end", int),
        table=table,
    )


def _layout_repair(read: _Reader, node) -> LayoutRepair:
    kind = read.field(node, "kind", str)
    if kind not in LAYOUT_REPAIR_KINDS:
        raise read.fail(
            node, f"unknown layout repair kind '{kind}' (expected one of {LAYOUT_REPAIR_KINDS})"
        )
    if kind == "remove":
        first, last = read.line_range(node, "lines")
    else:
        first = last = read.field(node, "line", int)
    return LayoutRepair(
        kind=kind,
        first=first,
        last=last,
        reason=" ".join(read.field(node, "reason", str).split()),
        map_line=node.line,
        provenance=bool(node.get("provenance", False)),
    )


def _check_unique_ids(read: _Reader, data, emap: EditionMap) -> None:
    seen: dict[str, str] = {}
    for kind, items, nodes in (
        ("part", emap.parts, data["parts"]),
        ("panel", emap.panels, data["panels"]),
    ):
        for item, node in zip(items, nodes, strict=True):
            for key in (item.id, item.file):
                if key in seen:
                    raise read.fail(node, f"{kind} '{key}' is already used by {seen[key]}")
                seen[key] = f"the {kind} at line {node.line}"

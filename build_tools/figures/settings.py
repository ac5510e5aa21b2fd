"""What the figures draw that the glossary does not say: the kinds of entry (colours and
timeline lanes), the timeline's years, and the paper's three stages of cyber legislation.

They live in ``data/figures.yml``; a mistake there stops the build with the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.common.yaml_lines import LinedDict, error_at, load_yaml
from build_tools.glossary.entries import entry_types

SETTINGS_FILE = Path(__file__).with_name("data") / "figures.yml"


@dataclass(frozen=True)
class Kind:
    """A group of entry types drawn in one colour (``index`` picks it) and, maybe, one lane."""

    index: int
    name: str
    types: tuple[str, ...]
    lane: bool


@dataclass(frozen=True)
class Stage:
    """One of the paper's stages of cyber legislation; ``last`` None runs to the axis' end."""

    name: str
    first: int
    last: int | None
    paragraph: str

    @property
    def years(self) -> str:
        """The stage's years as a reader says them: "1994–1999", "2012 onward"."""
        return f"{self.first}–{self.last}" if self.last else f"{self.first} onward"


@dataclass(frozen=True)
class Settings:
    """Everything ``figures.yml`` says."""

    kinds: tuple[Kind, ...]
    first: int
    last: int
    stages: tuple[Stage, ...]

    def kind_of(self, entry_type: str) -> Kind:
        """The kind an entry type belongs to."""
        return next(kind for kind in self.kinds if entry_type in kind.types)

    @property
    def lanes(self) -> tuple[Kind, ...]:
        """The timeline's lanes, top to bottom."""
        return tuple(kind for kind in self.kinds if kind.lane)


class _Reader:
    def __init__(self, path: Path):
        self.path = path

    def fail(self, node: LinedDict, key: str, message: str) -> EditionError:
        return error_at(self.path, node, key, message)

    def year(self, node: LinedDict, key: str, required: bool = True) -> int | None:
        value = node.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(node, key, f"'{key}' must be a year, not {value!r}")
        return value

    def kinds(self, data: LinedDict) -> tuple[Kind, ...]:
        known = {kind.type for kind in entry_types()}
        seen: dict[str, str] = {}
        kinds = []
        for index, node in enumerate(data.get("kinds") or []):
            if not isinstance(node, LinedDict):
                raise self.fail(data, "kinds", "each kind must be a mapping: {name: …, types: […]}")
            name, types = node.get("name"), node.get("types")
            if not isinstance(name, str) or not isinstance(types, list) or not types:
                raise self.fail(node, "name", "a kind needs a 'name' and a list of 'types'")
            for entry_type in types:
                if entry_type not in known:
                    raise self.fail(node, "types", f"unknown entry type {entry_type!r}")
                if entry_type in seen:
                    raise self.fail(
                        node,
                        "types",
                        f"type {entry_type!r} is already in kind {seen[entry_type]!r}",
                    )
                seen[entry_type] = name
            kinds.append(Kind(index, name, tuple(types), bool(node.get("lane", False))))
        missing = sorted(known - set(seen))
        if missing:
            raise self.fail(data, "kinds", f"entry types in no kind: {', '.join(missing)}")
        return tuple(kinds)

    def stages(self, timeline: LinedDict, first: int, last: int) -> tuple[Stage, ...]:
        stages = []
        for node in timeline.get("stages") or []:
            if not isinstance(node, LinedDict):
                raise self.fail(timeline, "stages", "each stage must be a mapping: {name: …, …}")
            stage = Stage(
                name=str(node.get("name", "")),
                first=self.year(node, "first"),
                last=self.year(node, "last", required=False),
                paragraph=str(node.get("paragraph", "")),
            )
            if not stage.name or not stage.paragraph:
                raise self.fail(node, "name", "a stage needs a 'name' and a 'paragraph' id")
            if not first <= stage.first <= (stage.last or last) <= last:
                raise self.fail(node, "first", f"stage years must lie within {first}–{last}")
            stages.append(stage)
        return tuple(stages)


def read_settings(path: Path = SETTINGS_FILE) -> Settings:
    """Read and check ``figures.yml``."""
    reader = _Reader(path)
    data = load_yaml(path.read_text(encoding="utf-8"), path)
    if not isinstance(data, LinedDict) or not isinstance(data.get("timeline"), LinedDict):
        raise EditionError(path, 1, "figures.yml needs 'kinds' and 'timeline'")
    timeline = data["timeline"]
    first, last = reader.year(timeline, "first"), reader.year(timeline, "last")
    if first > last:
        raise reader.fail(timeline, "last", "the timeline's 'last' year is before its 'first'")
    return Settings(reader.kinds(data), first, last, reader.stages(timeline, first, last))

"""The glossary: one Markdown file per entry under ``docs/glossary/<type>/``, read and checked.

Entries are curated data. A broken one — malformed YAML, a missing field, an unknown type, an
alias another entry already claims — stops the build with one message naming the file(s).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from build_tools.errors import EditionError
from build_tools.matcher import normalise
from build_tools.yaml_lines import LinedDict, load_yaml

GLOSSARY_DIR = "glossary"
TYPES_FILE = Path(__file__).with_name("data") / "glossary_types.yml"
REQUIRED = ("title", "type", "summary")
OPTIONAL = ("aliases", "year", "issued_by")


@dataclass(frozen=True)
class EntryType:
    """A kind of entry: its ``type`` value, folder, index heading, and level in Panel 1."""

    type: str
    folder: str
    heading: str
    level: int | None = None


@dataclass(frozen=True)
class Entry:
    """One glossary entry, as its front matter says."""

    path: str  # relative to docs/, e.g. "glossary/law/data-security-law.md"
    title: str
    type: str
    summary: str
    aliases: tuple[str, ...] = ()
    year: int | None = None
    issued_by: str | None = None

    @property
    def terms(self) -> tuple[str, ...]:
        """Every form in which the paper names the entry."""
        return (self.title, *self.aliases)


@cache
def entry_types() -> tuple[EntryType, ...]:
    """The kinds of entry, in the index's order."""
    return tuple(EntryType(**item) for item in yaml.safe_load(TYPES_FILE.read_text("utf-8")))


@cache
def _folders() -> frozenset[str]:
    return frozenset(kind.folder for kind in entry_types())


def is_entry_path(path: str) -> bool:
    """Whether a docs path is a glossary entry (it sits in a type folder)."""
    parts = path.split("/")
    return len(parts) == 3 and parts[0] == GLOSSARY_DIR and parts[1] in _folders()


def read_entry(docs: Path, path: str) -> Entry:
    """Read and check one entry file."""
    file = docs / path
    text = file.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---\n" not in text[3:]:
        raise EditionError(file, 1, "a glossary entry must start with YAML front matter (---)")
    front = text[4 : text.index("\n---\n", 3) + 1]
    data = load_yaml(front, file, first_line=2)
    if not isinstance(data, LinedDict):
        raise EditionError(file, 2, "the front matter must be a YAML mapping")
    for name in REQUIRED:
        if not isinstance(data.get(name), str) or not data[name].strip():
            raise EditionError(file, data.line, f"missing or empty field '{name}'")
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise EditionError(file, data.line, f"unknown field(s): {', '.join(unknown)}")
    kinds = {kind.type: kind for kind in entry_types()}
    if data["type"] not in kinds:
        raise EditionError(
            file, data.line, f"unknown type '{data['type']}' (one of: {', '.join(kinds)})"
        )
    folder = path.split("/")[1]
    if kinds[data["type"]].folder != folder:
        raise EditionError(
            file,
            data.line,
            f"type '{data['type']}' belongs in glossary/{kinds[data['type']].folder}/",
        )
    aliases = data.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise EditionError(file, data.line, "'aliases' must be a list of names")
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise EditionError(file, data.line, f"'year' must be a whole number, not {year!r}")
    return Entry(
        path=path,
        title=data["title"].strip(),
        type=data["type"],
        summary=" ".join(data["summary"].split()),
        aliases=tuple(a.strip() for a in aliases),
        year=year,
        issued_by=data.get("issued_by"),
    )


@dataclass(frozen=True)
class Glossary:
    """All entries, and which entry each term stands for."""

    entries: tuple[Entry, ...]

    @cached_property
    def by_path(self) -> dict[str, Entry]:
        """Entries by their docs path."""
        return {entry.path: entry for entry in self.entries}

    def terms(self) -> dict[str, str]:
        """Every title and alias, mapped to its entry's path."""
        return {term: entry.path for entry in self.entries for term in entry.terms}


def load_glossary(docs: Path) -> Glossary:
    """Read every entry under ``docs/glossary``; refuse a term claimed by two entries."""
    paths = sorted(
        str(file.relative_to(docs))
        for file in (docs / GLOSSARY_DIR).glob("*/*.md")
        if is_entry_path(str(file.relative_to(docs)))
    )
    entries = tuple(read_entry(docs, path) for path in paths)
    owner: dict[str, str] = {}
    for entry in entries:
        for term in entry.terms:
            form = normalise(term)
            if form in owner and owner[form] != entry.path:
                raise EditionError(
                    docs / entry.path,
                    None,
                    f"name '{term}' is claimed by this entry and by {docs / owner[form]}; "
                    "an alias may belong to one entry only",
                )
            owner[form] = entry.path
    return Glossary(entries)

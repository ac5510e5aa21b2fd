"""The glossary: one Markdown file per entry under ``docs/glossary/<type>/``, read and checked.

Entries are curated data, and every claim in them must be checkable: each entry lists its
sources, and a year or issuer says where it comes from (a paragraph of the paper, or one of the
entry's sources). A broken entry stops the build with one message naming the file and the line
of the field at fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from build_tools.common import front_matter
from build_tools.common.errors import EditionError
from build_tools.common.yaml_lines import LinedDict, error_at
from build_tools.glossary.matcher import normalise

GLOSSARY_DIR = "glossary"
TYPES_FILE = Path(__file__).with_name("data") / "glossary_types.yml"
REQUIRED = ("title", "type", "summary", "sources")
OPTIONAL = (
    "title_zh",
    "title_zh_unconfirmed",
    "aliases",
    "also_known_as",
    "year",
    "year_source",
    "revised",
    "revised_source",
    "issued_by",
    "issued_by_source",
)
SOURCE_KINDS = ("official-text", "translation", "reference")
SOURCE_FIELDS = ("url", "title", "publisher", "kind", "language", "accessed", "http_only")
# The glossary's own pages, which are not entries (generated lists and the connections figure).
NOT_ENTRY_PAGES = frozenset(
    f"{GLOSSARY_DIR}/{name}.md" for name in ("index", "legal-framework", "timeline", "connections")
)
ONE_OWNER = "an alias may belong to one entry only"
PAPER_CITE = re.compile(r"^paper:([a-z0-9]+(?:-[a-z0-9]+)*)$")
_CHINESE = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class EntryType:
    """A kind of entry: its ``type`` value, folder, index heading, and level in the hierarchy."""

    type: str
    folder: str
    heading: str
    level: int | None = None


@dataclass(frozen=True)
class Source:
    """A page that supports what an entry says: the official text, a translation, or a
    reference such as a news report of adoption."""

    url: str
    title: str
    publisher: str
    kind: str
    language: str | None = None
    accessed: str | None = None
    http_only: bool = False


@dataclass(frozen=True)
class Cited:
    """A fact (a year, an issuer) and where it comes from: ``paper:<paragraph id>`` or a URL."""

    value: object
    source: str

    @property
    def paper_anchor(self) -> str | None:
        """The paragraph id when the fact comes from the paper."""
        match = PAPER_CITE.match(self.source)
        return match[1] if match else None


@dataclass(frozen=True)
class Entry:
    """One glossary entry, as its front matter says."""

    path: str  # relative to docs/, e.g. "glossary/law/data-security-law.md"
    title: str
    type: str
    summary: str
    sources: tuple[Source, ...] = ()
    title_zh: str | None = None
    title_zh_unconfirmed: str | None = None
    aliases: tuple[str, ...] = ()
    also_known_as: tuple[str, ...] = ()
    year: Cited | None = None
    revised: Cited | None = None
    issued_by: Cited | None = None

    @property
    def terms(self) -> tuple[str, ...]:
        """Every form in which the paper names the entry (these are auto-linked)."""
        return (self.title, *self.aliases)

    def source(self, url: str) -> Source | None:
        """The entry's source with this URL."""
        return next((s for s in self.sources if s.url == url), None)

    def of_kind(self, kind: str) -> tuple[Source, ...]:
        """The sources of one kind, in the entry's order."""
        return tuple(s for s in self.sources if s.kind == kind)


@cache
def entry_types() -> tuple[EntryType, ...]:
    """The kinds of entry, in the index's order."""
    return tuple(EntryType(**item) for item in yaml.safe_load(TYPES_FILE.read_text("utf-8")))


@cache
def _kinds() -> dict[str, EntryType]:
    return {kind.type: kind for kind in entry_types()}


def type_folder(entry: Entry) -> str:
    """The folder (and the index's section id) of the entry's type."""
    return _kinds()[entry.type].folder


@cache
def _folders() -> frozenset[str]:
    return frozenset(kind.folder for kind in entry_types())


def is_entry_path(path: str) -> bool:
    """Whether a docs path is a glossary entry (it sits in a type folder)."""
    parts = path.split("/")
    return len(parts) == 3 and parts[0] == GLOSSARY_DIR and parts[1] in _folders()


class _Fields:
    """Reads an entry's front matter; every error names the line of the field at fault."""

    def __init__(self, file: Path, data: LinedDict):
        self.file = file
        self.data = data

    def fail(self, key: str, message: str, node: LinedDict | None = None) -> EditionError:
        return error_at(self.file, node or self.data, key, message)

    def text(self, key: str, required: bool = False, node: LinedDict | None = None) -> str | None:
        node = node if node is not None else self.data
        value = node.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"missing or empty field '{key}'", node)
        return " ".join(value.split())

    def names(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(a, str) and a.strip() for a in value):
            raise self.fail(key, f"'{key}' must be a list of names")
        return tuple(a.strip() for a in value)

    def year(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise self.fail(key, f"'{key}' must be a whole number, not {value!r}")
        return value

    def cited(self, key: str, value, sources: tuple[Source, ...]) -> Cited | None:
        """A fact with its ``<key>_source``: a paragraph of the paper or one of the sources."""
        if value is None:
            if f"{key}_source" in self.data:
                raise self.fail(f"{key}_source", f"'{key}_source' without '{key}'")
            return None
        where = self.data.get(f"{key}_source")
        if not isinstance(where, str) or not where.strip():
            raise self.fail(
                key,
                f"'{key}' needs '{key}_source': paper:<paragraph id>, or the url of a source",
            )
        where = where.strip()
        if not PAPER_CITE.match(where) and where not in {s.url for s in sources}:
            raise self.fail(
                f"{key}_source",
                f"'{key}_source' must be paper:<paragraph id> or the url of one of this "
                f"entry's sources, not {where!r}",
            )
        return Cited(value, where)

    def sources(self) -> tuple[Source, ...]:
        value = self.data.get("sources")
        if not isinstance(value, list) or not value:
            raise self.fail(
                "sources",
                "an entry needs 'sources': a list of pages that support what it says "
                "(the paper itself counts, at its official address)",
            )
        sources, seen = [], {}
        for node in value:
            if not isinstance(node, LinedDict):
                raise self.fail("sources", "each source must be a mapping with url, title, …")
            source = self._source(node)
            if source.url in seen:
                raise self.fail(
                    "url",
                    f"the url {source.url} is listed twice (also line {seen[source.url]})",
                    node,
                )
            seen[source.url] = node.line_of("url")
            sources.append(source)
        return tuple(sources)

    def _source(self, node: LinedDict) -> Source:
        unknown = sorted(set(node) - set(SOURCE_FIELDS))
        if unknown:
            raise self.fail(unknown[0], f"unknown source field(s): {', '.join(unknown)}", node)
        url, title, publisher, kind = (
            self.text(key, required=True, node=node)
            for key in ("url", "title", "publisher", "kind")
        )
        if kind not in SOURCE_KINDS:
            raise self.fail(
                "kind", f"unknown source kind '{kind}' (one of: {', '.join(SOURCE_KINDS)})", node
            )
        http_only = node.get("http_only", False)
        if not isinstance(http_only, bool):
            raise self.fail("http_only", "'http_only' must be true or false", node)
        if not url.startswith("https://") and not (http_only and url.startswith("http://")):
            raise self.fail(
                "url",
                f"a source url must start with https:// (or http:// with 'http_only: true' "
                f"where the publisher serves no https), not {url!r}",
                node,
            )
        accessed = node.get("accessed")
        return Source(
            url=url,
            title=title,
            publisher=publisher,
            kind=kind,
            language=self.text("language", node=node),
            accessed=str(accessed) if accessed is not None else None,
            http_only=http_only,
        )


def read_entry(docs: Path, path: str) -> Entry:
    """Read and check one entry file."""
    file = docs / path
    data, page = front_matter.read(file.read_text(encoding="utf-8"), file)
    if page.front is None:
        raise EditionError(file, 1, "a glossary entry must start with YAML front matter (---)")
    fields = _Fields(file, data)
    # Unknown fields first: a misspelt name is reported at its own line, not as a missing field.
    unknown = sorted(set(data) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise fields.fail(unknown[0], f"unknown field(s): {', '.join(unknown)}")
    for name in REQUIRED[:3]:
        fields.text(name, required=True)
    kind = _kinds().get(data["type"])
    if kind is None:
        raise fields.fail("type", f"unknown type '{data['type']}' (one of: {', '.join(_kinds())})")
    folder = path.split("/")[1]
    if kind.folder != folder:
        raise fields.fail("type", f"type '{kind.type}' belongs in glossary/{kind.folder}/")
    title_zh = fields.text("title_zh")
    unconfirmed = fields.text("title_zh_unconfirmed")
    if title_zh is not None and unconfirmed is not None:
        raise fields.fail(
            "title_zh_unconfirmed", "'title_zh_unconfirmed' goes only without 'title_zh'"
        )
    if title_zh is None and unconfirmed is None and kind.level is not None:
        raise fields.fail(
            "type",
            f"an entry of type '{kind.type}' needs 'title_zh', its Chinese title (or, where no "
            "trusted source shows it, 'title_zh_unconfirmed' saying what was searched)",
        )
    if title_zh is not None and not _CHINESE.search(title_zh):
        raise fields.fail("title_zh", f"'title_zh' has no Chinese characters: {title_zh!r}")
    sources = fields.sources()
    return Entry(
        path=path,
        title=fields.text("title", required=True),
        type=kind.type,
        summary=fields.text("summary", required=True),
        sources=sources,
        title_zh=title_zh,
        title_zh_unconfirmed=unconfirmed,
        aliases=fields.names("aliases"),
        also_known_as=fields.names("also_known_as"),
        year=fields.cited("year", fields.year("year"), sources),
        revised=fields.cited("revised", fields.year("revised"), sources),
        issued_by=fields.cited("issued_by", fields.text("issued_by"), sources),
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


def _check_files(docs: Path, generated: set[str]) -> list[str]:
    """Every entry's path; any other Markdown file under ``docs/glossary/`` is an error."""
    paths = []
    for file in sorted((docs / GLOSSARY_DIR).rglob("*.md")):
        path = file.relative_to(docs).as_posix()
        if is_entry_path(path):
            paths.append(path)
        elif path not in generated:
            folders = ", ".join(sorted(_folders()))
            raise EditionError(
                file,
                1,
                "not a glossary entry: an entry goes in the folder of its type under "
                f"docs/glossary/ ({folders}); a new kind needs a line in {TYPES_FILE.name}",
            )
    return paths


def load_glossary(docs: Path, generated: frozenset[str] = NOT_ENTRY_PAGES) -> Glossary:
    """Read every entry under ``docs/glossary``; refuse a name claimed by two entries.

    ``generated`` lists the glossary's own pages (index, framework, timeline), which are not
    entries; any other file there must be a valid entry.
    """
    entries = tuple(read_entry(docs, path) for path in _check_files(docs, set(generated)))
    owner: dict[str, str] = {}
    for entry in entries:
        for term in entry.terms:
            form = normalise(term)
            # The matcher links a name with its first letter in either case: so must this check.
            _claim(owner, form[:1].lower() + form[1:], entry, docs, term, ONE_OWNER)
    folded = {form.casefold(): path for form, path in owner.items()}
    for entry in entries:
        for name in entry.also_known_as:
            form = normalise(name).casefold()
            if folded.get(form, entry.path) != entry.path:
                raise EditionError(
                    docs / entry.path,
                    _line_of_name(docs / entry.path, name),
                    f"'also_known_as' name '{name}' is a title or alias of {docs / folded[form]}; "
                    "a name readers search for must not stand for another entry",
                )
    return Glossary(entries)


def _claim(owner: dict, form: str, entry: Entry, docs: Path, term: str, rule: str) -> None:
    if form in owner and owner[form] != entry.path:
        other = docs / owner[form]
        line = _line_of_name(other, term)
        raise EditionError(
            docs / entry.path,
            _line_of_name(docs / entry.path, term),
            f"name '{term}' is claimed by this entry and by {other}{f':{line}' if line else ''}; "
            f"{rule}",
        )
    owner[form] = entry.path


def _line_of_name(file: Path, name: str) -> int | None:
    """The line of the front matter where ``name`` is given (for errors about a name): a line
    whose value is the name (``title: X``, ``- X``) before one that merely mentions it."""
    lines = file.read_text(encoding="utf-8").splitlines()
    end = next((n for n, line in enumerate(lines[1:], start=1) if line == "---"), len(lines))
    front = list(enumerate(lines[:end], start=1))
    value = re.compile(rf"^\s*(?:-|[\w-]+:)\s+([\"']?){re.escape(name)}\1\s*$")
    given = next((number for number, line in front if value.match(line)), None)
    return given or next((number for number, line in front if name in line), None)

"""The glossary: one Markdown file per entry under ``docs/glossary/<type>/``, read and checked.

Entries are curated data, and every claim in them must be checkable: each entry lists its
sources, and a year or issuer says where it comes from (a paragraph of the paper, or one of the
entry's sources). A broken entry stops the build with one message naming the file and the line
of the field at fault.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from build_tools.common import front_matter
from build_tools.common.errors import EditionError
from build_tools.common.yaml_lines import LinedDict, error_at
from build_tools.glossary.history import (
    CHANGED,
    EVENTS,
    MADE,
    PAPER_DATE,
    STATUSES,
    Date,
    Event,
    contradiction,
    parse_date,
)
from build_tools.glossary.matcher import normalise
from build_tools.glossary.publishers import Registry, load_registry

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
    "level_basis",
    "level_basis_source",
    "history",
    "legal_status",
    "status_checked",
    "status_search",
    "checked",
)
SOURCE_KINDS = ("official-text", "translation", "reference")
SOURCE_FIELDS = ("url", "title", "publisher", "kind", "language", "accessed", "cited_for")
EVENT_FIELDS = ("date", "event", "text", "source")
# The one line that records an entry's second reading; its digest covers every other line.
CHECKED_LINE = re.compile(r"^checked:.*\n", re.MULTILINE)
# The glossary's own pages, which are not entries (generated lists and the connections figure).
NOT_ENTRY_PAGES = frozenset(
    f"{GLOSSARY_DIR}/{name}.md"
    for name in ("index", "legal-framework", "timeline", "connections", "since-the-paper")
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
    instrument: bool = False


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
    http_only: bool = False  # an http address, because its host serves no https (the registry)
    cited_for: str = ""


@dataclass(frozen=True)
class Cited:
    """A fact (a year, an issuer) and where it comes from: ``paper:<paragraph id>`` or a URL."""

    value: object
    source: str
    line: int = 0

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
    level_basis: Cited | None = None
    history: tuple[Event, ...] = ()
    status: str | None = None
    status_checked: Date | None = None
    status_search: str | None = None
    checked: Date | None = None

    @property
    def is_instrument(self) -> bool:
        """Whether it is a legal instrument, with a history and a status."""
        return _kinds()[self.type].instrument

    @property
    def since_paper(self) -> tuple[Event, ...]:
        """Its events after the paper's publication, oldest first."""
        return tuple(e for e in self.history if e.since_paper)

    def paper_citations(self) -> list[tuple[str, int]]:
        """Every ``paper:<paragraph id>`` the front matter cites, with its line."""
        cited = [self.year, self.revised, self.issued_by, self.level_basis]
        out = [(c.paper_anchor, c.line) for c in cited if c and c.paper_anchor]
        for event in self.history:
            match = PAPER_CITE.match(event.source)
            if match:
                out.append((match[1], event.line))
        return out

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

    def __init__(self, file: Path, data: LinedDict, registry: Registry):
        self.file = file
        self.data = data
        self.registry = registry

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
        return Cited(value, where, self.data.line_of(f"{key}_source"))

    def date(self, key: str, node: LinedDict | None = None) -> Date | None:
        """An ISO date: ``2025-10-28``, or ``2025-10`` or ``2025`` where that is all a source
        gives."""
        node = node if node is not None else self.data
        if node.get(key) is None:
            return None
        date = parse_date(node[key])
        if date is None:
            raise self.fail(key, f"'{key}' must be an ISO date (2025-10-28, 2025-10 or 2025)", node)
        return date

    def history(self, sources: tuple[Source, ...]) -> tuple[Event, ...]:
        """The dated, sourced events of an instrument's life, oldest first."""
        value = self.data.get("history")
        if not isinstance(value, list):
            raise self.fail(
                "history", "'history' must be a list of events (date, event, text, source)"
            )
        events = []
        for node in value:
            if not isinstance(node, LinedDict):
                raise self.fail("history", "each event must be a mapping: date, event, source")
            unknown = sorted(set(node) - set(EVENT_FIELDS))
            if unknown:
                raise self.fail(unknown[0], f"unknown event field(s): {', '.join(unknown)}", node)
            date = self.date("date", node)
            if date is None:
                raise self.fail("date", "an event needs its 'date'", node)
            kind = node.get("event")
            if kind not in EVENTS:
                raise self.fail(
                    "event", f"unknown event {kind!r} (one of: {', '.join(EVENTS)})", node
                )
            where = node.get("source")
            if not isinstance(where, str) or not where.strip():
                raise self.fail("event", "an event needs its 'source': paper:<id> or a url", node)
            where = where.strip()
            if not PAPER_CITE.match(where) and where not in {s.url for s in sources}:
                raise self.fail(
                    "source",
                    f"an event's source must be paper:<paragraph id> or the url of one of this "
                    f"entry's sources, not {where!r}",
                    node,
                )
            text = self.text("text", node=node)
            events.append(Event(date, kind, where, text, node.line_of("date")))
        return tuple(sorted(events, key=lambda e: (e.date.first_day(), e.date.iso)))

    def status(self, events: tuple[Event, ...]) -> tuple[str, Date, str | None]:
        """An instrument's status, the day it was checked, and what was searched: each
        consistent with the events."""
        # Not `status`: Material for MkDocs reads that key as a page's badge in the navigation.
        status = self.data.get("legal_status")
        if status not in STATUSES:
            raise self.fail(
                "legal_status" if "legal_status" in self.data else "history",
                f"an instrument needs 'legal_status', one of: {', '.join(STATUSES)}",
            )
        checked = self.date("status_checked")
        if checked is None:
            raise self.fail(
                "legal_status",
                "an instrument needs 'status_checked': the day its status was checked",
            )
        late = next((e for e in events if e.date.first_day() > checked.last_day()), None)
        if late:
            raise self.fail(
                "history",
                f"an event dated {late.date.iso} is after 'status_checked' ({checked.iso})",
                next(n for n in self.data["history"] if n.line_of("date") == late.line),
            )
        wrong = contradiction(status, events)
        if wrong:
            raise self.fail("legal_status", wrong)
        search = self.text("status_search")
        if search is None and not any(e.since_paper for e in events):
            raise self.fail(
                "legal_status",
                f"no event after the paper ({PAPER_DATE}): say in 'status_search' what was "
                "searched (titles in English and Chinese, where)",
            )
        return status, checked, search

    def checked(self, text: str) -> Date:
        """The day a second reader checked the entry; refused if the entry changed since."""
        value = self.data.get("checked")
        if not isinstance(value, LinedDict) or "date" not in value or "digest" not in value:
            raise self.fail(
                "checked" if "checked" in self.data else "title",
                "an entry needs 'checked: {date: …, digest: …}', written by "
                "`python -m build_tools checked FILE` once a second reader has checked it "
                "against its sources (CONTRIBUTING: a second reader)",
            )
        date = self.date("date", value)
        if str(value["digest"]) != entry_digest(text):
            raise self.fail(
                "checked",
                f"edited since its check on {date.readable()}: have a second reader check it "
                "again, then run `python -m build_tools checked FILE`",
            )
        return date

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
        if not url.startswith(("https://", "http://")):
            raise self.fail("url", f"a source url must start with https://, not {url!r}", node)
        language = self.text("language", node=node)
        field, wrong = self.registry.check_source(url, publisher, title, language)
        if wrong:
            raise self.fail(field, wrong, node)
        accessed = node.get("accessed")
        return Source(
            url=url,
            title=title,
            publisher=publisher,
            kind=kind,
            language=language,
            accessed=str(accessed) if accessed is not None else None,
            http_only=self.registry.http_only(url),
            cited_for=self.text("cited_for", required=True, node=node),
        )


def entry_digest(text: str) -> str:
    """What a second reader's check covers: every line of the entry file but ``checked:``."""
    return hashlib.sha256(CHECKED_LINE.sub("", text).encode("utf-8")).hexdigest()[:16]


def read_entry(docs: Path, path: str, registry: Registry | None = None) -> Entry:
    """Read and check one entry file (against ``registry``, by default ``docs``' own)."""
    file = docs / path
    registry = registry or load_registry(docs)
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = file.read_bytes()[: error.start].count(b"\n") + 1
        raise EditionError(file, line, f"not UTF-8 text: {error.reason}") from None
    data, page = front_matter.read(text, file)
    if page.front is None:
        raise EditionError(file, 1, "a glossary entry must start with YAML front matter (---)")
    fields = _Fields(file, data, registry)
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
    history, status, status_checked, status_search = (), None, None, None
    for derived in ("year", "revised") if kind.instrument else ():
        if derived in data or f"{derived}_source" in data:
            raise fields.fail(
                derived if derived in data else f"{derived}_source",
                f"an instrument's '{derived}' comes from its 'history': remove it",
            )
    year = fields.cited("year", fields.year("year"), sources)
    revised = fields.cited("revised", fields.year("revised"), sources)
    if kind.instrument:
        history = fields.history(sources)
        status, status_checked, status_search = fields.status(history)
        year, revised = _year_and_revision(history)
    else:
        for name in ("history", "legal_status", "status_checked", "status_search", "level_basis"):
            if name in data:
                raise fields.fail(name, f"'{name}' is for legal instruments only")
    level_basis = fields.cited("level_basis", fields.text("level_basis"), sources)
    if kind.level is not None and level_basis is None:
        raise fields.fail(
            "type",
            f"an entry of type '{kind.type}' needs 'level_basis': one cited sentence saying who "
            "adopted or issued it and by what act (an order, a notice and its number)",
        )
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
        year=year,
        revised=revised,
        issued_by=fields.cited("issued_by", fields.text("issued_by"), sources),
        level_basis=level_basis,
        history=history,
        status=status,
        status_checked=status_checked,
        status_search=status_search,
        checked=fields.checked(text),
    )


def _year_and_revision(history: tuple[Event, ...]) -> tuple[Cited | None, Cited | None]:
    """An instrument's year (its first making event, else its first event) and its latest
    amendment or revision, each with the event's source."""
    made = [e for e in history if e.kind in MADE] or list(history)
    changed = [e for e in history if e.kind in CHANGED]
    year = Cited(made[0].date.year, made[0].source, made[0].line) if made else None
    last = changed[-1] if changed else None
    revised = Cited(last.date.year, last.source, last.line) if last else None
    return year, revised


@dataclass(frozen=True)
class Glossary:
    """All entries, and which entry each term stands for."""

    entries: tuple[Entry, ...]
    registry: Registry | None = None

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
    registry = load_registry(docs)
    paths = _check_files(docs, set(generated))
    entries = tuple(read_entry(docs, path, registry) for path in paths)
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
    return Glossary(entries, registry)


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

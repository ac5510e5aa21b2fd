"""An entry page's frame: the header that opens it (title, Chinese title, summary, where to read
the instrument, the facts with where each comes from) and the "Sources" list that ends it; and
the frame mechanism itself, which the Sources page uses too.

The frame is built as elements of the page's document tree, not written as Markdown: parsing a
hundred headers and source lists as Markdown cost more than everything else the glossary does.
It goes into the tree before the table of contents, the auto-linker and MkDocs' link checker
run, so to them it is the entry's own text: the facts' names are linked, its ``.md`` links are
rewritten and checked, and its headings are in the page's contents.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from build_tools.common.pinpoint import label, part_of
from build_tools.glossary.entries import Entry, type_folder
from build_tools.glossary.history import status_words
from build_tools.markdown import order

KIND_LABELS = {"official-text": "Official text", "translation": "English translation"}
SINCE_PAGE = "glossary/since-the-paper.md"
PRIORITY = order.ENTRY_FRAME  # the reasons: build_tools.markdown.order


def element(tag: str, text: str | None = None, **attrs: str) -> etree.Element:
    """An element with its text; ``class_`` stands for the ``class`` attribute."""
    element = etree.Element(tag, {key.rstrip("_"): value for key, value in attrs.items()})
    element.text = text
    return element


def add(parent: etree.Element, child: etree.Element, tail: str | None = None) -> etree.Element:
    """Append ``child`` to ``parent``, followed by ``tail``; return the child."""
    parent.append(child)
    child.tail = tail
    return child


def _relative(target: str, entry: Entry) -> str:
    return posixpath.relpath(target, posixpath.dirname(entry.path))


def cite_link(entry: Entry, where: str, paper: dict[str, str]) -> etree.Element:
    """A link to where a fact comes from: the paper's paragraph, or the entry's source."""
    if where.startswith("paper:"):
        anchor = where.removeprefix("paper:")
        page = paper.get(part_of(anchor))
        if page is None:  # the entries' checks stop a build before this; never a dead link
            return element("span", f"the paper, ¶ {anchor}")
        return element("a", label(anchor), href=f"{_relative(page, entry)}#{anchor}")
    return element("a", entry.source(where).publisher, href=where)


def _fact(facts: etree.Element, name: str, value: str | etree.Element) -> etree.Element:
    item = add(facts, element("li"), "\n")
    add(item, element("strong", f"{name}:"), " ")
    if isinstance(value, str):
        item[-1].tail += value
    else:
        item.append(value)
    return item


def _cited_fact(facts, name: str, value, entry: Entry, where: str, paper) -> None:
    item = _fact(facts, name, str(value))
    item[-1].tail += " "
    small = add(item, element("small", "("))
    add(small, cite_link(entry, where, paper), ")")


def entry_header(entry: Entry, index_path: str, paper: dict[str, str]) -> list[etree.Element]:
    """The elements that open an entry's page, in order.

    ``paper`` maps the paper's part ids to their pages, to link facts taken from the paper.
    """
    out = [element("h1", entry.title)]
    if entry.title_zh:
        out.append(element("p", entry.title_zh, class_="entry-zh", lang="zh-Hans"))
    elif entry.title_zh_unconfirmed:
        note = f"Chinese title not confirmed: {entry.title_zh_unconfirmed}"
        out.append(element("p", note, class_="entry-zh-missing"))
    out.append(element("p", entry.summary, class_="entry-summary"))
    if entry.status:
        out.append(_status(entry, paper))
    if entry.checked:
        checked = f"Checked against its sources on {entry.checked.readable()} by a second reader."
        out.append(element("p", checked, class_="entry-checked"))
    read = [source for kind in KIND_LABELS for source in entry.of_kind(kind)]
    if read:
        line = element("p", class_="entry-read")
        add(line, element("strong", "Read it:"), " ")
        for number, source in enumerate(read):
            text = f"{KIND_LABELS[source.kind]} ({source.publisher})"
            between = " · " if number + 1 < len(read) else None
            add(line, element("a", text, href=source.url), between)
        out.append(line)
    facts = element("ul", "\n")
    kind = element("a", entry.type, href=f"{_relative(index_path, entry)}#{type_folder(entry)}")
    _fact(facts, "Type", kind)
    for name, fact in (
        ("Year", entry.year),
        ("Latest amendment or revision", entry.revised),
        ("Issued by", entry.issued_by),
    ):
        if fact:
            _cited_fact(facts, name, fact.value, entry, fact.source, paper)
    if entry.level_basis:
        basis = entry.level_basis
        _cited_fact(facts, "Basis of its level", basis.value, entry, basis.source, paper)
    if entry.aliases:
        _fact(facts, "Also named in the paper", "; ".join(f"“{a}”" for a in entry.aliases))
    if entry.also_known_as:
        _fact(facts, "Also known as", "; ".join(entry.also_known_as))
    out.append(facts)
    return out


def _status(entry: Entry, paper: dict[str, str]) -> etree.Element:
    """The status line: the instrument's status as of its check, where it comes from, and a
    link to the "Since the paper" page when anything happened since."""
    line = element("p", class_=f"entry-status status-{entry.status}")
    add(line, element("strong", "Status:"), f" {status_words(entry.status, entry.history)} ")
    events = entry.since_paper or entry.history[-1:]
    if events:
        small = add(line, element("small", "("))
        add(small, cite_link(entry, events[-1].source, paper), ")")
    checked = f" — checked {entry.status_checked.readable()}."
    if entry.since_paper:
        add(line, element("span", checked + " "))
        add(line, element("a", "What changed since the paper", href=_relative(SINCE_PAGE, entry)))
    else:
        add(line, element("span", checked))
    return line


def entry_history(entry: Entry, paper: dict[str, str]) -> list[etree.Element]:
    """The "History" heading and list: every dated event, oldest first, each with its source;
    what was searched when nothing was found since the paper."""
    if not entry.is_instrument:
        return []
    rows = element("ul", "\n", class_="entry-history")
    for event in entry.history:
        row = add(rows, element("li"), "\n")
        if event.since_paper:
            row.set("class", "since-paper")
        add(row, element("strong", event.date.readable()), f" — {event.describe()} ")
        small = add(row, element("small", "("))
        add(small, cite_link(entry, event.source, paper), ")")
    out = [element("h2", "History", id="history")]
    if entry.history:
        out.append(rows)
    else:
        out.append(
            element(
                "p",
                "No dated event of its making was found in a source the edition "
                "cites; its status is the paper’s.",
            )
        )
    if entry.status_search:
        out.append(
            element(
                "p",
                f"Searched for changes since the paper: {entry.status_search}",
                class_="entry-search",
            )
        )
    return out


def source_details(source) -> str:
    """What a Sources row says after the title: publisher, kind, language, date, http."""
    details = [source.publisher, source.kind.replace("-", " ")]
    if source.language:
        details.append(source.language)
    if source.accessed:
        details.append(f"accessed {source.accessed}")
    if source.http_only:
        details.append("http only: no https address was found for this site")
    return ", ".join(details)


def entry_sources(entry: Entry) -> list[etree.Element]:
    """The "Sources" heading and list that end an entry's text: every page the entry cites.

    Titles and publishers are not the paper's words: the list is never auto-linked.
    """
    rows = element("ul", "\n")
    for source in entry.sources:
        row = add(rows, element("li"), "\n")
        add(row, element("a", source.title, href=source.url), f" — {source_details(source)}")
        if source.cited_for:
            add(row, element("br"))
            add(row, element("small", f"Cited for: {source.cited_for}", class_="source-use"))
    box = element("div", "\n", class_="no-link")
    add(box, rows, "\n")
    return [element("h2", "Sources", id="sources"), box]


class Frame(Treeprocessor):
    """Puts the current page's frame around its text: elements before it and after it."""

    def __init__(self, md: Markdown, extension: FrameExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Frame the page's text, when the page being converted has a frame. A frame is used
        once: any other text converted while the page is built is left as it is."""
        before, after = self.extension.before, self.extension.after
        self.extension.set([], [])
        for position, child in enumerate(before):
            root.insert(position, child)
        root.extend(after)


class FrameExtension(Extension):
    """Holds the frame of the page being converted (set by the glossary's build per page)."""

    def __init__(self):
        super().__init__()
        self.before: list[etree.Element] = []
        self.after: list[etree.Element] = []

    def set(self, before: list[etree.Element], after: list[etree.Element]) -> None:
        """Frame the next page converted with these elements (none: leave it as it is)."""
        self.before, self.after = before, after

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Register the frame among Python-Markdown's tree processors, before the others."""
        md.treeprocessors.register(Frame(md, self), "glossary_frame", PRIORITY)

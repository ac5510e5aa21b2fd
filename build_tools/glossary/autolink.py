"""Auto-linking: every mention of a glossary term in a page's text becomes a link to its entry.

It works on the parsed document (Python-Markdown's element tree), on text only: never inside a
link, heading, code, script or style, nor in an element marked ``no-link``. Links are ordinary
relative ``.md`` links, so MkDocs rewrites and validates them like any other. Linking only wraps
text in ``<a>``: the visible text of the page never changes.
"""

from __future__ import annotations

import bisect
import functools
import posixpath
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from build_tools.common.sentences import sentence_ends
from build_tools.glossary.matcher import TermMatcher
from build_tools.markdown import order

SKIP_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style"})
SKIP_CLASSES = frozenset({"no-link", "headerlink"})
# Text that is linked but is not the paper's: its mentions are not backlinks (editor's notes).
UNRECORDED_CLASSES = frozenset({"admonition"})
# Elements whose text is cut into sentences for the backlinks' quotations.
SENTENCE_BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption"})
LINK_CLASS = "glossary-link"
PRIORITY = order.AUTOLINK  # the reasons: build_tools.markdown.order
_PLACEHOLDER = re.compile("\x02[^\x03]*\x03")
_BREAKS = re.compile("\x00+")
_SPACES = re.compile(r"[\s\x00]+")
_HEADERLINK = frozenset({"headerlink"})


@dataclass(frozen=True)
class Mention:
    """A linked mention: its entry, the id of its block, and its sentence in three parts."""

    key: str
    block_id: str | None
    before: str
    text: str
    after: str

    @property
    def sentence(self) -> str:
        """The whole sentence that mentions the entry."""
        return self.before + self.text + self.after


UNRECORDED = object()  # stands for the block id inside an unrecorded element


def _has_class(element: etree.Element, classes: frozenset[str]) -> bool:
    value = element.get("class")
    return bool(value) and not classes.isdisjoint(value.split())


def _skipped(element: etree.Element) -> bool:
    return element.tag in SKIP_TAGS or _has_class(element, SKIP_CLASSES)


def link_tree(
    root: etree.Element,
    matcher: TermMatcher,
    make_link: Callable[[str, str], etree.Element | None],
) -> list[Mention]:
    """Link every mention under ``root``; return the mentions, in document order.

    ``make_link(key, text)`` returns the ``<a>`` for a mention, or None to leave it as text
    (an entry's own page does not link to itself).
    """
    created: dict[int, tuple[str, etree.Element, str | None]] = {}  # id(a) -> key, block, id
    inserted: set[int] = set()
    blocks: dict[int, etree.Element] = {}  # by id, in the order their first link was made

    def linked(text: str, block: etree.Element, block_id) -> tuple[str, list[etree.Element]]:
        if text.isspace():  # no term is blank: nothing to find (most tails are "\n")
            return text, []
        head, links, position = None, [], 0
        for match in matcher.find(text):
            anchor = make_link(match.key, text[match.start : match.end])
            if anchor is None:
                continue
            before = text[position : match.start]
            if links:
                links[-1].tail = before
            else:
                head = before
            anchor.text = text[match.start : match.end]
            links.append(anchor)
            inserted.add(id(anchor))
            if block_id is not UNRECORDED:
                created[id(anchor)] = (match.key, block, block_id)
            position = match.end
        if not links:
            return text, []
        links[-1].tail = text[position:]
        if block_id is not UNRECORDED:
            blocks.setdefault(id(block), block)
        return head, links

    def walk(element: etree.Element, block: etree.Element, block_id) -> None:
        if block_id is not UNRECORDED:
            if _has_class(element, UNRECORDED_CLASSES):
                block_id = UNRECORDED
            else:
                block_id = element.get("id") or block_id
        if element.tag in SENTENCE_BLOCKS:
            block = element
        if element.text:
            element.text, links = linked(element.text, block, block_id)
            for index, anchor in enumerate(links):
                element.insert(index, anchor)
        for child in list(element):
            if id(child) in inserted:
                continue
            if not _skipped(child):
                walk(child, block, block_id)
            if child.tail:
                child.tail, links = linked(child.tail, block, block_id)
                if links:
                    position = list(element).index(child) + 1
                    for offset, anchor in enumerate(links):
                        element.insert(position + offset, anchor)

    walk(root, root, None)
    mentions: list[tuple[int, Mention]] = []
    for block in blocks.values():
        mentions += _block_mentions(block, created)
    order = {id(a): n for n, a in enumerate(root.iter()) if id(a) in created}
    return [m for _, m in sorted(mentions, key=lambda pair: order[pair[0]])] if mentions else []


def _block_mentions(block, created) -> list:
    """The sentence of each link in ``block``: the block's text, cut at sentence ends."""
    text, spans = [], []
    length = 0  # of the text collected so far

    def collect(element: etree.Element) -> None:
        nonlocal length
        if _has_class(element, _HEADERLINK):
            return
        start = length
        own = "\x00" if element.tag == "br" else element.text or ""
        text.append(own)
        length += len(own)
        for child in element:
            collect(child)
            tail = child.tail or ""
            text.append(tail)
            length += len(tail)
        if id(element) in created and created[id(element)][1] is block:
            spans.append((element, start, start + len(element.text or "")))

    collect(block)
    full = "".join(text)
    if "\x02" in full:  # stashed raw HTML: blanked (most paragraphs have none)
        full = _PLACEHOLDER.sub(_blank, full)
    # A <br> or raw HTML ends a sentence too.
    breaks = [m.end() for m in _BREAKS.finditer(full)] if "\x00" in full else []
    cuts = sorted({0, *sentence_ends(full), *breaks, len(full)})
    result = []
    for element, start, end in spans:
        first = cuts[bisect.bisect_right(cuts, start) - 1]  # the last cut at or before start
        last = cuts[bisect.bisect_left(cuts, end)]  # the first cut at or after end
        mention = Mention(
            key=created[id(element)][0],
            block_id=created[id(element)][2],
            before=_squash(full[first:start]).lstrip(),
            text=_squash(full[start:end]),
            after=_squash(full[end:last]).rstrip(),
        )
        result.append((id(element), mention))
    return result


def _blank(match: re.Match) -> str:
    """Stashed raw HTML (such as a table's <br>) ends a sentence; offsets are kept."""
    return "\x00" * len(match.group())


def _squash(text: str) -> str:
    if "  " not in text and text.isprintable():  # no \x00, no space but " " (it is Unicode's)
        return text
    return _SPACES.sub(" ", text)


@functools.cache
def _relative(path: str, folder: str) -> str:
    """``path`` relative to ``folder`` (both under docs/), computed once for each pair."""
    return posixpath.relpath(path, folder)


class AutoLinker(Treeprocessor):
    """Links the current page's mentions and hands them to ``on_mentions``."""

    def __init__(self, md: Markdown, extension: AutoLinkExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Link the glossary terms in the page's text, leaving its visible words unchanged."""
        ext = self.extension
        if ext.matcher is None or ext.page_path is None:
            return
        mentions = link_tree(root, ext.matcher, ext.make_link)
        if ext.on_mentions:
            ext.on_mentions(ext.page_path, mentions)


class AutoLinkExtension(Extension):
    """Holds the build's matcher and entries; the hook sets the page being rendered."""

    def __init__(self, matcher: TermMatcher, entries: dict, on_mentions=None):
        super().__init__()
        self.matcher = matcher
        self.entries = entries  # path -> Entry
        self.on_mentions = on_mentions
        self.page_path: str | None = None

    def make_link(self, key: str, text: str) -> etree.Element | None:
        """The link for a mention of entry ``key`` on the current page (none on its own page)."""
        if key == self.page_path:
            return None
        anchor = etree.Element("a")
        anchor.set("href", _relative(key, posixpath.dirname(self.page_path) or "."))
        anchor.set("class", LINK_CLASS)
        anchor.set("title", self.entries[key].summary)
        return anchor

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        """Register the linker among Python-Markdown's tree processors, before MkDocs' links."""
        md.treeprocessors.register(AutoLinker(md, self), "glossary_autolink", PRIORITY)

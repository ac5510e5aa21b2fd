"""The whole paper as a PDF: ``python -m build_tools pdf`` (``make pdf``), after ``make site``.

Debian's Chromium, driven by Playwright, prints the page ``pdf_source`` makes from the built
whole-paper page: A4, the paper's title at the top of each page and the page number at the
foot, each part on a new page, a table of contents whose entries link to their pages (and give
their numbers), the glossary and the editorial notes as appendices, PDF bookmarks and tags.
It prints twice: the first printing tells on which page each heading falls, the second shows
those numbers in the contents. ``pypdf`` then sets the title and author, the file goes to
``site/downloads/``, and the home and whole-paper pages get its link, size and page count.
Nothing is fetched from outside the machine while printing.
"""

from __future__ import annotations

import html
import io
import os
import time
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from build_tools.citing.metadata import CITATION_FILE, read_citation_file
from build_tools.common.errors import EditionError
from build_tools.edition.editorial_map import DEFAULT_MAP, paper_files
from build_tools.pdf.link import PDF_FILE, publish
from build_tools.pdf.source_page import CONTENTS_ID, Linker, pdf_source

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
SOURCE_NAME = ".pdf-source.html"  # written next to print.html, so its relative links resolve
DATA = Path(__file__).with_name("data")
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}
LOCAL = {"file", "data", "about", "blob"}


@dataclass(frozen=True)
class PdfResult:
    """What ``make pdf`` made: the file, its size in bytes, its pages, and the time it took."""

    path: Path
    size: int
    pages: int
    seconds: float


def _templates(title: str) -> tuple[str, str]:
    """The running head (the paper's title) and foot (page n of N), as Chromium takes them."""
    values = {"title": html.escape(title)}
    head = Template((DATA / "pdf-header.html").read_text(encoding="utf-8")).substitute(values)
    foot = Template((DATA / "pdf-footer.html").read_text(encoding="utf-8")).substitute(values)
    return head, foot


def _site_url(site: Path) -> str:
    """The site's address, as the build wrote it into the home page's canonical link."""
    text = (site / "index.html").read_text(encoding="utf-8")
    marker = '<link rel="canonical" href="'
    if marker not in text:
        return ""
    start = text.index(marker) + len(marker)
    url = text[start : text.index('"', start)]
    return url if url.endswith("/") else url.rsplit("/", 1)[0] + "/"


def heading_pages(pdf: bytes, anchors: list[str]) -> dict[str, int]:
    """The page (counted from 1) on which each anchor's named destination lies."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    pages = {}
    for anchor in anchors:
        destination = destinations.get(f"/{anchor}") or destinations.get(anchor)
        if destination is not None:
            pages[anchor] = reader.get_destination_page_number(destination) + 1
    return pages


def _print(source: Path, title: str) -> bytes:
    """Print ``source`` twice with Chromium; the second time with the contents' page numbers."""
    from playwright.sync_api import sync_playwright

    head, foot = _templates(title)
    options = {
        "format": "A4",
        "margin": MARGIN,
        "display_header_footer": True,
        "header_template": head,
        "footer_template": foot,
        "outline": True,
        "tagged": True,
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if urlsplit(route.request.url).scheme in LOCAL
                    else route.abort()
                ),
            )
            page.goto(source.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            anchors = page.eval_on_selector_all(
                f"#{CONTENTS_ID} .pdf-page", "spans => spans.map(s => s.dataset.for)"
            )
            first = page.pdf(**options)
            numbers = heading_pages(first, anchors)
            page.eval_on_selector_all(
                f"#{CONTENTS_ID} .pdf-page",
                "(spans, at) => spans.forEach(s => s.textContent = at[s.dataset.for] || '')",
                numbers,
            )
            return page.pdf(**options)
        finally:
            browser.close()


def _with_metadata(pdf: bytes, metadata: dict[str, str]) -> bytes:
    """The PDF with its document information (title, author, …) set; all else kept."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_pdf(site: Path, root: Path = Path(".")) -> PdfResult:
    """Print the built site's whole paper into ``site/downloads/`` and link it; see the module."""
    from pypdf import PdfReader

    from build_tools.glossary.entries import load_glossary

    started = time.monotonic()
    if not (site / "print.html").is_file():
        raise EditionError(site, None, "no built site here: run `make site` first, or pass --site")
    if not Path(CHROMIUM).is_file():
        raise EditionError(CHROMIUM, None, "the PDF is printed by Debian's chromium: make browser")
    citable = read_citation_file(root / CITATION_FILE)
    paper = {path: part for part, path in paper_files(root / DEFAULT_MAP).items()}
    glossary = load_glossary(root / "docs")
    site_url = _site_url(site)
    source = site.resolve() / SOURCE_NAME
    source.write_text(
        pdf_source(site, Linker(paper, glossary, site_url), glossary, f"{site_url}print.html"),
        encoding="utf-8",
    )
    try:
        printed = _print(source, citable.paper.title)
    finally:
        source.unlink(missing_ok=True)
    pdf = _with_metadata(
        printed,
        {
            "/Title": citable.paper.title,
            "/Author": citable.paper.author,
            "/Subject": f"{citable.paper.genre}, {citable.paper.date}; {citable.edition.title}",
            "/Keywords": ", ".join(citable.edition.keywords),
            "/Creator": f"{citable.edition.title} ({site_url or 'local build'})",
        },
    )
    target = site / PDF_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    publish(site, len(pdf), pages)
    return PdfResult(target, len(pdf), pages, time.monotonic() - started)

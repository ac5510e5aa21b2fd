"""The link to the PDF on the home and whole-paper pages, and its size and page count.

The PDF is printed after the site is built (``make pdf``), so the build writes the link hidden,
with an empty place for the figures; ``publish`` then shows it and fills in the size and page
count of the file it printed. A site built without ``make pdf`` offers no broken link.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from build_tools.common.errors import EditionError

PDF_FILE = "downloads/cyberspace-governance-white-paper-2023.pdf"
# The pages that link the PDF, as built (the home page and the whole paper on one page).
LINKING_PAGES = ("index.html", "print.html")
_HIDDEN = '<p class="edition-pdf" hidden>'
_INFO = '<span class="edition-pdf-info"></span>'
_PARAGRAPH = re.compile(r'<p class="edition-pdf"(?: hidden)?>')
_FILLED_INFO = re.compile(r'<span class="edition-pdf-info">[^<]*</span>')


def pdf_paragraph(page_url: str) -> str:
    """The hidden paragraph that links the PDF from the page at ``page_url``."""
    href = get_relative_url(PDF_FILE, page_url)
    return (
        f'{_HIDDEN}<a href="{href}" type="application/pdf">The whole paper as a PDF</a>: '
        "for print and e-readers, with a table of contents, the glossary and the editorial "
        f"notes {_INFO}</p>"
    )


def size_label(size: int, pages: int) -> str:
    """``(PDF, 1.2 MB, 48 pages)``: what a reader wants to know before downloading."""
    megabytes = size / 1_000_000
    amount = f"{megabytes:.1f} MB" if megabytes >= 0.1 else f"{max(1, round(size / 1000))} kB"
    return f"(PDF, {amount}, {pages} pages)"


def publish(site: Path, size: int, pages: int) -> None:
    """Show the PDF's link on the pages that have it, with its size and page count."""
    info = f'<span class="edition-pdf-info">{size_label(size, pages)}</span>'
    for name in LINKING_PAGES:
        path = site / name
        text, found = _PARAGRAPH.subn('<p class="edition-pdf">', path.read_text(encoding="utf-8"))
        if not found:
            raise EditionError(path, None, "no link to the PDF here: build the site with make site")
        path.write_text(_FILLED_INFO.sub(info, text), encoding="utf-8")

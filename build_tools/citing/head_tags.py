"""Meta tags that let reference managers, search engines and link previews read a page.

Highwire Press ``citation_*`` tags (Google Scholar, Zotero) and Dublin Core ``DC.*`` tags
describe the work a paper page belongs to: the white paper, its author and date, and where to
read it. Open Graph tags (``og:*``) give a link preview its title, text and address. The
template ``overrides/main.html`` writes them into each page's ``<head>``.
"""

from __future__ import annotations

import html
import re

from build_tools.citing.metadata import Citable
from build_tools.markdown.paragraph_links import first_paragraph

_HEADERLINK = re.compile(r"<a class=\"headerlink\"[^>]*>.*?</a>")
_TAG = re.compile(r"<[^>]+>")
PREVIEW_LENGTH = 200


def preview(content: str, fallback: str) -> str:
    """The first paragraph of a page's HTML as plain text, cut at a word near 200 characters."""
    # A page's first paragraph of the paper (its ¶ link aside) becomes its preview text.
    first = first_paragraph(content or "")
    if first is None:
        return fallback
    text = " ".join(html.unescape(_TAG.sub("", _HEADERLINK.sub("", first))).split())
    if len(text) <= PREVIEW_LENGTH:
        return text
    return text[:PREVIEW_LENGTH].rsplit(" ", 1)[0] + " …"


def citation_tags(citable: Citable, page_url: str, site_url: str, pdf_url: str) -> list:
    """Highwire Press and Dublin Core tags for a page of the paper: ``(attribute, key, value)``."""
    paper, edition = citable.paper, citable.edition
    date = paper.date.replace("-", "/")
    tags = [("name", "citation_title", paper.title)]
    tags += [("name", "citation_author", name) for name in paper.authors]
    tags += [
        ("name", "citation_publication_date", date),
        ("name", "citation_date", date),
        ("name", "citation_technical_report_institution", paper.institution),
        ("name", "citation_publisher", paper.institution),
        ("name", "citation_language", paper.language),
        ("name", "citation_public_url", page_url),
        ("name", "citation_fulltext_html_url", page_url),
        ("name", "citation_abstract_html_url", site_url),
        ("name", "citation_pdf_url", pdf_url),
        ("name", "DC.title", paper.title),
    ]
    tags += [("name", "DC.creator", name) for name in paper.authors]
    tags += [("name", "DC.contributor", name) for name in edition.authors]
    tags += [
        ("name", "DC.date", paper.date),
        ("name", "DC.publisher", paper.institution),
        ("name", "DC.type", "Text"),
        ("name", "DC.format", "text/html"),
        ("name", "DC.language", paper.language),
        ("name", "DC.identifier", page_url),
        ("name", "DC.source", paper.url),
    ]
    return [tag for tag in tags if tag[2]]


def open_graph_tags(title: str, description: str, page_url: str, site_name: str) -> list:
    """Open Graph tags for a link preview of any page: ``(attribute, key, value)``."""
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", page_url),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "en_US"),
    ]
    return [tag for tag in tags if tag[2]]

"""What one MkDocs build does for citing: records, per-paragraph citations, meta tags, the PDF link.

``hooks/citations.py`` forwards MkDocs' events here. The addresses come from the deployment:
``site_url`` (the Pages workflow sets it from ``actions/configure-pages``; a local build keeps
the placeholder in ``mkdocs.yml``), so a paragraph's permanent URL is the same whether the page
is read on the hosted site or from disk.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from build_tools.citing import citations, head_tags
from build_tools.citing.metadata import (
    CITATION_FILE,
    Citable,
    build_date,
    dated,
    edition_item,
    paper_item,
    read_citation_file,
)
from build_tools.citing.records import record_files
from build_tools.common.errors import EditionError
from build_tools.common.pinpoint import label, part_of
from build_tools.common.placeholders import fill
from build_tools.edition.editorial_map import DEFAULT_MAP, paper_files
from build_tools.edition.home import HOME_FILE
from build_tools.edition.print_page import PRINT_FILE
from build_tools.markdown.paragraph_links import paragraph_ids
from build_tools.pdf.link import PDF_FILE, pdf_paragraph

# The home page's placeholders (``common.placeholders``): <!-- edition:references -->,
# <!-- edition:pdf -->.
ROOM = "edition"
DATA_ID = "edition-cite"


class CiteBuild:
    """The citable works, the formatter and the paper's pages, for one build."""

    def __init__(self) -> None:
        self.citable: Citable | None = None
        self.citations: citations.Citations | None = None
        self.paper_by_id: dict[str, str] = {}
        self.site_url = ""

    def start(self, config) -> None:
        """Read ``CITATION.cff`` and the editorial map; a site without them cites nothing."""
        root = Path(config.config_file_path).parent
        self.citable = None
        if not (root / CITATION_FILE).exists():
            return
        if not config.site_url:
            raise PluginError(
                "citations: set site_url (SITE_URL) so that citations have an address"
            )
        try:
            citable = read_citation_file(root / CITATION_FILE)
            self.citable = Citable(citable.paper, dated(citable.edition, build_date()))
            self.paper_by_id = paper_files(root / DEFAULT_MAP)
        except EditionError as error:
            raise PluginError(f"citations: {error}") from None
        self.site_url = config.site_url
        self.citations = citations.Citations(paper_item(self.citable.paper, self.site_url))

    def add_records(self, files, config) -> None:
        """The BibTeX, RIS and CSL-JSON records, as files of the site under ``downloads/``."""
        if not self.citable:
            return
        records = record_files(self.citable.paper, self.citable.edition, self.site_url)
        for path, text in records.items():
            files.append(File.generated(config, path, content=text))

    def is_paper(self, path: str) -> bool:
        """Whether a page shows the paper's text: its parts and panels, or the whole paper."""
        return path in self.paper_by_id.values() or path == PRINT_FILE

    def page_content(self, content: str, page, files) -> str:
        """The citation data of a page of the paper; the references and PDF link of the home
        and whole-paper pages."""
        if not self.citable:
            return content
        path = page.file.src_uri
        if path == HOME_FILE:
            content = fill(content, ROOM, "references", self._references())
            content = fill(content, ROOM, "pdf", pdf_paragraph(page.file.url))
        if path == PRINT_FILE:
            content = _after_title(content, pdf_paragraph(page.file.url))
        if self.is_paper(path):
            content += self._paragraph_data(content, files)
        return content

    def _paragraph_data(self, content: str, files) -> str:
        """Every paragraph's citations, as JSON for the Cite buttons to show."""
        paragraphs = {}
        for anchor in paragraph_ids(content):
            source = self.paper_by_id.get(part_of(anchor))
            if source and files.get_file_from_path(source):
                url = f"{self.site_url}{files.get_file_from_path(source).url}#{anchor}"
                cited = self.citations.paragraph(label(anchor, "citation"), url)
                paragraphs[anchor] = [cited.pinpoint, url, cited.chicago_note, cited.apa_in_text]
        data = {
            "refs": [self.citations.chicago_bibliography, self.citations.apa_reference],
            "p": paragraphs,
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return f'\n<script type="application/json" id="{DATA_ID}">{text}</script>\n'

    def _references(self) -> str:
        """The paper and the edition as Chicago and APA references, for the home page."""
        paper = paper_item(self.citable.paper)
        edition = edition_item(self.citable.edition, self.site_url)
        rows = []
        for work, item in (("The white paper", paper), ("This edition", edition)):
            for name, style in (("Chicago", citations.CHICAGO), ("APA 7", citations.APA)):
                rows.append(
                    f"<dt>{html.escape(work)}, {name}</dt>"
                    f"<dd>{citations.reference(item, style)}</dd>"
                )
        return f'<dl class="edition-references">{"".join(rows)}</dl>'

    def page_context(self, context, page, config) -> None:
        """Meta tags for the page's ``<head>``: citation tags on the paper's pages, Open Graph
        tags on every page."""
        page_url = page.canonical_url or ""
        description = head_tags.preview(page.content, config.site_description or "")
        tags = head_tags.open_graph_tags(
            page.title or config.site_name, description, page_url, config.site_name
        )
        path = page.file.src_uri
        if self.citable and (self.is_paper(path) or path == HOME_FILE):
            tags = (
                head_tags.citation_tags(
                    self.citable, page_url, self.site_url, self.site_url + PDF_FILE
                )
                + tags
            )
        context["edition_meta"] = tags


def _after_title(content: str, addition: str) -> str:
    """``addition`` just after the page's first heading."""
    end = content.find("</h1>")
    if end == -1:
        return addition + content
    end += len("</h1>")
    return content[:end] + addition + content[end:]

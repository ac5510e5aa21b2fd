"""What a contributor meets on the site: edit links, the guide, the developer reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

# A local build: the repository is the placeholder in mkdocs.yml (the Pages workflow sets the
# real one; tests/test_citations.py builds with a deployment's settings too).
REPOSITORY = "https://example.invalid/repository-not-set"
EDIT = REPOSITORY + "/edit/main/"
PAPER = [
    "preface",
    *(f"chapters/chapter-{n}" for n in range(1, 7)),
    *(f"panels/panel-{n}" for n in range(1, 9)),
    "conclusion",
]


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def buttons(page: BeautifulSoup) -> dict[str, str]:
    """The page's action links at the top of its content: link text or title → address."""
    return {
        a.get_text(" ", strip=True) or a["title"]: a["href"]
        for a in page.select("article a.md-content__button")
    }


def test_the_config_names_the_repository_and_where_edits_go():
    # BaseLoader builds no objects (all strings); safe_load rejects mkdocs.yml's !ENV tags.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506
    assert config["repo_url"] == ["REPO_URL", REPOSITORY]  # !ENV: the deployment's, or this
    assert config["edit_uri"] == "edit/main/docs/"
    assert config["theme"]["custom_dir"] == "overrides"


@pytest.mark.parametrize(
    ("page", "source"),
    [
        ("chapters/chapter-2", "docs/chapters/chapter-2.md"),
        ("panels/panel-1", "docs/panels/panel-1.md"),
        ("index", "build_tools/edition/templates/home.md"),
        ("about/editorial-notes", "seeds/edition.yml"),
        ("about/contributing", "CONTRIBUTING.md"),
        ("about/editors-notes", "docs/about/editors-notes.md"),
        ("glossary/law/data-security-law", "docs/glossary/law/data-security-law.md"),
        ("developers/reading", "docs/developers/reading.md"),
    ],
)
def test_edit_this_page_leads_to_the_file_that_makes_the_page(site, page, source):
    links = buttons(soup(site, page))
    assert links["Edit this page"] == EDIT + source
    assert (ROOT / source).is_file()


@pytest.mark.parametrize("page", PAPER)
def test_the_papers_pages_offer_to_correct_the_text_in_the_editorial_map(site, page):
    html = soup(site, page)
    links = buttons(html)
    assert list(links) == ["Edit this page"], "one edit control beside the heading"
    assert links["Edit this page"] == EDIT + f"docs/{page}.md"
    foot = html.select_one("article aside.edition-correct")
    assert foot.a.get_text() == "correct the paper’s text"
    assert foot.a["href"] == EDIT + "seeds/edition.yml"


@pytest.mark.parametrize("page", ["index", "about/editorial-notes", "glossary/index"])
def test_other_pages_do_not_offer_a_text_correction(site, page):
    assert soup(site, page).select_one("aside.edition-correct") is None


def test_no_page_asks_github_for_stars_the_repository_is_a_plain_link(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in html, path
        assert "api.github.com" not in html, path
    header = soup(site, "index").select_one(".md-header a.md-source")
    assert header["href"] == REPOSITORY


def test_the_contributing_page_is_contributing_md(site):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    page = soup(site, "about/contributing").select_one("article")
    assert page.h1.get_text(strip=True).startswith("Contributing")
    headings = re.findall(r"^## (.+)$", guide, flags=re.MULTILINE)
    shown = [h2.get_text(strip=True).rstrip("¶") for h2 in page.find_all("h2")]
    assert shown == headings
    text = page.get_text(" ")
    for must in ["seeds/edition.yml", "make convert", "!!! editor", "make serve", "make test"]:
        assert must in text


def test_the_guide_covers_what_a_contributor_needs():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for field in ["title", "type", "aliases", "year", "issued_by", "summary"]:
        assert f"`{field}`" in guide
    for fact in [
        "printed",
        "corrected",
        "reason",
        "docs/glossary/law/data-security-law.md",
        "one entry only",
        "pymarkdown",
        "actionlint",
        ".github/workflows/ci.yml",
        ".github/workflows/pages.yml",
    ]:
        assert fact in guide


def test_the_developer_reference_is_generated_from_docstrings(site):
    from build_tools.editors_notes import page as notes_page

    page = soup(site, "developers/reading")
    entry = page.find(id="build_tools.editors_notes.page.first_sentence")
    assert entry is not None
    first_line = notes_page.first_sentence.__doc__.splitlines()[0]
    assert first_line in entry.find_parent("div").get_text(" ", strip=True)
    nav = soup(site, "developers/index").select_one("nav.md-nav--primary").get_text(" ")
    for title in ["Convert time", "Build time", "After the build", "Shared pieces"]:
        assert title in nav

"""The built site, read with Beautiful Soup: what a reader gets from `make site`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PART_PAGES = ["preface", *(f"chapters/chapter-{n}" for n in range(1, 7)), "conclusion"]
PANEL_PAGES = [f"panels/panel-{n}" for n in range(1, 9)]


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def article(page: BeautifulSoup):
    return page.select_one("article.md-content__inner")


@pytest.mark.parametrize("name", PART_PAGES + PANEL_PAGES)
def test_every_paragraph_of_the_paper_has_an_id_and_a_permalink(site, name):
    body = article(soup(site, name))
    paragraphs = [p for p in body.find_all("p", recursive=False) if p.get("id")]
    assert paragraphs or name == "panels/panel-1"
    for p in paragraphs:
        link = p.find("a", class_="headerlink", recursive=False)
        assert link is not None and link["href"] == f"#{p['id']}"


def test_chapter_heading_shows_the_true_numeral(site):
    h1 = article(soup(site, "chapters/chapter-4")).h1
    assert h1["id"] == "ch4"
    assert h1.get_text(" ", strip=True).startswith(
        "IV. Defending Fairness and Justice in Cyberspace"
    )


def test_panel_card_and_back_link_connect_chapter_and_panel(site):
    chapter = article(soup(site, "chapters/chapter-3"))
    card = chapter.select_one("div.panel-card#panel3")
    assert card.a["href"] == "../panels/panel-3.html"
    assert card.get_text(strip=True) == "Panel 3 Operation Wangjian"
    panel = article(soup(site, "panels/panel-3"))
    note = panel.select_one(".admonition.info")
    assert "3. Maintaining Order in the Online Market" in note.get_text()
    assert "../chapters/chapter-3.html#panel3" in [a["href"] for a in note.find_all("a")]


def test_panel_one_renders_as_a_table_with_row_ids(site):
    table = article(soup(site, "panels/panel-1")).select_one("#panel1-table table")
    rows = table.find_all("tr")
    assert [r.find(["td", "th"]).get_text(strip=True) for r in rows] == [
        "Type",
        "Law",
        "Administrative Regulation",
        "Departmental Rule",
        "Local Regulation",
        "Local Administrative Rule",
        "Total Number",
    ]
    assert [r.get("id") for r in rows[1:3]] == ["panel1-table-r1", "panel1-table-r2"]
    assert len(rows[2].find_all("td")[1].find_all("br")) == 6  # seven regulations


def test_home_page_has_title_provenance_and_contents(site):
    home = article(soup(site, "index"))
    assert home.h1.get_text(strip=True).startswith("China’s Law-Based Cyberspace Governance")
    text = home.get_text(" ")
    assert "https://english.news.cn/20230316/c784da13edee4cfc86ecb13f88b28945/c.html" in text
    assert "Source: Xinhua" in text
    links = {a["href"] for a in home.select("#contents ~ ul a")}
    expected = {f"{name}.html" for name in PART_PAGES + PANEL_PAGES}
    assert expected <= links


def test_editorial_notes_list_every_correction_with_a_working_place(site):
    notes = article(soup(site, "about/editorial-notes"))
    rows = notes.select("#corrections ~ table")[0].select("tbody tr")
    printed = [row.find_all("td")[1].get_text(strip=True) for row in rows]
    for misprint in ("(1oT)", "I1.", "[11.", "V.", "V1.", "»", "Is intensifying", "countries”"):
        assert misprint in printed
    for row in rows:
        assert row.find(id=True)["id"].startswith("correction-")  # each row can be linked to
        href = row.find_all("td")[0].a["href"]
        target, anchor = href.split("#")
        page = BeautifulSoup((site / "about" / target).read_text(encoding="utf-8"), "html.parser")
        assert page.find(id=anchor) is not None, href


# Attributes from which a browser loads something by itself (links a reader follows do not count).
LOADING = ("src", "srcset", "poster", "data", "background")
# <link> relations that name a page rather than load one.
NAMES_ONLY = {"canonical", "alternate", "author", "license", "help", "prev", "next", "search"}


def test_no_page_loads_anything_from_outside(site):
    outside = re.compile(r"(^|[\s,])(https?:)?//")
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in page.find_all(True):
            loads = element.name == "link" and not NAMES_ONLY & set(element.get("rel", []))
            attributes = [*LOADING, "href"] if loads else LOADING
            for attribute in attributes:
                value = element.get(attribute, "")
                assert not outside.search(str(value)), (
                    f"{path}: <{element.name} {attribute}={value}>"
                )
        for style in page.find_all("style"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import", style.get_text()), path


def test_no_stylesheet_or_script_we_ship_fetches_from_outside(site):
    """Fonts and images in CSS, and fetches in scripts, would load at read time."""
    for path in sorted(site.rglob("*.css")):
        css = path.read_text(encoding="utf-8")
        assert not re.search(
            r"url\(\s*['\"]?(https?:)?//|@import\s+['\"]?(url\()?\s*(https?:)?//", css
        ), path

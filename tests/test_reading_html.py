"""Issue 12 in the built HTML: paragraph links read as places, names link in either case, and
no year is shown twice."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup


def soup(site, page):
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_a_paragraph_link_reads_as_its_place_and_keeps_its_id(site):
    link = soup(site, "chapters/chapter-2.html").select_one("#ch2-s1-p3 > a.headerlink")
    assert link["href"] == "#ch2-s1-p3"
    assert link["title"] == "Ch. II, sec. 1, para. 3: link to this paragraph"
    panel = soup(site, "panels/panel-5.html").select_one("#panel5-p2 > a.headerlink")
    assert panel["title"].startswith("Panel 5, para. 2")


def test_a_name_links_whether_or_not_its_first_letter_is_a_capital(site):
    """The entry lists "Internet courts" once; the paper writes it both ways."""
    texts = {
        a.get_text()
        for page in ("panels/panel-5.html", "chapters/chapter-4.html")
        for a in soup(site, page).select("article p a.glossary-link")
        if a["href"].endswith("court/internet-courts.html")
    }
    assert {"Internet courts", "internet courts"} <= texts


def test_the_legal_framework_never_shows_a_year_twice(site):
    rows = soup(site, "glossary/legal-framework.html").select("ul.glossary-list li")
    assert len(rows) > 30
    for row in rows:
        title = row.a.get_text()
        shown = re.findall(r"\((\d{4})\)", row.get_text().replace(title, "", 1))
        for year in shown:
            assert year not in title, row.get_text()


def test_a_year_already_in_the_title_is_not_repeated():
    from build_tools.glossary.entries import Cited, Entry
    from build_tools.glossary.pages import ListContext, Section, _row

    section = Section("Laws", "law", 2, "year")
    ctx = ListContext(url=lambda entry: "x.html", count=lambda entry: 1)
    revised = Entry(
        "glossary/law/a.md",
        "A Law (2017 Revision)",
        "law",
        "A law.",
        year=Cited(2017, "paper:ch2-p1"),
    )
    adopted = Entry("glossary/law/b.md", "B Law", "law", "A law.", year=Cited(1993, "paper:ch2-p1"))
    assert "(2017)" not in _row(section, revised.title, revised, ctx)
    assert "(1993)" in _row(section, adopted.title, adopted, ctx)

"""Issue 8: every entry is sourced and checkable, and a reader sees where each claim comes from."""

from __future__ import annotations

import re
import shutil
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from build_tools.common.errors import EditionError
from build_tools.glossary.entries import load_glossary, read_entry
from conftest import DOCS, recheck
from test_errors import ENTRY, ENTRY_PATH, write

PAPER_PAGES = re.compile(r"(chapters/chapter-\d|panels/panel-\d|preface|conclusion)\.html$")


def soup(site, page):
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_an_entry_without_sources_is_refused(tmp_path):
    write(tmp_path, ENTRY_PATH, ENTRY[:7] + ENTRY[18:])
    with pytest.raises(EditionError, match="an entry needs 'sources'"):
        read_entry(tmp_path, ENTRY_PATH)


def test_a_law_without_its_chinese_title_is_refused_naming_the_type_line(tmp_path):
    file = write(tmp_path, ENTRY_PATH, [line for line in ENTRY if not line.startswith("title_zh")])
    with pytest.raises(EditionError, match="needs 'title_zh'") as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value).startswith(f"{file}:5:")  # the `type: law` line, one line up


def test_the_same_url_twice_in_one_entry_is_refused(tmp_path):
    lines = [*ENTRY[:13], "  - url: https://example.org/text", *ENTRY[14:]]
    lines[15] = "    publisher: Example Press"  # the same page, so the same publisher
    write(tmp_path, ENTRY_PATH, lines)
    with pytest.raises(EditionError, match="listed twice"):
        read_entry(tmp_path, ENTRY_PATH)


def test_a_search_name_that_is_another_entrys_title_is_refused(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / "glossary", docs / "glossary")
    entry = docs / "glossary/law/cybersecurity-law.md"
    text = entry.read_text(encoding="utf-8")
    assert "also_known_as:\n" in text
    entry.write_text(text.replace("also_known_as:\n", "also_known_as:\n  - DATA SECURITY LAW\n"))
    recheck(entry)
    with pytest.raises(EditionError, match="'also_known_as' name 'DATA SECURITY LAW'"):
        load_glossary(docs)


def test_every_entry_is_sourced_and_every_law_level_entry_gives_its_chinese_title():
    glossary = load_glossary(DOCS)
    assert len(glossary.entries) >= 110
    for entry in glossary.entries:
        assert entry.sources, entry.path
        for source in entry.sources:
            assert source.url.startswith("https://") or source.http_only, (entry.path, source.url)
    cpc = glossary.by_path["glossary/political-party/communist-party-of-china.md"]
    assert cpc.title_zh == "中国共产党" and "CPC" in cpc.aliases


def test_every_citation_of_the_paper_lands_on_an_existing_paragraph(site):
    """Entries, editor's notes and the facts in entry headers link paragraphs by id: each one
    must exist on the page it names."""
    ids: dict[str, set[str]] = {}
    checked = 0
    sources = [
        *site.glob("glossary/*/*.html"),
        *site.glob("chapters/*.html"),
        *site.glob("panels/*.html"),
    ]
    for page in sources:
        html = soup(site, page.relative_to(site))
        scope = html.select("article") if "glossary" in page.parts else html.select(".admonition")
        for box in scope:
            for link in box.select("a[href*='#']"):
                target, _, anchor = link["href"].partition("#")
                if not target or urlparse(target).scheme:
                    continue
                path = (page.parent / target).resolve().relative_to(site.resolve()).as_posix()
                if not PAPER_PAGES.search(path):
                    continue
                if path not in ids:
                    ids[path] = {tag["id"] for tag in soup(site, path).find_all(id=True)}
                assert anchor in ids[path], (page.name, link["href"])
                checked += 1
    assert checked > 300


def test_an_entry_shows_its_chinese_title_what_to_read_and_its_sources(site):
    html = soup(site, "glossary/law/data-security-law.html")
    article = html.select_one("article")
    zh = article.select_one(".entry-zh")
    assert zh["lang"] == "zh-Hans" and zh.get_text(strip=True) == "中华人民共和国数据安全法"
    read = article.select_one(".entry-read")
    assert read is not None and "translation" in read.get_text()
    sources = article.select_one("#sources").find_next("ul").select("a")
    assert sources and all(a["href"].startswith("http") for a in sources)
    for link in article.select("a[href^='http']:not(.md-content__button)"):
        assert "noopener" in link["rel"] and "external-link" in link["class"], link


def test_the_sources_page_groups_every_cited_url_by_publisher(site):
    cited = {source.url for entry in load_glossary(DOCS).entries for source in entry.sources}
    html = soup(site, "about/sources.html").select_one("article")
    listed = {a["href"] for a in html.select("li > a.external-link")}
    assert listed == cited
    # Grouped by the registry's classes, in its order; publishers in alphabetical order within.
    registry = yaml.safe_load((DOCS / "glossary/publishers.yml").read_text("utf-8"))
    headings = [c["heading"] for c in registry["classes"]]
    groups = [h2.get_text(strip=True).rsplit(" (", 1)[0] for h2 in html.select("h2")]
    assert groups[:-1] == [h for h in headings if h in groups] and groups[-1] == "Refused"
    official = html.select_one("#class-official")
    names = []
    for sibling in official.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "h3":
            names.append(sibling.get_text(strip=True))
    assert any(n.startswith("State Council Information Office") for n in names)
    assert names == sorted(names, key=str.casefold)
    refused = {code.get_text() for code in html.select("#refused + p + ul code")}
    assert "pt.chinajusticeobserver.com" in refused

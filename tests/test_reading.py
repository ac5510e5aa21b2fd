"""Reading the whole paper: print page, page chrome, footer, weight — in the built site."""

from __future__ import annotations

import gzip
import json
import posixpath

from bs4 import BeautifulSoup

from build_tools.dev.weight import report

PAPER_PAGES = [
    "preface",
    *(f"chapters/chapter-{n}" for n in range(1, 7)),
    *(f"panels/panel-{n}" for n in range(1, 9)),
    "conclusion",
]


def soup(site, name):
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_whole_paper_page_has_every_part_in_order_with_panels_in_place(site):
    page = soup(site, "print.html").select_one("article")
    parts = [
        h["id"]
        for h in page.select("h2")
        if h.get("id", "").startswith(("preface", "ch", "conclusion"))
    ]
    assert parts == ["preface", "ch1", "ch2", "ch3", "ch4", "ch5", "ch6", "conclusion"]
    panels = page.select("div.print-panel")
    assert len(panels) == 8
    first = panels[0]
    assert first.find_previous("h2", id="ch2") is not None
    assert first.find_next("h3", id="ch2-s1") is not None
    assert first.select_one("table") is not None
    # The same paragraphs as the paper's own pages, each once.
    on_pages = [
        p["id"] for name in PAPER_PAGES for p in soup(site, f"{name}.html").select("article p[id]")
    ]
    on_print = [p["id"] for p in page.select("p[id]")]
    assert on_pages[0] == "preface-p1" and on_pages[-1] == "conclusion-p2"
    assert len(on_pages) == len(set(on_pages)) > 80
    assert sorted(on_print) == sorted(on_pages)


def test_whole_paper_page_is_out_of_search_and_has_no_sidebars(site):
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("print.html")]
    page = soup(site, "print.html")
    assert page.select_one(".md-sidebar--primary").get("hidden") is not None
    assert page.select_one(".md-sidebar--secondary").get("hidden") is not None
    assert "print.html" in [a.get("href") for a in soup(site, "index.html").select("nav a")]


def test_prev_and_next_follow_the_reading_order(site):
    footer = soup(site, "chapters/chapter-2.html").select_one("nav.md-footer__inner")
    prev = footer.select_one(".md-footer__link--prev")["href"]
    nxt = footer.select_one(".md-footer__link--next")["href"]
    assert prev == "chapter-1.html" and nxt == "../panels/panel-1.html"


def test_footer_names_the_source_and_the_licence(site):
    text = " ".join(soup(site, "index.html").select_one(".md-copyright").get_text(" ").split())
    assert "State Council Information Office" in text and "CC BY 4.0" in text and "MIT" in text


def test_own_logo_and_favicon(site):
    page = soup(site, "chapters/chapter-1.html")
    assert page.select_one('link[rel="icon"]')["href"].endswith("assets/logo.svg")
    assert page.select_one(".md-logo img")["src"].endswith("assets/logo.svg")


def own_assets(site, page: str) -> list[str]:
    """The stylesheets and scripts a page loads from assets/ beyond Material's own bundles
    (assets/javascripts, assets/stylesheets), the vendored offline shim (assets/vendor) and the
    mkdocstrings plugin's stylesheet (assets/_mkdocstrings.css)."""
    html = soup(site, page)
    refs = [link["href"] for link in html.select('link[rel="stylesheet"]')]
    refs += [script["src"] for script in html.select("script[src]")]
    paths = [posixpath.normpath(posixpath.join(posixpath.dirname(page), r)) for r in refs]
    return [
        path
        for path in paths
        if path.startswith("assets/")
        and not path.startswith(("assets/javascripts/", "assets/stylesheets/", "assets/vendor/"))
        and path != "assets/_mkdocstrings.css"
    ]


def test_what_we_add_stays_under_five_kilobytes_gzip_per_page(site):
    for page in ("index.html", "chapters/chapter-2.html", "glossary/law/data-security-law.html"):
        ours = own_assets(site, page)
        assert "assets/edition.css" in ours, page
        gzipped = sum(len(gzip.compress((site / path).read_bytes(), 9)) for path in ours)
        assert gzipped < 5 * 1024, (page, ours, gzipped)


def test_weight_report_covers_every_page_type(site):
    lines = report(site)
    for kind in ("home", "chapter", "panel", "glossary entry", "glossary index"):
        assert any(line.startswith(kind) for line in lines)
    assert any("search_index" in line for line in lines)
    home = next(line for line in lines if line.startswith("home"))
    raw = (site / "index.html").stat().st_size
    assert f"{raw:,}/" in home.split()[1], "the home line starts with the page's own bytes"

"""A reader in a real browser (Debian's Chromium), from disk and from a local server."""

from __future__ import annotations

import re

import pytest

from conftest import ARTIFACTS


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight && r.height > 0; }",
    )


def test_home_to_chapter_to_entry_to_the_exact_paragraph(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "index.html")
    page.click("article a:text-is('II. Consolidating the Legal System for Cyberspace Governance')")
    assert page.url.endswith("chapters/chapter-2.html")
    page.click("#ch2-s2-p2 a.glossary-link:text-is('Data Security Law')")
    assert page.url.endswith("glossary/law/data-security-law.html")
    assert page.locator("h1").first.inner_text().startswith("Data Security Law")
    backlink = page.locator(".backlinks a.backlink").nth(2)
    assert backlink.inner_text().strip().endswith("ch2-s3-p1")
    backlink.click()
    page.wait_for_url(re.compile(r"chapters/chapter-2\.html#ch2-s3-p1$"))
    page.wait_for_timeout(200)
    assert in_viewport(page, "#ch2-s3-p1")
    assert "Data Security Law" in page.locator("#ch2-s3-p1").inner_text()


def test_search_finds_an_entry_by_its_alias(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "chapters/chapter-6.html")
    page.click(".md-search__input")
    page.keyboard.type("Anti-Unfair Competition", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert any("Law Against Unfair Competition (2017 Revision)" in t for t in titles[:5]), titles


def test_hovering_an_auto_link_shows_its_summary(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "chapters/chapter-3.html")
    link = page.locator("a.glossary-link:text-is('Operation Wangjian')").first
    summary = "A Chinese enforcement campaign launched in 2018 against online sales"
    assert (link.get_attribute("title") or "").startswith(summary)
    link.hover()
    tooltip = page.locator(".md-tooltip2--active").filter(has_text=summary)
    tooltip.first.wait_for(state="visible", timeout=5000)


def tab_until(page, test: str, limit: int = 150) -> None:
    """Press Tab until the focused element passes the JavaScript ``test`` (given ``e``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(e => {test})(document.activeElement)"):
            return
    pytest.fail(f"nothing reachable with Tab passes {test}")


def test_keyboard_alone_reaches_an_auto_link_opens_it_and_comes_back(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "panels/panel-3.html")
    tab_until(page, "e.classList.contains('glossary-link')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"glossary/campaign/operation-wangjian\.html$"))
    # Back by the entry's own backlink to the paragraph it came from.
    tab_until(page, "e.classList.contains('backlink') && e.href.includes('panel-3.html#panel3-p1')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"panels/panel-3\.html#panel3-p1$"))
    assert in_viewport(page, "#panel3-p1")


@pytest.mark.parametrize("name", ["chapters/chapter-5", "glossary/law/cybersecurity-law"])
def test_screenshots_for_review(guarded_page, site, name):
    page = guarded_page
    page.goto(site.as_uri() + f"/{name}.html")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name.replace('/', '-')}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000


PAGE_TYPES = [
    "index",
    "preface",
    "chapters/chapter-4",
    "panels/panel-5",
    "glossary/index",
    "glossary/legal-framework",
    "glossary/timeline",
    "glossary/court/hangzhou-internet-court",
    "about/editorial-notes",
    "print",
    "404",
]


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_page_type_loads_with_no_outside_request(guarded_page, site_root, name):
    page = guarded_page
    page.goto(site_root + f"{name}.html")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.locator("article, .md-content").first.is_visible()


def test_print_hides_chrome_and_prints_glossary_links_as_text(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "print.html")
    page.emulate_media(media="print")
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).display") == "none"
    link = "a.glossary-link"
    color = page.eval_on_selector(link, "e => getComputedStyle(e).color")
    text = page.eval_on_selector(link, "e => getComputedStyle(e.parentElement).color")
    decoration = page.eval_on_selector(link, "e => getComputedStyle(e).textDecorationLine")
    assert color == text and decoration == "none"

"""Search as readers use it (issues 8 and 12), in Chromium, from file:// and from a server:
the paper's passage first for the paper's words, an entry first for its other names."""

from __future__ import annotations

import pytest


def results(page, root: str, query: str) -> list[tuple[str, str]]:
    """(title, address) of each search result, in order, for a query typed into the box."""
    page.goto(root + "index.html")
    page.click(".md-search__input")
    # Typed as a reader would; text that a keyboard does not type (Chinese) arrives as an IME
    # would deliver it, in one input event.
    if query.isascii():
        page.keyboard.type(query, delay=20)
    else:
        page.fill(".md-search__input", query)
        page.dispatch_event(".md-search__input", "input")
        page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=30000)
    page.wait_for_timeout(300)  # the worker answers each keystroke; let the last one land
    items = page.locator(".md-search-result__item > a, .md-search-result__item > details a")
    return [(item.inner_text().split("\n")[0], item.get_attribute("href")) for item in items.all()]


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("personal information", "chapters/chapter-"),
        ("three stages", "chapters/chapter-2.html"),
        ("Operation Wangjian", "panels/panel-3.html"),
        ("Hangzhou", "panels/panel-5.html"),
    ],
)
def test_a_phrase_of_the_paper_finds_its_passage_in_the_top_three(
    guarded_page, site_root, query, where
):
    found = results(guarded_page, site_root, query)
    top = [href for _, href in found[:3]]
    assert any(where in href for href in top), found[:5]
    assert found[0][0].startswith(("Paper ·", "Glossary ·", "About ·"))  # says where it is from


def test_cac_does_not_find_the_developer_reference(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "index.html")
    page.click(".md-search__input")
    page.keyboard.type("cached", delay=20)
    page.wait_for_timeout(1500)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__item a").all()]
    assert not any("developers/" in href for href in hrefs), hrefs


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("PIPL", "glossary/law/personal-information-protection-law.html"),
        ("NPCSC", "glossary/state-institution/standing-committee-of-the-national-peoples-congress"),
        ("网络安全法", "glossary/law/cybersecurity-law.html"),
        ("个人信息保护法", "glossary/law/personal-information-protection-law.html"),
    ],
)
def test_a_name_readers_type_lists_the_entry_first(guarded_page, site_root, query, entry):
    found = results(guarded_page, site_root, query)
    assert entry in found[0][1], found[:3]

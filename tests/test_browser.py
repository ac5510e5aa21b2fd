"""A reader in a real browser (Debian's Chromium), from disk and from a local server."""

from __future__ import annotations

import re
from contextlib import ExitStack

import pytest
import yaml

from browser import OutsideRequestError, guarded, serve
from conftest import ARTIFACTS, ROOT


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
    assert backlink.inner_text().strip().endswith("Ch. II, sec. 3, para. 1")
    backlink.click()
    page.wait_for_url(re.compile(r"chapters/chapter-2\.html#ch2-s3-p1$"))
    page.wait_for_timeout(200)
    assert in_viewport(page, "#ch2-s3-p1")
    assert "Data Security Law" in page.locator("#ch2-s3-p1").inner_text()


def test_search_finds_an_entry_by_its_alias(guarded_page, both_roots):
    """Search runs in a worker, which from file:// is the iframe-worker shim: both ways."""
    page = guarded_page
    page.goto(both_roots + "chapters/chapter-6.html")
    page.click(".md-search__input")
    page.keyboard.type("Anti-Unfair Competition", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()
    assert any("Law Against Unfair Competition (2017 Revision)" in t for t in titles[:5]), titles


def test_hovering_an_auto_link_shows_its_summary(guarded_page, site_root):
    entry = (ROOT / "docs/glossary/campaign/operation-wangjian.md").read_text(encoding="utf-8")
    summary = " ".join(yaml.safe_load(entry.split("---\n")[1])["summary"].split())
    page = guarded_page
    page.goto(site_root + "chapters/chapter-3.html")
    link = page.locator("a.glossary-link:text-is('Operation Wangjian')").first
    assert link.get_attribute("title") == summary
    link.hover()
    tooltip = page.locator(".md-tooltip2--active").filter(has_text=summary[:60])
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
def test_every_page_type_loads_with_no_outside_request(chromium, both_roots, name):
    """The guard fails the test if the page, once settled, asked for anything from outside."""
    with guarded(chromium, settle=True) as page:
        page.goto(both_roots + f"{name}.html")
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


# A page that asks for something from outside one second after it has loaded, by fetch and by
# WebSocket: what a lazy widget, an analytics beacon or a font loader would do.
LATE_REQUESTS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Late requests</title></head>
<body><p>Loaded.</p>
<script>
addEventListener("load", () => setTimeout(() => {
  fetch("%s").catch(() => {});
  %s
}, 1000));
</script></body></html>
"""


def _late_page(folder, fetch: str, socket: str = "") -> str:
    (folder / "late.html").write_text(LATE_REQUESTS % (fetch, socket), encoding="utf-8")
    return "late.html"


@pytest.mark.parametrize("served", ["file", "http"])
def test_the_guard_catches_a_request_fired_a_second_after_load(chromium, tmp_path, served):
    name = _late_page(
        tmp_path, "https://example.com/x", 'new WebSocket("wss://example.com/socket");'
    )
    with ExitStack() as stack:
        root = tmp_path.as_uri() + "/" if served == "file" else stack.enter_context(serve(tmp_path))
        with pytest.raises(OutsideRequestError) as caught, guarded(chromium, settle=True) as page:
            page.goto(root + name)
            assert page.inner_text("p") == "Loaded."
            assert page.guard.blocked == [], "nothing yet: the timer has not fired"
    assert sorted(caught.value.urls) == ["https://example.com/x", "wss://example.com/socket"]


def test_the_guard_lets_a_late_local_request_through(chromium, tmp_path):
    name = _late_page(tmp_path, "late.html")
    with serve(tmp_path) as root, guarded(chromium, settle=True) as page:
        page.goto(root + name)
        with page.expect_request("**/late.html", timeout=5000):
            pass
    assert page.guard.blocked == []


# Opening a context or a page anywhere but tests/browser.py would bypass the guard; so would
# launching a second browser anywhere but the session fixture in conftest.py.
OPENS_A_PAGE = re.compile(r"\.new_(?:context|page)\(")
LAUNCHES = re.compile(r"sync_playwright\(|\.launch\w*\(|\.connect_over_cdp\(")


def test_every_browser_test_opens_its_pages_under_the_guard():
    offenders = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        if path.name == "browser.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if OPENS_A_PAGE.search(line) or (path.name != "conftest.py" and LAUNCHES.search(line)):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == [], "open pages with the guarded_page fixture or browser.guarded()"

"""Issue 12 in Chromium: landings you can see, entries inside the site, a phone's heading, the
editor's-notes switch, the whole paper, and a 404 page that works under a sub-path."""

from __future__ import annotations

import http.server
from contextlib import contextmanager
from pathlib import Path

import pytest

from browser import guarded, serve
from conftest import ARTIFACTS, build_site

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_backlink_lands_on_a_highlighted_paragraph_labelled_by_its_place(
    chromium, site_root, scheme
):
    with guarded(chromium, color_scheme=scheme) as page:
        page.goto(site_root + "glossary/law/data-security-law.html")
        backlink = page.locator("a.backlink").first
        label = backlink.inner_text()
        assert label.startswith("¶") and "Ch. II, sec." in label and "para." in label, label
        backlink.click()
        target = page.locator(":target")
        target.wait_for()
        assert target.evaluate("e => e.tagName") == "P"
        style = target.evaluate("e => getComputedStyle(e).outlineStyle")
        assert style == "solid"
        plain = page.locator("article p:not(:target)").first
        assert plain.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
        shot(page, f"landing-{scheme}")


def test_no_animation_for_readers_who_ask_for_reduced_motion(chromium, site_root):
    with guarded(chromium, reduced_motion="reduce") as page:
        page.goto(site_root + "chapters/chapter-2.html#ch2-s1-p3")
        name = page.locator(":target").evaluate("e => getComputedStyle(e).animationName")
        assert name == "none"
    with guarded(chromium, reduced_motion="no-preference") as page:
        page.goto(site_root + "chapters/chapter-2.html#ch2-s1-p3")
        assert page.locator(":target").evaluate("e => getComputedStyle(e).animationName") != "none"


def test_an_entry_shows_where_it_is_and_leads_to_its_neighbours(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "glossary/law/data-security-law.html")
    crumbs = page.locator(".md-path__item").all_inner_texts()
    assert [c.strip() for c in crumbs][-2:] == ["Glossary", "Laws"]
    assert page.locator(".md-tabs__item--active").inner_text().strip() == "Glossary"
    neighbours = [a.get_attribute("href") for a in page.locator(".md-footer__link").all()]
    assert neighbours and all(
        "glossary/law/" in href or href.startswith("../law/") or href.endswith(".html")
        for href in neighbours
    )
    page.locator(".md-footer__link--next").click()
    page.wait_for_load_state()
    assert "/glossary/law/" in page.url
    page.locator(".md-path__item a").last.click()  # "Laws": the glossary index, at the laws
    assert page.url.endswith("glossary/index.html#law")


def test_on_a_phone_no_control_shares_a_line_with_the_heading(chromium, site_root):
    with guarded(chromium, **PHONE) as page:
        page.goto(site_root + "chapters/chapter-4.html")
        heading = page.locator("article h1").bounding_box()
        for control in page.locator("article .md-content__button").all():
            box = control.bounding_box()
            overlap = (
                box["y"] < heading["y"] + heading["height"]
                and heading["y"] < box["y"] + box["height"]
            )
            assert not overlap or box["y"] + box["height"] <= heading["y"] + 1
        number = page.locator("article h1").inner_text().split()[0]
        assert number == "IV.", number
        link = page.locator("#ch4-p1 > .headerlink")
        assert float(link.evaluate("e => getComputedStyle(e).opacity")) > 0.5  # no hover on touch
        shot(page, "phone-chapter-4")


def test_one_switch_hides_every_editors_note_and_is_remembered(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "panels/panel-5.html")
    note = page.locator(".admonition.editor").first
    assert note.is_visible()
    page.get_by_role("button", name="Hide editor’s notes").click()
    assert not note.is_visible()
    page.goto(site_root + "chapters/chapter-2.html")
    assert not page.locator(".admonition.editor").first.is_visible()
    page.get_by_role("button", name="Show editor’s notes").click()
    assert page.locator(".admonition.editor").first.is_visible()


def test_the_whole_paper_is_on_the_home_page_and_prints_with_a_title_block(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + "index.html")
    page.get_by_role("link", name="The whole paper — read, print or save").click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("print.html")
    assert page.get_by_role("button", name="Print or save as PDF").is_visible()
    assert not page.locator(".print-title-block").is_visible()
    page.emulate_media(media="print")
    block = page.locator(".print-title-block")
    assert block.is_visible()
    text = block.inner_text()
    assert "State Council Information Office" in text and "March 2023" in text
    assert "english.scio.gov.cn" in text
    assert not page.get_by_role("button", name="Print or save as PDF").is_visible()
    margin = page.locator("#preface-p1").evaluate("e => getComputedStyle(e, '::before').content")
    assert "preface-p1" in margin


class NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: a missing path gets the site's 404.html, status 404."""

    site: Path  # the built site, whose 404.html is sent

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_under(folder, prefix: str):
    """Serve ``folder`` at ``/<prefix>/`` of a server on 127.0.0.1, 404.html for missing paths."""
    root = folder.parent
    (root / prefix).exists() or (root / prefix).symlink_to(folder, target_is_directory=True)
    handler = type("SiteNotFoundHandler", (NotFoundHandler,), {"site": folder})
    with serve(root, handler, f"{prefix}/") as url:
        yield url


def test_the_404_page_keeps_its_styles_under_a_sub_path(chromium, tmp_path):
    site = build_site(
        tmp_path / "out" / "built",
        offline=False,
        deployment={"SITE_URL": "https://example.org/edition/"},
    )
    failed = []
    with serve_under(site, "edition") as root, guarded(chromium) as page:
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.on(
            "response",
            lambda r: r.status >= 400 and "no/such/page" not in r.url and failed.append(r.url),
        )
        response = page.goto(root + "no/such/page.html")
        assert response.status == 404
        page.wait_for_load_state("networkidle")
        header = page.locator(".md-header").evaluate("e => getComputedStyle(e).position")
        assert header == "sticky"  # Material's stylesheet is loaded
        assert page.locator("h1").inner_text().startswith("404")
        shot(page, "404-under-sub-path")
    assert failed == []


def test_table_cells_on_a_phone_wrap_between_words_not_inside_them(chromium, site_root):
    with guarded(chromium, **PHONE) as page:
        page.goto(site_root + "about/editorial-notes.html")
        cell = page.locator("article table td code").first
        style = cell.evaluate(
            "e => [getComputedStyle(e).wordBreak, getComputedStyle(e).overflowWrap]"
        )
        assert style == ["normal", "normal"]
        shot(page, "phone-editorial-notes")

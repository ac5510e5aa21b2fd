"""Accessibility: axe-core finds no serious or critical violation, in both palettes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = [
    "index",
    "chapters/chapter-2",
    "panels/panel-1",
    "glossary/law/data-security-law",
    "glossary/index",
    "about/editorial-notes",
    "about/sources",
    "print",
    "chapters/chapter-2.html#ch2-s1-p7",  # a landing: the highlighted paragraph keeps contrast
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_violations(guarded_page, site, axe, name, scheme):
    page = guarded_page
    page.emulate_media(color_scheme=scheme)
    page.goto(site.as_uri() + f"/{name}" + ("" if ".html" in name else ".html"))
    page.wait_for_timeout(1800 if "#" in name else 0)  # the landing's animation has ended
    palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert palette == ("slate" if scheme == "dark" else "default")
    results = axe.run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []

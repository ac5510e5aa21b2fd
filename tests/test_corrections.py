"""The scan beside the edition: a mark at every correction, and the "Show corrections" switch."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from build_tools.corrections.marks import corrected_ranges, visible
from build_tools.edition.structure import Heading, Paragraph, TableBlock
from conftest import ARTIFACTS

PAPER_PAGES = [
    "preface",
    *(f"chapters/chapter-{n}" for n in range(1, 7)),
    *(f"panels/panel-{n}" for n in range(1, 9)),
    "conclusion",
]


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def words(text: str) -> str:
    """The words a page shows for a line of the map: the bullets of a panel's table aside."""
    return " ".join(word for word in text.split() if word not in {"*", "•"})


# --- Where a correction's words are ---


def test_visible_drops_bullets_and_extra_spaces_and_follows_the_range():
    line = "  * Regulations  on Computer Software Protection"
    start = line.index("Computer")
    text, first, last = visible(line, start, start + len("Computer"))
    assert text == "Regulations on Computer Software Protection"
    assert text[first:last] == "Computer"


def test_a_corrected_bullet_shows_as_an_empty_range_where_its_item_begins():
    text, first, last = visible("* Guangdong Provincial Act", 0, 1)
    assert (text, first, last) == ("Guangdong Provincial Act", 0, 0)


def test_two_corrections_on_one_line_each_find_their_own_words():
    fix = SimpleNamespace
    fixes = [fix(printed="1oT", corrected="IoT"), fix(printed="I1.", corrected="II. and more")]
    line = "I1. the (1oT) here"
    ranges = corrected_ranges(line, fixes)
    corrected = "II. and more the (IoT) here"
    assert [corrected[s:e] for s, e in ranges] == ["IoT", "II. and more"]


# --- The marks in the built site ---


def expected_pages(edition) -> Counter:
    """How many corrections each page shows: the page whose paragraph, heading or table holds
    the correction's seed line."""
    counts = Counter()
    for fix in edition.emap.corrections:
        for page in edition.pages:
            blocks = [b for b in page.blocks if isinstance(b, Heading | Paragraph | TableBlock)]
            if any(fix.line in block.lines for block in blocks):
                counts[page.file.removesuffix(".md")] += 1
    return counts


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_each_page_marks_exactly_the_corrections_it_shows(site, edition, name):
    marks = soup(site, name).select("article span.correction")
    assert len(marks) == expected_pages(edition)[name]
    assert len(soup(site, name).select("article a.correction-note")) == len(marks)


def test_the_whole_paper_page_marks_every_correction(site, edition):
    page = soup(site, "print")
    assert len(page.select("article span.correction")) == len(edition.emap.corrections) > 0
    assert len(page.select("article p.corrections-toggle")) == 1


def test_every_mark_shows_the_scan_the_edition_and_why_and_links_its_row(site, edition):
    notes = soup(site, "about/editorial-notes")
    by_line = {fix.line: fix for fix in edition.emap.corrections}
    seen = set()
    for name in PAPER_PAGES:
        for mark in soup(site, name).select("article span.correction"):
            note = mark.find_next("a", class_="correction-note")
            line = int(note["href"].rsplit("#correction-", 1)[1])
            fix = by_line[line]
            assert note["href"].split("#")[0].endswith("about/editorial-notes.html")
            assert notes.find(id=f"correction-{line}") is not None
            assert mark["data-scan"] == fix.printed
            assert mark.get_text() == words(fix.corrected)
            assert mark["data-reason"] == note["data-reason"] == fix.reason
            assert note.get_text() == ""  # the mark adds no text to the page
            assert fix.reason in note["aria-label"]
            seen.add(line)
    assert seen == set(by_line)


@pytest.mark.parametrize("name", PAPER_PAGES)
def test_every_paper_page_has_the_switch_under_its_title(site, name):
    article = soup(site, name).select_one("article")
    switch = article.select_one("p.corrections-toggle")
    assert switch.find_previous_sibling("h1") is not None
    button = switch.select_one("button[role=switch]")
    assert button.get_text() == "Show corrections" and button["aria-checked"] == "false"
    assert switch.has_attr("data-search-exclude")


# --- The switch, in Chromium ---


def pseudo(page, selector: str, which: str, prop: str = "content") -> str:
    return page.eval_on_selector(
        selector, f"e => getComputedStyle(e, '{which}').getPropertyValue('{prop}')"
    )


def test_show_corrections_marks_in_place_and_is_remembered(guarded_page, site_root, edition):
    page = guarded_page
    fix = next(f for f in edition.emap.corrections if f.printed == "Is intensifying")
    page.goto(site_root + "chapters/chapter-5.html")
    switch = page.get_by_role("switch", name="Show corrections")
    assert switch.is_visible() and switch.get_attribute("aria-checked") == "false"
    mark = "#ch5-s3-p3 span.correction"
    assert pseudo(page, mark, "::before") == "none"
    assert page.locator("#ch5-s3-p3 a.correction-note").is_hidden()
    assert "Is intensifying" not in page.locator("#ch5-s3-p3").inner_text()

    switch.click()
    assert switch.get_attribute("aria-checked") == "true"
    assert pseudo(page, mark, "::before") == '"Is intensifying"'
    assert pseudo(page, mark, "::before", "text-decoration-line") == "line-through"
    page.hover(mark)
    assert pseudo(page, mark, "::after") == f'"{fix.reason}"'
    note = page.locator("#ch5-s3-p3 a.correction-note")
    note.focus()
    assert pseudo(page, "#ch5-s3-p3 a.correction-note", "::after") == f'"{fix.reason}"'
    page.screenshot(path=str(ARTIFACTS / "show-corrections.png"))
    note.press("Enter")
    page.wait_for_url("**/about/editorial-notes.html#correction-913")

    page.goto(site_root + "chapters/chapter-6.html")  # remembered on the next page
    assert page.get_by_role("switch").get_attribute("aria-checked") == "true"
    assert page.locator("span.correction").count() == 2
    assert pseudo(page, "span.correction", "::before") != "none"
    page.emulate_media(media="print")  # print shows the edition's text only
    assert page.locator("p.corrections-toggle").is_hidden()
    assert pseudo(page, "span.correction", "::before") == "none"
    assert page.locator("a.correction-note").first.is_hidden()
    page.emulate_media(media="screen")

    page.get_by_role("switch").click()  # off again, and off on the next page
    page.goto(site_root + "print.html")
    assert page.get_by_role("switch").get_attribute("aria-checked") == "false"
    assert pseudo(page, "span.correction", "::before") == "none"


UNMARKED = """() => {
  const article = document.querySelector("article"), before = article.innerText;
  article.querySelectorAll("a.correction-note").forEach(note => note.remove());
  article.querySelectorAll("span.correction").forEach(mark => mark.replaceWith(...mark.childNodes));
  return [before, article.innerText];
}"""


@pytest.mark.parametrize("name", ["chapters/chapter-6", "panels/panel-1", "panels/panel-7"])
def test_with_the_switch_off_the_marks_change_no_visible_text(guarded_page, site_root, name):
    page = guarded_page
    page.goto(site_root + f"{name}.html")
    assert page.locator("article span.correction").count() > 0
    marked, unmarked = page.evaluate(UNMARKED)
    assert marked == unmarked


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_tools_in_use_pass_axe(guarded_page, site, scheme):
    """With corrections shown, a correction's note focused and a Cite panel open: nothing of the
    research tools has a serious or critical axe-core violation, in either palette."""
    from axe_playwright_python.sync_playwright import Axe

    page = guarded_page
    page.emulate_media(color_scheme=scheme)
    page.goto(site.as_uri() + "/chapters/chapter-5.html")
    page.get_by_role("switch", name="Show corrections").click()
    page.locator("#ch5-s3-p3 a.correction-note").focus()
    page.get_by_role("button", name="Cite ch. V, sec. 3, para. 3").click()
    page.screenshot(path=str(ARTIFACTS / f"research-tools-{scheme}.png"), full_page=False)
    ours = ("correction", "cite-", "#ch5-s3-p3")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {node['target']}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in {"serious", "critical"}
        for node in v["nodes"]
        if any(mark in str(node["target"]) for mark in ours)
    ]
    assert serious == []

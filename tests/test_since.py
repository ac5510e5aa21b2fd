"""Issue 18: status today. Every instrument's page says its status as of its check; the "Since
the paper" page and its Atom feed list every event after 16 March 2023; a paper citation to a
paragraph that does not exist stops the build.

Expected values are computed here from the entries' own front matter (or are facts the issue
itself states, such as the Cybersecurity Law's amendment of 28 October 2025), never read back
from the build's own helpers.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from test_glossary_site import _build, _project_copy

from conftest import DOCS, recheck

ATOM = "{http://www.w3.org/2005/Atom}"
PAPER = dt.date(2023, 3, 16)
INSTRUMENTS = (
    "constitution",
    "law",
    "administrative-regulation",
    "departmental-rule",
    "normative-document",
    "local-regulation",
    "local-administrative-rule",
    "international-instrument",
)


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text("utf-8"), "html.parser")


def front(file: Path) -> dict:
    return yaml.safe_load(file.read_text("utf-8").split("\n---\n")[0][4:])


def _after_paper(value) -> bool:
    """Whether a history date (a date, "2025-10", "2025") can only fall after the paper."""
    text = str(value)
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts) > PAPER
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 1) > PAPER.replace(day=1)
    return parts[0] > PAPER.year


def events_since() -> list[tuple[str, str]]:
    """(entry page, ISO date) of every event after the paper, from the entries' front matter."""
    found = []
    for folder in INSTRUMENTS:
        for file in sorted((DOCS / "glossary" / folder).glob("*.md")):
            for event in front(file).get("history") or []:
                if _after_paper(event["date"]):
                    found.append((f"{folder}/{file.stem}.html", str(event["date"])))
    return found


def test_every_instrument_shows_its_status_and_when_it_was_checked(site):
    for folder in INSTRUMENTS:
        for file in (DOCS / "glossary" / folder).glob("*.md"):
            page = soup(site, f"glossary/{folder}/{file.stem}.html")
            status = page.select_one("article .entry-status")
            assert status is not None, file
            checked = front(file)["status_checked"]
            assert f"checked {checked.day} {checked:%B} {checked.year}" in status.get_text(), file
            assert page.select_one("#history"), file
            assert page.select_one("article .entry-checked"), file


def test_an_amended_law_says_so_with_the_dates_and_an_unchanged_one_says_what_was_searched(site):
    law = soup(site, "glossary/law/cybersecurity-law.html").select_one("article")
    status = law.select_one(".entry-status").get_text(" ", strip=True)
    assert "In force, amended since the paper (28 October 2025, in force 1 January 2026)" in status
    assert law.select_one(".entry-status a[href$='since-the-paper.html']")
    history = [li.get_text(" ", strip=True) for li in law.select(".entry-history li")]
    assert any(item.startswith("28 October 2025 — Amended") for item in history), history
    unchanged = soup(site, "glossary/law/national-security-law.html").select_one("article")
    assert "no change found since the paper" in unchanged.select_one(".entry-status").get_text()
    assert "Searched for changes since the paper:" in unchanged.select_one(".entry-search").text


def test_since_the_paper_lists_every_later_event_newest_first_with_its_source(site):
    page = soup(site, "glossary/since-the-paper.html").select_one("article")
    items = page.select("li")
    expected = events_since()
    assert len(items) == len(expected) > 0
    dates = [
        dt.datetime.strptime(li.strong.get_text(), "%d %B %Y").date()
        for li in items
        if li.strong.get_text()[0].isdigit() and li.strong.get_text().count(" ") == 2
    ]
    assert dates == sorted(dates, reverse=True)
    linked = sorted(li.select("a")[0]["href"] for li in items)
    assert linked == sorted(page for page, _ in expected)
    assert all(len(li.select("a")) >= 2 or "the paper," in li.get_text() for li in items)
    text = page.get_text(" ")
    assert "16 March 2023" in text and "last checked on 3 December 2026" in text
    home = soup(site, "index.html").select_one("article")
    assert home.select_one("a[href='glossary/since-the-paper.html']")


def test_the_atom_feed_is_valid_with_one_entry_per_event_and_stable_ids(site):
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert any(link.get("rel") == "self" for link in feed.findall(f"{ATOM}link"))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(events_since())
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:") for i in ids)
    for entry in entries:
        for required in ("title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{required}"), required
        dt.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link").get("href").endswith(".html")
    # Every page announces the feed, by an address that reaches it from that page.
    for name in ("index.html", "glossary/law/cybersecurity-law.html", "chapters/chapter-2.html"):
        link = soup(site, name).select_one("link[rel=alternate][type='application/atom+xml']")
        assert (site / name).parent.joinpath(link["href"]).resolve() == (site / "feed.xml")


def test_a_citation_of_a_paragraph_that_does_not_exist_stops_the_build(tmp_path):
    project = _project_copy(tmp_path)
    entry = project / "docs/glossary/law/civil-code.md"
    text = entry.read_text("utf-8")
    cited = next(line for line in text.splitlines() if "paper:" in line and "source" in line)
    line = text.splitlines().index(cited) + 1
    anchor = cited.split("paper:")[1].strip()
    entry.write_text(text.replace(cited, cited.replace(anchor, "ch2-s1-p99"), 1), "utf-8")
    recheck(entry)
    result = _build(project)
    assert result.returncode != 0
    assert f"docs/glossary/law/civil-code.md:{line}: paper:ch2-s1-p99 names no" in (
        result.stderr
    ), result.stderr[-2000:]


def test_a_refused_source_stops_the_strict_build_naming_file_line_and_reason(tmp_path):
    project = _project_copy(tmp_path)
    entry = project / "docs/glossary/law/data-security-law.md"
    text = entry.read_text("utf-8")
    lines = text.splitlines()
    number = next(n for n, line in enumerate(lines) if line.startswith("  - url: https://"))
    url = lines[number].split("url: ")[1]
    host = url.split("/")[2]
    lines[number] = lines[number].replace(host, "pt.chinajusticeobserver.com")
    entry.write_text("\n".join(lines) + "\n", "utf-8")
    recheck(entry)
    result = _build(project)
    assert result.returncode != 0
    assert (
        f"docs/glossary/law/data-security-law.md:{number + 1}: pt.chinajusticeobserver.com is "
        "refused (machine-translated copy)"
    ) in result.stderr, result.stderr[-2000:]


def test_the_checked_command_records_a_check_that_an_edit_then_voids(tmp_path):
    file = tmp_path / "entry.md"
    source = DOCS / "glossary/law/data-security-law.md"
    file.write_text(source.read_text("utf-8"), "utf-8")
    run = [sys.executable, "-m", "build_tools", "checked", str(file), "--date", "2026-12-04"]
    result = subprocess.run(run, capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "recorded the check in 1 of 1" in result.stdout
    checked = [line for line in file.read_text("utf-8").splitlines() if line.startswith("checked")]
    assert len(checked) == 1 and "date: 2026-12-04" in checked[0]
    again = subprocess.run(run, capture_output=True, text=True, check=False)
    assert "recorded the check in 0 of 1" in again.stdout  # already current: nothing written


@pytest.mark.parametrize("query", ["since the paper", "amended", "2025"])
def test_search_finds_the_since_the_paper_page(guarded_page, site_root, query):
    from test_search import results

    found = results(guarded_page, site_root, query)
    assert any("since-the-paper" in href for _, href in found[:5]), found[:6]

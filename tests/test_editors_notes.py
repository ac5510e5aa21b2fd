"""Editor's notes: where they sit, how they survive re-conversion, and the Annotations page."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from build_tools.common import front_matter
from build_tools.common.placeholders import placeholder
from build_tools.edition.notes import insert_notes, split_notes
from build_tools.editors_notes.page import (
    NAME,
    ROOM,
    collect,
    fill,
    first_sentence,
    note_text,
)
from conftest import DOCS, run_tool

NOTE = '!!! editor "Editor’s note"\n    The table has five rows.\n'
TABLE = (
    '<div class="edition-table" id="panel1-table" markdown>\n\n'
    "| Type | Examples |\n| --- | --- |\n| Law | A |\n\n"
    "</div>\n"
)


def committed_notes() -> list[tuple[str, str]]:
    """Every editor's note in docs/: (page, the id it follows)."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        body = front_matter.split(path.read_text(encoding="utf-8")).body
        for note in split_notes(body)[1]:
            found.append((path.relative_to(DOCS).as_posix(), note.after))
    return found


def test_a_note_after_a_table_block_belongs_to_the_block_and_stays_after_it():
    body = f"# Panel 1 {{ #panel1 }}\n\n{TABLE}\n{NOTE}"

    clean, notes = split_notes(body)

    assert [note.after for note in notes] == ["panel1-table"]
    restored = insert_notes(clean, notes, Path("panel-1.md"))
    assert restored.index("</div>") < restored.index("!!! editor")
    assert restored.rstrip() == body.rstrip()


def test_a_note_after_a_panel_card_stays_after_the_card():
    body = (
        "Text.\n{: #ch3-s3-p4 }\n\n"
        '<div class="panel-card" id="panel2" markdown>\n[Panel 2](../panels/panel-2.md)\n</div>\n\n'
        + NOTE
    )
    clean, notes = split_notes(body)
    assert notes[0].after == "panel2"
    assert insert_notes(clean, notes, Path("chapter-3.md")).rstrip() == body.rstrip()


def test_a_plain_div_without_an_id_anchors_nothing():
    body = "Text.\n{: #p1 }\n\n<div>\n\nInside.\n\n</div>\n\n" + NOTE
    assert split_notes(body)[1][0].after == "p1"


def test_the_panel_one_note_survives_a_reconversion(workspace):
    page = workspace / "docs/panels/panel-1.md"
    before = page.read_text(encoding="utf-8")
    assert "</div>\n\n!!! editor" in before
    yml = workspace / "seeds/edition.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("a bullet printed as", "a bullet shown as"),
        encoding="utf-8",
    )

    result = run_tool("convert", "--out", str(workspace / "docs"), "--map", str(yml))

    assert result.returncode == 0, result.stderr
    assert "a bullet shown as" in (workspace / "docs/about/editorial-notes.md").read_text("utf-8")
    assert page.read_text(encoding="utf-8") == before
    check = run_tool("convert", "--check", "--out", str(workspace / "docs"), "--map", str(yml))
    assert check.returncode == 0, check.stderr


def test_first_sentence_keeps_code_drops_links_and_stops_at_the_first_full_stop():
    text = note_text(
        '!!! editor "Editor’s note"\n'
        "    The scan printed `[11.` here (see the [notes](../about/editorial-notes.md)). "
        "Second sentence.\n\n    Another paragraph."
    )
    assert text.startswith("The scan printed")
    assert first_sentence(text) == "The scan printed `[11.` here (see the notes)."
    assert first_sentence("It reads “II.” where the scan printed `I1.`: OCR. Next.") == (
        "It reads “II.” where the scan printed `I1.`: OCR."
    )


def test_the_annotations_page_lists_notes_in_reading_order_with_relative_links():
    sources = {
        "panels/panel-1.md": f"# Panel 1 {{ #panel1 }}\n\n{TABLE}\n{NOTE}",
        "chapters/chapter-2.md": "# II. Law { #ch2 }\n\nText.\n{: #ch2-p1 }\n\n" + NOTE,
        "about/editors-notes.md": f"# Editor’s notes\n\n{placeholder(ROOM, NAME)}\n",
    }
    notes = collect(sources, order=["chapters/chapter-2.md", "panels/panel-1.md"])

    page = fill(sources["about/editors-notes.md"], notes, "about/editors-notes.md")

    assert placeholder(ROOM, NAME) not in page
    assert page.index("## [II. Law](../chapters/chapter-2.md)") < page.index("## [Panel 1]")
    assert "- [ch2-p1](../chapters/chapter-2.md#ch2-p1): The table has five rows." in page
    assert "- [panel1-table](../panels/panel-1.md#panel1-table): The table" in page


def test_the_edition_ships_real_notes_on_the_places_that_need_them():
    notes = committed_notes()
    assert len(notes) >= 8
    for place in [
        ("chapters/chapter-2.md", "ch2-s2-p4"),
        ("chapters/chapter-2.md", "ch2-s2-p6"),
        ("chapters/chapter-3.md", "ch3-s1-p1"),
        ("chapters/chapter-6.md", "ch6-s2-p3"),
        ("panels/panel-1.md", "panel1-table"),
        ("panels/panel-2.md", "panel2-p1"),
        ("panels/panel-5.md", "panel5-p2"),
        ("panels/panel-6.md", "panel6-p1"),
    ]:
        assert place in notes
    panel5 = (DOCS / "panels/panel-5.md").read_text(encoding="utf-8")
    assert "74.4 percent" in panel5  # 88,401 concluded of 118,764 handled
    # The 80,819 cases are not turned into a share of a total the sentence does not name.
    assert "68.1 percent" not in panel5 and "70.3 percent" not in panel5


def test_scan_repairs_live_on_the_editorial_notes_page_not_in_boxes():
    for path in sorted(DOCS.rglob("*.md")):
        body = front_matter.split(path.read_text(encoding="utf-8")).body
        for note in split_notes(body)[1]:
            assert "seed line" not in note.text and "scan printed" not in note.text, path


def test_notes_do_not_change_the_papers_words():
    assert run_tool("verify").returncode == 0
    assert run_tool("convert", "--check").returncode == 0


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def test_every_note_is_listed_on_the_annotations_page_with_a_working_link(site):
    page = soup(site, "about/editors-notes.html").select_one("article")
    items = page.select("li")
    listed = []
    for item in items:
        link = item.find("a")
        target, _, anchor = link["href"].partition("#")
        html = soup(site, str(Path("about", target)))
        paragraph = html.find(id=anchor)
        assert paragraph is not None, link["href"]
        note = paragraph.find_next_sibling()
        assert "editor" in note.get("class", []), link["href"]
        summary = item.get_text(" ", strip=True).split(":", 1)[1].strip()
        assert note.p.find_next_sibling().get_text(" ", strip=True).startswith(summary[:40])
        listed.append((target.removeprefix("../").replace(".html", ".md"), anchor))
    assert sorted(listed) == sorted(committed_notes())


def test_notes_are_styled_apart_from_the_paper(site):
    chapter = soup(site, "chapters/chapter-2.html")
    note = chapter.select_one(".admonition.editor")
    assert note.select_one(".admonition-title").get_text(strip=True) == "Editor’s note"
    css = (site / "assets/edition.css").read_text(encoding="utf-8")
    assert re.search(r"\.admonition\.editor[^{]*\{[^}]*border-color", css)

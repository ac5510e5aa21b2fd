"""The faithfulness check: page words = seed words with the editorial map applied.

That the committed pages pass it is checked once, by `python -m build_tools verify` in
`make test`; these tests show that the check catches what it must.
"""

from __future__ import annotations

from build_tools.edition.faithfulness import check_docs, page_units, words
from conftest import run_tool


def test_a_changed_word_is_reported_with_page_and_words(workspace):
    page = workspace / "docs/chapters/chapter-2.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("sound laws are the prerequisite", "good laws are the prerequisite")
    )

    result = run_tool(
        "verify", "--docs", str(workspace / "docs"), "--map", str(workspace / "seeds/edition.yml")
    )

    assert result.returncode == 1
    assert "chapter-2.md #ch2-p1" in result.stderr
    assert "the seed has “sound”, the page has “good”" in result.stderr


def test_dropped_added_and_moved_words_are_all_caught(workspace):
    docs = workspace / "docs"
    panel = docs / "panels/panel-1.md"
    panel.write_text(panel.read_text(encoding="utf-8").replace("Data Security Law<br>", ""))
    conclusion = docs / "conclusion.md"
    conclusion.write_text(
        conclusion.read_text(encoding="utf-8").replace(
            "create a better world.", "create a better world. Indeed."
        )
    )
    preface = docs / "preface.md"
    body = preface.read_text(encoding="utf-8")
    first, second = "{: #preface-p1 }", "{: #preface-p2 }"
    p1 = body[: body.index(first)].rsplit("\n\n", 1)[1].strip()
    p2 = body[body.index(first) + len(first) : body.index(second)].strip()
    preface.write_text(body.replace(p1, "@@").replace(p2, p1).replace("@@", p2))

    problems = check_docs(docs, workspace / "seeds/edition.yml")

    assert any("panel-1.md #panel1-table" in p and "Data Security" in p for p in problems)
    assert any("conclusion.md" in p and "Indeed." in p for p in problems)
    assert any("preface.md #preface-p1" in p for p in problems)


def test_editorial_additions_are_not_the_papers_words():
    page = (
        "---\ndigest: x\n---\n\n# Title { #t }\n\nSome words here.\n{: #t-p1 }\n\n"
        '!!! editor "Editor’s note"\n    Not the paper.\n\n    Still the note.\n\n'
        '<div class="panel-card" id="panel9" markdown>\n[Panel 9](x.md)\n</div>\n\n'
        "— **Lead.** And \\*more\\*.\n{: #t-p2 }\n"
    )
    units = page_units(page)
    assert [u.words for u in units] == [
        ("Title",),
        ("Some", "words", "here."),
        ("—", "Lead.", "And", "*more*."),
    ]
    assert [u.where for u in units] == ["#t", "#t-p1", "#t-p2"]


def test_words_ignore_bullets_and_table_pipes():
    assert words("* Electronic | Commerce  Law") == ("Electronic", "Commerce", "Law")

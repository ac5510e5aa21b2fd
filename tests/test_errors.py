"""Bad input names the exact file and line, and the tools say what to do about it.

Every expected line number here is counted in the text the test itself writes (or found by
reading the file as plain text), never taken from the code under test.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.common.errors import EditionError
from build_tools.glossary.entries import load_glossary, read_entry
from build_tools.glossary.second_reading import record_check
from conftest import ROOT, run_tool
from test_convert_cli import convert

# A valid entry; the comment on each line is its line number in the file.
ENTRY = [
    "---",  # 1
    "title: Example Law",  # 2
    "title_zh: 示例法",  # 3
    "level_basis: Adopted by the example legislature.",  # 4
    "level_basis_source: paper:ch2-p1",  # 5
    "type: law",  # 6
    "summary: A law made up for this test.",  # 7
    "sources:",  # 8
    "  - url: https://example.org/text",  # 9
    "    title: The text",  # 10
    "    publisher: Example Press",  # 11
    "    kind: official-text",  # 12
    "    cited_for: its text",  # 13
    "  - url: https://news.example.org/report",  # 14
    "    title: A report of its adoption",  # 15
    "    publisher: Example News",  # 16
    "    kind: reference",  # 17
    "    cited_for: the day of its adoption",  # 18
    "history:",  # 19
    "  - date: 2016-11-07",  # 20
    "    event: adopted",  # 21
    "    source: https://news.example.org/report",  # 22
    "legal_status: in-force",  # 23
    "status_checked: 2026-12-03",  # 24
    "status_search: Searched the example pages for amendments; none found.",  # 25
    "---",  # 26
    "",
    "What the law does.",
]
ENTRY_PATH = "glossary/law/example-law.md"
# The publishers the example entries may cite, and a host they may not.
REGISTRY = """classes:
  - {id: official, heading: Official}
  - {id: news, heading: News}
publishers:
  - {name: Example Press, class: official, hosts: [example.org]}
  - {name: Example News, class: news, hosts: [news.example.org, old.example.org],
     http_only: [old.example.org]}
refused:
  - {host: mirror.example.com, reason: mirror or aggregator, instead: Example Press}
"""


def write(docs: Path, path: str, lines: list[str], check: bool = True) -> Path:
    """Write a file under ``docs``; an entry gets the registry beside it and, with ``check``,
    a second reader's check recorded (as ``python -m build_tools checked`` records it)."""
    file = docs / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    registry = docs / "glossary" / "publishers.yml"
    if not registry.exists():
        registry.parent.mkdir(parents=True, exist_ok=True)
        registry.write_text(REGISTRY, encoding="utf-8")
    if check and lines[:1] == ["---"] and lines.count("---") >= 2:
        with contextlib.suppress(EditionError):  # malformed YAML: the test reads that error
            record_check(file, dt.date(2026, 12, 3))
    return file


def changed(line: int, text: str) -> list[str]:
    """The example entry with its line ``line`` (1-based) replaced by ``text``."""
    lines = list(ENTRY)
    lines[line - 1] = text
    return lines


def test_the_example_entry_is_valid(tmp_path):
    write(tmp_path, ENTRY_PATH, ENTRY)
    entry = read_entry(tmp_path, ENTRY_PATH)
    assert (entry.title, entry.title_zh, entry.year.value) == ("Example Law", "示例法", 2016)
    assert [source.kind for source in entry.sources] == ["official-text", "reference"]
    assert entry.status == "in-force" and entry.checked.iso == "2026-12-03"
    assert entry.year.source == "https://news.example.org/report"  # from the history


@pytest.mark.parametrize(
    ("line", "text", "message"),
    [
        (4, "year: 2016", "an instrument's 'year' comes from its 'history'"),
        (17, "    kind: news", "unknown source kind 'news'"),
        (3, "title_zh: Example Law", "'title_zh' has no Chinese characters"),
        (6, "type: statute", "unknown type 'statute'"),
        (6, "type: campaign", "type 'campaign' belongs in glossary/campaign/"),
        (7, "summery: A law made up for this test.", "unknown field(s): summery"),
        (5, "level_basis_source: https://example.org/other", "'level_basis_source' must be"),
        (16, "    publisher: ''", "missing or empty field 'publisher'"),
        (14, "  - url: ftp://news.example.org/report", "a source url must start with https://"),
        (15, "    title: [A report", "malformed YAML"),  # noticed on line 16, at fault on 15
        (10, "    title: The text: part two", "malformed YAML"),
        (11, "    publisher: 'Example Press", "malformed YAML"),
        # The publisher registry.
        (14, "  - url: https://mirror.example.com/report", "refused (mirror or aggregator)"),
        (14, "  - url: https://elsewhere.example.net/r", "not a registered publisher's host"),
        (16, "    publisher: Example Daily", "registered as 'Example News'"),
        (9, "  - url: http://example.org/text", "Example Press serves https on example.org"),
        (
            9,
            "  - url: https://example.org/text?utm_source=feed",
            "tracking parameter(s) utm_source",
        ),
        # The history and the status.
        (20, "  - date: 2016-13-01", "must be an ISO date"),
        (21, "    event: passed", "unknown event 'passed'"),
        (22, "    source: https://example.org/other", "an event's source must be"),
        (23, "legal_status: amended", "needs an 'amended' event after the paper"),
        (23, "legal_status: abolished", "needs 'legal_status', one of"),
        (24, "status_checked: 3 December", "'status_checked' must be an ISO date"),
    ],
)
def test_a_bad_entry_field_names_the_line_of_that_field(tmp_path, line, text, message):
    file = write(tmp_path, ENTRY_PATH, changed(line, text))
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value).startswith(f"{file}:{line}: "), str(error.value)
    assert message in str(error.value)


def test_a_source_without_what_it_is_cited_for_is_refused_at_the_source(tmp_path):
    file = write(tmp_path, ENTRY_PATH, changed(13, "    language: en"))
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value) == f"{file}:9: missing or empty field 'cited_for'"


def test_a_chinese_source_needs_a_chinese_title(tmp_path):
    lines = changed(13, "    language: zh")
    lines.insert(13, "    cited_for: its text")
    file = write(tmp_path, ENTRY_PATH, lines)
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value).startswith(f"{file}:13: language is zh, but the title has no Chinese")


def test_an_event_after_the_status_check_is_refused_at_the_event(tmp_path):
    file = write(tmp_path, ENTRY_PATH, changed(24, "status_checked: 2015-01-01"))
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value).startswith(f"{file}:20: an event dated 2016-11-07 is after")


def test_nothing_since_the_paper_needs_what_was_searched(tmp_path):
    file = write(tmp_path, ENTRY_PATH, changed(25, "# status_search left out"))
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value).startswith(f"{file}:23: no event after the paper (2023-03-16)")


def test_an_amendment_since_the_paper_backs_the_status_amended(tmp_path):
    lines = list(ENTRY)
    lines[22] = "legal_status: amended"
    lines[19:19] = [
        "  - date: 2025-10-28",
        "    event: amended",
        "    source: https://news.example.org/report",
    ]
    write(tmp_path, ENTRY_PATH, lines)
    entry = read_entry(tmp_path, ENTRY_PATH)
    assert [e.kind for e in entry.since_paper] == ["amended"]
    assert entry.revised.value == 2025


def test_an_entry_nobody_checked_or_edited_after_its_check_is_refused(tmp_path):
    file = write(tmp_path, ENTRY_PATH, ENTRY, check=False)
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert "an entry needs 'checked: {date: …, digest: …}'" in str(error.value)
    write(tmp_path, ENTRY_PATH, ENTRY)
    checked = file.read_text(encoding="utf-8")
    file.write_text(checked.replace("What the law does.", "What the law does not do."), "utf-8")
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    line = checked.splitlines().index(
        next(x for x in checked.splitlines() if x.startswith("checked:"))
    )
    assert str(error.value).startswith(
        f"{file}:{line + 1}: edited since its check on 3 December 2026"
    )


def test_a_missing_field_names_the_front_matter(tmp_path):
    file = write(tmp_path, ENTRY_PATH, changed(7, "# the summary is gone"))
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value) == f"{file}:2: missing or empty field 'summary'"


def test_a_field_at_fault_in_a_second_source_is_not_blamed_on_the_first(tmp_path):
    lines = changed(17, "    kind: official-text")  # the same url twice is the fault
    lines[13] = "  - url: https://example.org/text"
    lines[15] = "    publisher: Example Press"
    lines[21] = "    source: https://example.org/text"
    file = write(tmp_path, ENTRY_PATH, lines)
    with pytest.raises(EditionError) as error:
        read_entry(tmp_path, ENTRY_PATH)
    assert str(error.value).startswith(f"{file}:14: the url https://example.org/text is listed")
    assert "(also line 9)" in str(error.value)


def test_a_name_claimed_twice_names_the_line_that_claims_it(tmp_path):
    write(tmp_path, ENTRY_PATH, ENTRY)
    other = [
        "---",  # 1
        "title: Other Law",  # 2
        "title_zh: 其他法",  # 3
        "type: law",  # 4
        "summary: A law often confused with the Example Law.",  # 5: mentions it, claims nothing
        "aliases:",  # 6
        "  - Second Law",  # 7
        "  - Example Law",  # 8: the claim
        *ENTRY[3:5],
        *ENTRY[7:],
    ]
    file = write(tmp_path, "glossary/law/other-law.md", other)
    with pytest.raises(EditionError) as error:
        load_glossary(tmp_path)
    assert str(error.value).startswith(f"{file}:8: name 'Example Law' is claimed by this entry")
    assert f"and by {tmp_path / ENTRY_PATH}:2;" in str(error.value)


@pytest.mark.parametrize(
    ("path", "lines", "message"),
    [
        ("glossary/partyy/x.md", ENTRY, "not a glossary entry"),
        ("glossary/notes.md", ["# Notes", "", "Some notes."], "not a glossary entry"),
        (
            "glossary/law/notes.md",
            ["# Notes", "", "Some notes."],
            "a glossary entry must start with YAML front matter",
        ),
    ],
)
def test_a_markdown_file_under_glossary_that_is_no_entry_stops_the_load(
    tmp_path, path, lines, message
):
    write(tmp_path, ENTRY_PATH, ENTRY)
    for generated in ("glossary/index.md", "glossary/timeline.md"):  # the glossary's own pages
        write(tmp_path, generated, ["# A generated page"])
    assert [entry.path for entry in load_glossary(tmp_path).entries] == [ENTRY_PATH]
    file = write(tmp_path, path, lines)
    with pytest.raises(EditionError) as error:
        load_glossary(tmp_path)
    assert str(error.value).startswith(f"{file}:1: {message}"), str(error.value)


def project_copy(target: Path) -> Path:
    """The repository without its environments, builds and history, to build in isolation."""
    skip = shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "test-artifacts", "__pycache__", ".*_cache"
    )
    shutil.copytree(ROOT, target, ignore=skip)
    return target


def test_an_entry_in_a_folder_no_type_owns_fails_the_strict_build(tmp_path):
    project = project_copy(tmp_path / "project")
    misplaced = write(project / "docs", "glossary/partyy/x.md", ENTRY)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"{misplaced}:1: not a glossary entry" in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "site" / "glossary" / "partyy").exists()


# --- The converter and its checks -------------------------------------------------------------


def replace_once(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} is not in {path}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text


NOTE = '!!! editor "Editor’s note"\n    A note on the last paragraph of the section.\n'
# Without this repair the scan's lost paragraph break stays lost, so ch5-s1 has three
# paragraphs instead of four and #ch5-s1-p4 is no more.
BREAK_829 = "  - kind: break\n    line: 829\n"


def orphan_a_note(workspace: Path) -> tuple[Path, int]:
    """A note after #ch5-s1-p4, then a map change that removes that paragraph.

    Returns the page and the note's line in the file, front matter included.
    """
    page = workspace / "docs/chapters/chapter-5.md"
    text = replace_once(page, "{: #ch5-s1-p4 }\n", "{: #ch5-s1-p4 }\n\n" + NOTE)
    line = text[: text.index(NOTE)].count("\n") + 1
    yml = workspace / "seeds/edition.yml"
    map_text = yml.read_text(encoding="utf-8")
    start = map_text.index(BREAK_829)
    end = map_text.index("  - kind:", start + len(BREAK_829))
    yml.write_text(map_text[:start] + map_text[end:], encoding="utf-8")
    return page, line


def test_a_note_whose_paragraph_is_gone_names_its_line_in_the_file(workspace):
    page, line = orphan_a_note(workspace)
    assert line > 20  # past the front matter: a line of the file, not of the body
    before = page.read_text(encoding="utf-8")

    result = convert(workspace)

    assert result.returncode == 2
    assert f"{page}:{line}: editor's note follows '#ch5-s1-p4'" in result.stderr, result.stderr
    assert page.read_text(encoding="utf-8") == before
    forced = convert(workspace, "--force")  # --force overwrites edits, never drops a note
    assert forced.returncode == 2 and f"{page}:{line}:" in forced.stderr


def test_check_gives_the_real_reason_for_each_page(workspace):
    docs = workspace / "docs"
    replace_once(docs / "chapters/chapter-3.md", "Strict law enforcement", "Strict enforcement")
    (docs / "conclusion.md").write_text("# Conclusion\n\nWritten by a person.\n", encoding="utf-8")
    page, line = orphan_a_note(workspace)
    replace_once(
        workspace / "seeds/edition.yml",
        'reason: "OCR read the capital I',
        'reason: "OCR misread the capital I',
    )

    result = convert(workspace, "--check")

    assert result.returncode == 1
    reasons = {}
    for report in result.stderr.strip().splitlines():
        where, _, why = report.partition(": ")
        reasons[where] = why
    assert reasons[f"{docs / 'chapters/chapter-3.md'}:3"].startswith("page was edited by hand")
    assert reasons[f"{docs / 'conclusion.md'}:1"].startswith(
        "the converter did not write this page"
    )
    assert reasons[f"{page}:{line}"].startswith("editor's note follows '#ch5-s1-p4'")
    assert reasons[str(docs / "about/editorial-notes.md")].startswith("out of date")
    assert not [where for where in reasons if "chapter-1.md" in where]


def sha256_line(map_file: Path) -> int:
    """The line of ``sha256:`` in the editorial map, read as plain text."""
    lines = map_file.read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, start=1) if text.startswith("sha256:"))


@pytest.mark.parametrize("command", ["convert", "convert --check", "verify"])
def test_a_seed_with_one_changed_byte_is_refused_naming_the_recorded_digest(workspace, command):
    yml = workspace / "seeds/edition.yml"
    seed = next((workspace / "seeds").glob("*.txt"))
    data = bytearray(seed.read_bytes())
    at = data.index(b"prerequisite")
    data[at] = ord("P")  # one byte, inside a paragraph: the structure still reads
    seed.write_bytes(bytes(data))
    name, *options = command.split()
    places = ["--docs", str(workspace / "docs")] if name == "verify" else []
    if name == "convert":
        places = ["--out", str(workspace / "docs")]

    result = run_tool(name, "--map", str(yml), *places, *options)

    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"error: {yml}:{sha256_line(yml)}: "), result.stderr
    assert "SHA-256" in result.stderr


# --- The command line ---------------------------------------------------------------------------


def test_help_lists_every_command_with_one_line_each():
    result = run_tool("--help")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    for command in ("convert", "verify", "bench", "weight"):
        described = [line for line in lines if re.match(rf"^\s+{command}\s{{2,}}\w", line)]
        assert described, f"no line describes {command}"
    assert max(len(line) for line in lines) <= 100


def test_weight_on_a_missing_site_is_an_error():
    result = run_tool("weight", "--site", "/nonexistent")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: /nonexistent: no built site")


@pytest.mark.parametrize("command", [["convert", "--check"], ["convert"], ["verify"], ["weight"]])
def test_a_command_run_outside_the_repository_says_where_to_run_it(tmp_path, command):
    result = run_tool(*command, cwd=tmp_path)
    assert result.returncode == 2
    assert "the repository root" in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == [], "nothing was written where it was run"

"""The converter as a contributor runs it: safe re-runs, --check, --force, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEED, run_tool


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def convert(workspace: Path, *extra: str):
    return run_tool(
        "convert",
        "--map",
        str(workspace / "seeds/edition.yml"),
        "--out",
        str(workspace / "docs"),
        *extra,
    )


def test_rerun_on_the_committed_pages_changes_nothing(workspace):
    before = snapshot(workspace / "docs")
    result = convert(workspace)
    assert result.returncode == 0, result.stderr
    assert "wrote 0 page(s)" in result.stdout
    assert snapshot(workspace / "docs") == before


def test_convert_into_an_empty_folder_writes_every_page(tmp_path, workspace):
    out = tmp_path / "fresh"
    result = run_tool("convert", "--map", str(workspace / "seeds/edition.yml"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    names = {str(p.relative_to(out)) for p in out.rglob("*.md")}
    assert {"preface.md", "conclusion.md", "index.md", "about/editorial-notes.md"} <= names
    assert {f"chapters/chapter-{n}.md" for n in range(1, 7)} <= names
    assert {f"panels/panel-{n}.md" for n in range(1, 9)} <= names
    assert not list(out.rglob("*.tmp")), "no temporary files are left behind"


def test_a_hand_edited_page_is_never_overwritten(workspace):
    page = workspace / "docs/chapters/chapter-3.md"
    edited = page.read_text(encoding="utf-8").replace(
        "Strict law enforcement", "Strict enforcement"
    )
    page.write_text(edited, encoding="utf-8")
    other = workspace / "docs/preface.md"
    other.write_text(
        other.read_text(encoding="utf-8").replace("---\n\n#", "---\n\n\n#"), encoding="utf-8"
    )
    (workspace / "seeds/edition.yml").write_text(
        (workspace / "seeds/edition.yml")
        .read_text(encoding="utf-8")
        .replace('reason: "OCR read the capital I', 'reason: "OCR misread the capital I'),
        encoding="utf-8",
    )
    before = snapshot(workspace / "docs")

    result = convert(workspace)

    assert result.returncode == 2
    assert "chapter-3.md" in result.stderr and "--force" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(workspace / "docs") == before, "all or nothing: no page was written"

    forced = convert(workspace, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Strict law enforcement" in page.read_text(encoding="utf-8")
    notes = (workspace / "docs/about/editorial-notes.md").read_text(encoding="utf-8")
    assert "OCR misread the capital I" in notes


def test_check_names_the_pages_that_drifted_and_writes_nothing(workspace):
    page = workspace / "docs/panels/panel-3.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA stray line.\n", encoding="utf-8")
    (workspace / "docs/conclusion.md").unlink()
    before = snapshot(workspace / "docs")

    result = convert(workspace, "--check")

    assert result.returncode == 1
    assert "panel-3.md:3: page was edited by hand" in result.stderr
    assert "conclusion.md: missing" in result.stderr
    assert "chapter-1.md" not in result.stderr
    assert snapshot(workspace / "docs") == before


def test_editor_notes_survive_reconversion(workspace):
    page = workspace / "docs/chapters/chapter-4.md"
    note = '!!! editor "Editor’s note"\n    The three internet courts opened in 2017 and 2018.\n'
    text = page.read_text(encoding="utf-8").replace(
        "{: #ch4-s2-p2 }\n", "{: #ch4-s2-p2 }\n\n" + note, 1
    )
    page.write_text(text, encoding="utf-8")
    yml = workspace / "seeds/edition.yml"
    yml.write_text(
        yml.read_text(encoding="utf-8").replace("Chapter numeral IV,", "Chapter numeral IV (4),"),
        encoding="utf-8",
    )

    assert convert(workspace, "--check").returncode == 1  # the notes page is now stale
    result = convert(workspace)

    assert result.returncode == 0, result.stderr
    after = page.read_text(encoding="utf-8")
    assert "{: #ch4-s2-p2 }\n\n" + note in after
    assert "Chapter numeral IV (4)," in (workspace / "docs/about/editorial-notes.md").read_text(
        encoding="utf-8"
    )
    assert convert(workspace, "--check").returncode == 0


def _seed_variant(workspace: Path, data: bytes) -> Path:
    path = workspace / "seeds" / "variant.txt"
    path.write_bytes(data)
    return path


LINES = SEED.read_bytes().split(b"\n")


@pytest.mark.parametrize(
    ("case", "data", "expected"),
    [
        ("empty", b"", "variant.txt:1: the seed is empty"),
        (
            "not UTF-8",
            b"\n".join([*LINES[:40], "caf\u00e9".encode("latin-1"), *LINES[41:]]),
            "variant.txt:41: not UTF-8 text: byte 0xe9",
        ),
        (
            "cut off mid-chapter",
            b"\n".join(LINES[:700]),
            "variant.txt:700: the seed ends at line 700",
        ),
        (
            "a heading the map expects is missing",
            b"\n".join([*LINES[:574], b"", *LINES[575:]]),
            "variant.txt:575: expected the panel3 heading 'Panel 3 Operation Wangjian'",
        ),
        (
            "a panel appears twice",
            b"\n".join([*LINES[:1130], b"Panel 5 Internet Courts", *LINES[1131:]]),
            "variant.txt:1131: heading 'Panel 5 Internet Courts' appears a second time",
        ),
    ],
)
def test_bad_seed_is_one_clear_error_and_touches_nothing(workspace, case, data, expected):
    seed = _seed_variant(workspace, data)
    before = snapshot(workspace / "docs")

    result = convert(workspace, "--seed", str(seed))

    assert result.returncode == 2, case
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert snapshot(workspace / "docs") == before


def test_a_panel_heading_the_map_does_not_know_is_an_error(workspace):
    seed = _seed_variant(
        workspace, b"\n".join([*LINES[:1129], b"Panel 9 Something new", *LINES[1130:]])
    )
    result = convert(workspace, "--seed", str(seed))
    assert result.returncode == 2
    assert "variant.txt:1130: Panel 9 is not in the editorial map" in result.stderr


@pytest.mark.parametrize(
    ("change", "fault", "expected"),
    [
        (
            (
                'line: 913\n    printed: "Is intensifying"',
                'line: 914\n    printed: "Is intensifying"',
            ),
            "line: 914",
            "correction expects 'Is intensifying' on cyberspace-governance-white-paper-2023.txt line 914",
        ),
        (
            ("kind: break\n    line: 829", "kind: breach\n    line: 829"),
            "kind: breach",
            "unknown layout repair kind 'breach'",
        ),
        (("  - id: panel3\n", "  - id: panel2\n"), "id: panel2", "panel 'panel2' is already used"),
        (("end: 584", "end: [584]"), "end: [584]", "field 'end' must be a whole number"),
        (
            # The bracket is found unclosed on the next line; the fault is where it opened.
            ("corrections:\n", "corrections:\n  - printed: [Is\n    line: 5\n"),
            "printed: [Is",
            "malformed YAML",
        ),
    ],
)
def test_bad_editorial_map_names_its_line(workspace, change, fault, expected):
    yml = workspace / "seeds/edition.yml"
    text = yml.read_text(encoding="utf-8")
    assert change[0] in text
    at = text.index(change[0])
    text = text.replace(change[0], change[1], 1)
    yml.write_text(text, encoding="utf-8")
    line = text[: text.index(fault, at)].count("\n") + 1
    before = snapshot(workspace / "docs")

    result = convert(workspace)

    assert result.returncode == 2
    assert f"edition.yml:{line}: " in result.stderr, result.stderr
    assert expected in result.stderr, result.stderr
    assert snapshot(workspace / "docs") == before

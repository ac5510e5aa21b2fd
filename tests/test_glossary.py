"""The glossary's data: complete coverage of the paper's names, one entry per instrument."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from build_tools.common.errors import EditionError
from build_tools.glossary.entries import entry_types, load_glossary
from build_tools.glossary.matcher import TermMatcher, normalise
from conftest import DOCS, ROOT

KEYWORDS = (
    "Law|Code|Regulations|Measures|Provisions|Operation|Commission|Congress|Council|Court|"
    "Organization|Conference|Initiative|Forum|Alliance|Association|Declaration|Agreement|Charter"
)
KEYWORD = re.compile(rf"(?<![\w-])(?:{KEYWORDS})(?![\w-])")
CAPITAL = r"(?:[A-Z0-9][\w’'+-]*(?:\.\w+)*|\(\d{{4}} Revision\))"
CONNECTOR = r"(?:of|the|on|for|and|in|to|with|against|after)"
# A capitalised name: capitalised words, joined by short lower-case words, capital at both ends.
NAME = re.compile(rf"{CAPITAL}(?:\s+(?:{CONNECTOR}\s+)*{CAPITAL})*".replace("{{4}}", "{4}"))


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(DOCS)


@pytest.fixture(scope="module")
def paper_text(edition):
    """The paper's words as the edition shows them, one paragraph a line."""
    from build_tools.edition.structure import Heading, Paragraph, TableBlock

    chunks = []
    for page in edition.pages:
        for block in page.blocks:
            if isinstance(block, Heading | Paragraph):
                chunks.append(block.text)
            elif isinstance(block, TableBlock):
                chunks += [block.header[1]]
                for label, examples in block.rows:
                    chunks += [label, *examples]
                chunks += list(block.total)
    return "\n".join(chunks)


def candidates(text: str) -> list[tuple[int, int, str]]:
    """Capitalised names in the text that contain an instrument or body keyword."""
    found = []
    for line_start, line in _lines(text):
        for name in NAME.finditer(line):
            for keyword in KEYWORD.finditer(name.group()):
                found.append(
                    (line_start + name.start() + keyword.start(), name.group(), keyword.group())
                )
    return found


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def test_the_glossary_is_large_and_well_formed(glossary):
    assert len(glossary.entries) >= 100
    types = {kind.type for kind in entry_types()}
    for entry in glossary.entries:
        assert entry.type in types
        assert entry.summary.endswith("."), entry.path
        assert len(entry.summary.split(". ")) <= 2, f"{entry.path}: one sentence"


def test_every_title_and_alias_occurs_in_the_paper(glossary, paper_text):
    flat = normalise(paper_text.replace("\n", " "))
    for entry in glossary.entries:
        for term in entry.terms:
            assert re.search(rf"(?<!\w){re.escape(normalise(term))}(?!\w)", flat), (
                entry.path,
                term,
            )


@pytest.mark.parametrize(
    "names",
    [
        ("Anti-monopoly Law", "Anti-Monopoly Law"),
        ("Law Against Unfair Competition (2017 Revision)", "Anti-Unfair Competition Law"),
        (
            "Regulations on the Management of Algorithmic Recommendations for Internet Information Services",
            "Regulations on the Administration of Algorithmic Recommendations for Internet Information Services",
        ),
        ("UN Charter", "Charter of the United Nations"),
        ("United Nations", "UN"),
        ("International Criminal Police Organization",),
        ("Hangzhou Internet Court",),
    ],
)
def test_names_of_one_instrument_lead_to_one_entry(glossary, names):
    owners = {normalise(t): e.path for e in glossary.entries for t in e.terms}
    assert all(normalise(n) in owners for n in names), [
        n for n in names if normalise(n) not in owners
    ]
    assert len({owners[normalise(n)] for n in names}) == 1


def test_every_name_in_the_paper_has_an_entry_or_a_reasoned_exclusion(glossary, paper_text):
    exclusions = yaml.safe_load((ROOT / "tests" / "glossary_exclusions.yml").read_text("utf-8"))
    assert all(item.get("reason", "").strip() for item in exclusions), (
        "every exclusion has a reason"
    )
    excluded = {normalise(item["text"]) for item in exclusions}
    matcher = TermMatcher(glossary.terms())
    covered = [(m.start, m.end) for m in matcher.find(paper_text)]
    missing = set()
    for position, name, _ in candidates(paper_text):
        if any(start <= position < end for start, end in covered):
            continue
        if normalise(name) not in excluded:
            missing.add(name)
    assert not missing, f"names with no glossary entry and no exclusion: {sorted(missing)}"
    unused = excluded - {normalise(name) for _, name, _ in candidates(paper_text)}
    assert not unused, f"exclusions that match no name in the paper: {sorted(unused)}"


def _copy_glossary(tmp_path: Path) -> Path:
    shutil.copytree(DOCS / "glossary", tmp_path / "glossary")
    return tmp_path


def test_an_alias_claimed_twice_names_both_files(tmp_path):
    docs = _copy_glossary(tmp_path)
    entry = docs / "glossary/law/cybersecurity-law.md"
    entry.write_text(
        entry.read_text("utf-8").replace(
            "type: law\n", "type: law\naliases:\n  - Data Security Law\n"
        )
    )
    with pytest.raises(EditionError) as error:
        load_glossary(docs)
    assert "cybersecurity-law.md" in str(error.value) and "data-security-law.md" in str(error.value)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("summary:", "summery:"), "missing or empty field 'summary'"),
        (("type: law", "type: statute"), "unknown type 'statute'"),
        (("type: law", "type: campaign"), "type 'campaign' belongs in glossary/campaign/"),
        (("year: 2021", "year: twenty"), "'year' must be a whole number"),
        (("title: Data Security Law", "title: [Data Security Law"), "malformed YAML"),
    ],
)
def test_a_broken_entry_names_its_file_and_line(tmp_path, change, message):
    docs = _copy_glossary(tmp_path)
    entry = docs / "glossary/law/data-security-law.md"
    text = entry.read_text("utf-8")
    assert change[0] in text
    entry.write_text(text.replace(change[0], change[1], 1))
    with pytest.raises(EditionError) as error:
        load_glossary(docs)
    assert re.search(r"data-security-law\.md:\d+: ", str(error.value)), str(error.value)
    assert message in str(error.value)

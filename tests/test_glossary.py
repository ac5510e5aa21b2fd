"""The glossary's data: complete coverage of the paper's names, one entry per instrument."""

from __future__ import annotations

import re
import shutil

import markdown
import pytest
import yaml

from build_tools.common.errors import EditionError
from build_tools.glossary.entries import load_glossary
from build_tools.glossary.entry_frame import FrameExtension, element
from build_tools.glossary.matcher import TermMatcher, normalise
from conftest import DOCS, ROOT, recheck

KEYWORDS = (
    "Law|Code|Regulations|Measures|Provisions|Operation|Commission|Congress|Council|Court|"
    "Organization|Conference|Initiative|Forum|Alliance|Association|Declaration|Agreement|Charter"
)
KEYWORD = re.compile(rf"(?<![\w-])(?:{KEYWORDS})(?![\w-])")
CAPITAL = r"(?:[A-Z0-9][\w’'+-]*(?:\.\w+)*|\(\d{{4}} Revision\))"
CONNECTOR = r"(?:of|the|on|for|and|in|to|with|against|after)"
# A capitalised name: capitalised words, joined by short lower-case words, capital at both ends.
NAME = re.compile(rf"{CAPITAL}(?:\s+(?:{CONNECTOR}\s+)*{CAPITAL})*".replace("{{4}}", "{4}"))


# A sentence ends at . ! or ? (a closing quote or bracket may follow), then a space and a capital,
# a digit or an opening quote. Written out here rather than taken from build_tools.
SENTENCE_BREAK = re.compile(r"[.!?][”’\")]*\s+[“‘\"(]*[A-Z0-9]")


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


def test_the_glossary_is_large_and_every_summary_is_one_sentence(glossary):
    assert len(glossary.entries) >= 100
    long = [e.path for e in glossary.entries if SENTENCE_BREAK.search(e.summary)]
    assert long == [], "a summary is one sentence (it is the links' hover text)"
    assert [e.path for e in glossary.entries if not e.summary.endswith(".")] == []


@pytest.mark.parametrize(
    ("summary", "sentences"),
    [
        ("A law on data.", 1),
        ("A law on data adopted in 2021 (effective 1 September).", 1),
        ("A law on data. It took effect in 2021.", 2),
        ("A law on “data.” It took effect in 2021.", 2),
        ("A law on data. 2021 saw it take effect.", 2),
    ],
)
def test_the_one_sentence_check_counts_sentences(summary, sentences):
    assert len(SENTENCE_BREAK.findall(summary)) + 1 == sentences


def test_every_alias_occurs_in_the_paper_and_every_title_unless_an_alias_does(glossary, paper_text):
    """Aliases are the paper's own forms; a title may be the instrument's full name (Amendment
    VII to the Criminal Law, the Communist Party of China) when an alias is the paper's form."""
    flat = normalise(paper_text.replace("\n", " "))

    def occurs(term: str) -> bool:
        return bool(re.search(rf"(?<!\w){re.escape(normalise(term))}(?!\w)", flat))

    for entry in glossary.entries:
        for alias in entry.aliases:
            assert occurs(alias), (entry.path, alias)
        assert occurs(entry.title) or entry.aliases, (entry.path, entry.title)


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


def test_an_alias_claimed_twice_names_both_files_and_the_line(tmp_path):
    shutil.copytree(DOCS / "glossary", tmp_path / "glossary")
    entry = tmp_path / "glossary/law/cybersecurity-law.md"
    text = entry.read_text("utf-8")
    assert "\naliases:" not in text
    text = text.replace("type: law\n", "type: law\naliases:\n  - Data Security Law\n", 1)
    entry.write_text(text, encoding="utf-8")
    text = recheck(entry).read_text("utf-8")
    alias_line = text[: text.index("  - Data Security Law")].count("\n") + 1
    owner = tmp_path / "glossary/law/data-security-law.md"
    lines = owner.read_text("utf-8").splitlines()
    title_line = lines.index("title: Data Security Law") + 1
    with pytest.raises(EditionError) as error:
        load_glossary(tmp_path)
    # Entries are read in path order: the second to claim the name is the one reported.
    assert str(error.value).startswith(f"{owner}:{title_line}: name 'Data Security Law' is")
    assert f"{entry}:{alias_line}" in str(error.value)


def test_an_entrys_frame_surrounds_its_own_page_once():
    """The header and Sources list go around the entry's text, and around nothing else that
    is converted afterwards with the same Markdown."""
    frame = FrameExtension()
    md = markdown.Markdown(extensions=[frame, "toc"])
    frame.set([element("h1", "Cybersecurity Law")], [element("h2", "Sources", id="sources")])
    framed = md.convert("The entry's own text.")
    assert framed.index("<h1") < framed.index("own text") < framed.index('<h2 id="sources"')
    assert '<h1 id="cybersecurity-law">' in framed  # the table of contents saw the heading
    md.reset()
    assert md.convert("Another text.") == "<p>Another text.</p>"

"""The whole conversion of the seed: facts a reader checked against the printed paper."""

from __future__ import annotations

import hashlib
import re

import pytest
import yaml

from build_tools.edition.structure import Heading, PanelCard, Paragraph, TableBlock
from conftest import DOCS, MAP, SEED

# Typed from a reading of the seed, numerals as the paper means them (the scan misprints four).
CHAPTERS = {
    "preface": "Preface",
    "ch1": "I. Upholding the Rule of Law in Cyberspace",
    "ch2": "II. Consolidating the Legal System for Cyberspace Governance",
    "ch3": "III. Keeping Order in a Rule-Based Cyberspace",
    "ch4": "IV. Defending Fairness and Justice in Cyberspace",
    "ch5": "V. Promoting Public Awareness and Competence in Law-Based Cyberspace Governance",
    "ch6": "VI. Increasing International Exchanges and Cooperation in Law-Based Cyberspace "
    "Governance",
    "conclusion": "Conclusion",
}

SECTIONS = {
    "ch1": [],
    "ch2": [
        "1. Establishing a System of Laws for Protecting People’s Rights and Interests in "
        "Cyberspace",
        "2. Improving Law-Based Governance of the Digital Economy",
        "3. Safeguarding Cybersecurity by Law",
        "4. Improving Regulation for a Sound Cyber Environment",
    ],
    "ch3": [
        "1. Protecting Personal Information",
        "2. Protecting Online Intellectual Property Rights",
        "3. Maintaining Order in the Online Market",
        "4. Safeguarding National Cybersecurity",
        "5. Creating a Clean Cyberspace",
    ],
    "ch4": [
        "1. Defining New Rules of Cyber Justice",
        "2. Exploring New Models of Cyber Justice",
        "3. Judicial Protection of Online Rights and Interests",
    ],
    "ch5": [
        "1. Internet Plus Public Legal Education",
        "2. Publicizing Cyber Laws and Regulations",
        "3. Raising Legal Awareness of Key Groups",
        "4. Strengthening Research and Education on Law-Based Cyberspace Governance",
    ],
    "ch6": [
        "1. Playing an Active Role in Rule Making",
        "2. Conducting Extensive Exchanges and Cooperation",
        "3. Creating Platforms for Dialogue",
    ],
}

# Panel: (title, chapter, section number or None for the chapter's opening).
PANELS = {
    "panel1": ("Panel 1 Cyber Legislation in China", "ch2", None),
    "panel2": (
        "Panel 2 Cases of Unfair Competition and Monopoly Involving Online Platforms",
        "ch3",
        3,
    ),
    "panel3": ("Panel 3 Operation Wangjian", "ch3", 3),
    "panel4": ("Panel 4 Operation Child Protector", "ch3", 5),
    "panel5": ("Panel 5 Internet Courts", "ch4", 2),
    "panel6": ("Panel 6 Going after Cybercrime", "ch4", 3),
    "panel7": (
        "Panel 7 A Website for Promoting Legal Literacy Among Teenagers — qspfw.moe.gov.cn",
        "ch5",
        3,
    ),
    "panel8": ("Panel 8 The International Organization of the World Internet Conference", "ch6", 3),
}


def paragraphs(page) -> list[Paragraph]:
    return [block for block in page.blocks if isinstance(block, Paragraph)]


def text_of(page) -> str:
    return "\n".join(block.text for block in paragraphs(page))


def test_seed_is_the_shared_scan_byte_for_byte():
    """The digest is the one the editorial map records (read here as plain YAML)."""
    recorded = yaml.safe_load(MAP.read_text(encoding="utf-8"))
    assert recorded["seed"] == SEED.name
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == recorded["sha256"]


def test_parts_in_reading_order_with_true_numerals(edition):
    parts = [page for page in edition.pages if page.kind == "part"]
    assert [(page.id, page.title) for page in parts] == list(CHAPTERS.items())


@pytest.mark.parametrize("part_id", sorted(SECTIONS))
def test_numbered_sections_are_second_level_headings(pages_by_id, part_id):
    headings = [b for b in pages_by_id[part_id].blocks if isinstance(b, Heading) and b.level == 2]
    assert [h.text for h in headings] == SECTIONS[part_id]
    assert [h.id for h in headings] == [f"{part_id}-s{k}" for k in range(1, len(headings) + 1)]


@pytest.mark.parametrize("panel_id", sorted(PANELS))
def test_each_panel_is_a_page_that_knows_its_place(pages_by_id, panel_id):
    title, chapter, section = PANELS[panel_id]
    panel = pages_by_id[panel_id]
    assert panel.title == title
    assert panel.parent.id == chapter
    assert (panel.parent_section.id if panel.parent_section else None) == (
        f"{chapter}-s{section}" if section else None
    )
    chapter_blocks = pages_by_id[chapter].blocks
    cards = [b for b in chapter_blocks if isinstance(b, PanelCard) and b.panel_id == panel_id]
    assert len(cards) == 1, "the chapter keeps a card at the panel's place"


def test_panel_cards_stand_where_the_paper_prints_the_panels(pages_by_id):
    blocks = pages_by_id["ch3"].blocks
    index = next(
        i for i, b in enumerate(blocks) if isinstance(b, PanelCard) and b.panel_id == "panel2"
    )
    assert blocks[index - 1].text.startswith("All this has contributed to an improved market")
    assert blocks[index + 1].text.startswith("— Regulating online trading and transactions.")
    blocks = pages_by_id["ch2"].blocks
    index = next(i for i, b in enumerate(blocks) if isinstance(b, PanelCard))
    assert blocks[index - 1].text.startswith("Over the years, China has promulgated more than 140")
    assert isinstance(blocks[index + 1], Heading) and blocks[index + 1].id == "ch2-s1"


def test_panel_one_is_a_table_of_five_levels_with_every_example(pages_by_id):
    (table,) = [b for b in pages_by_id["panel1"].blocks if isinstance(b, TableBlock)]
    rows = dict(table.rows)
    assert list(rows) == [
        "Law",
        "Administrative Regulation",
        "Departmental Rule",
        "Local Regulation",
        "Local Administrative Rule",
    ]
    assert [len(examples) for examples in rows.values()] == [6, 7, 6, 5, 4]
    assert rows["Law"][0] == "Electronic Commerce Law"
    assert rows["Law"][-1] == "Law on Combating Telecom and Online Fraud"
    # The example whose bullet the scan lost, and the one printed with »:
    assert (
        rows["Administrative Regulation"][2]
        == "Administrative Measures on Internet Information Services"
    )
    assert rows["Local Regulation"][0] == "Guangdong Provincial Digital Economy Promotion Act"
    # Examples printed over two lines are one example.
    assert (
        "Regulations on the Administration of Foreign Investment in Chinese Telecommunications "
        "Businesses" in rows["Administrative Regulation"]
    )
    assert rows["Local Administrative Rule"][-1] == (
        "Interim Measures of Hangzhou City on the Administration of Online Transactions"
    )
    assert table.header == ("Type", "Examples")
    assert table.total == ("Total Number", "Exceeding 140")


def test_corrections_reach_the_text(pages_by_id):
    assert "China’s Internet of Things (IoT) now connects" in text_of(pages_by_id["ch1"])
    assert "China is intensifying its efforts" in text_of(pages_by_id["ch5"])
    assert "non-interference in other countries’ domestic affairs" in text_of(pages_by_id["ch6"])
    assert "(qspfw.moe.gov.cn)" in text_of(pages_by_id["panel7"])
    everything = "\n".join(text_of(page) for page in pages_by_id.values())
    for misprint in ("(1oT)", "Is intensifying", "countries”", "gspfw", "»", "I1.", "[11.", "V1."):
        assert misprint not in everything


def test_web_page_block_is_gone_and_the_sentence_runs_on(pages_by_id):
    text = text_of(pages_by_id["ch1"])
    assert "news.cn" not in text and "Source: Xinhua" not in text
    assert (
        "judiciary work, and programs to spread knowledge about cyber laws, and has shared its "
        "experience with the world." in text
    )


def test_page_break_indents_and_line_ends_are_gone(edition):
    for page in edition.pages:
        for block in paragraphs(page):
            assert block.text == block.text.strip()
            assert "  " not in block.text, block.id


@pytest.mark.parametrize(
    ("page_id", "opening"),
    [
        # Paragraphs the scan ran into the one before at a page break.
        ("ch5", "Strengthening legal literacy through online media."),
        ("ch6", "China supports the UN’s role as the main channel"),
        # Paragraphs printed straight after a heading or a panel, with no blank line.
        ("ch2", "Cybersecurity is a new component of national security"),
        ("ch3", "— Regulating online trading and transactions."),
        ("ch5", "Strengthening internet companies’ compliance with the law."),
        ("ch6", "As a longstanding supporter of international exchanges"),
        ("panel8", "China initiated the international organization of the World Internet"),
    ],
)
def test_run_together_paragraphs_are_separated(pages_by_id, page_id, opening):
    assert any(p.text.startswith(opening) for p in paragraphs(pages_by_id[page_id]))


def test_paragraph_counts_match_the_paper(pages_by_id):
    # Counted by hand in the seed (blank-line separated, with the two lost breaks restored).
    counts = {"preface": 4, "ch1": 11, "conclusion": 2, "panel5": 2, "panel8": 1}
    assert {k: len(paragraphs(pages_by_id[k])) for k in counts} == counts


def test_every_paragraph_has_a_unique_structured_id(edition):
    ids = [b.id for page in edition.pages for b in page.blocks if hasattr(b, "id")]
    assert len(ids) == len(set(ids))
    pattern = re.compile(r"^(preface|conclusion|ch[1-6](-s\d)?|panel[1-8])(-p\d+|-table)?$")
    assert all(pattern.match(i) for i in ids), [i for i in ids if not pattern.match(i)]


def test_em_dash_paragraphs_keep_their_dash_and_bold_lead():
    chapter = (DOCS / "chapters" / "chapter-1.md").read_text(encoding="utf-8")
    assert "\n— **People-centered development.** In China, the people contribute" in chapter
    assert "\n— **Openness and cooperation.** Upholding cyber sovereignty" in chapter

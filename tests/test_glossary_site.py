"""The glossary in the built site: auto-links, tooltips, backlinks, index pages, failures."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools.glossary.entries import load_glossary
from conftest import DOCS, ROOT, build_site, recheck, register_example

PAPER = ["preface", *(f"chapters/chapter-{n}" for n in range(1, 7)), "conclusion"] + [
    f"panels/panel-{n}" for n in range(1, 9)
]


def html(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def content(site: Path, name: str):
    return html(site, name).select_one("article.md-content__inner")


def heading_texts(page, selector: str = "h2") -> list[str]:
    """Heading texts without their ¶ permalinks."""
    texts = []
    for heading in page.select(selector):
        for link in heading.select(".headerlink"):
            link.extract()
        texts.append(heading.get_text(strip=True))
    return texts


def links_to(site: Path, entry_file: str) -> list[tuple[str, str]]:
    """(page, link text) for every glossary link in the paper's own text (editor's notes aside)
    that leads to ``entry_file``."""
    found = []
    for name in PAPER:
        for a in content(site, f"{name}.html").select("a.glossary-link"):
            if a["href"].endswith(entry_file) and not a.find_parent(class_="admonition"):
                found.append((name, a.get_text()))
    return found


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        # Counted by hand in the seed.
        ("law/data-security-law.html", 7),
        (
            "law/anti-monopoly-law.html",
            2,
        ),  # "Anti-monopoly Law" (Ch. II), "Anti-Monopoly Law" (Ch. V)
        ("international-instrument/charter-of-the-united-nations.html", 4),
        ("state-institution/standing-committee-of-the-national-peoples-congress.html", 2),
        (
            "state-institution/national-peoples-congress.html",
            1,
        ),  # "13th National People’s Congress"
    ],
)
def test_every_mention_is_linked_not_only_the_first(site, entry, expected):
    assert len(links_to(site, entry)) == expected


def test_nested_name_is_one_link(site):
    texts = [
        t
        for _, t in links_to(
            site, "state-institution/standing-committee-of-the-national-peoples-congress.html"
        )
    ]
    assert texts == ["Standing Committee of the National People’s Congress"] * 2


def test_links_carry_class_and_summary_as_tooltip(site):
    entries = {e.path: e for e in load_glossary(DOCS).entries}
    page = content(site, "chapters/chapter-2.html")
    links = page.select("a.glossary-link")
    assert len(links) > 30
    for a in links:
        target = (site / "chapters" / a["href"]).resolve()
        assert target.exists(), a["href"]
        source = str(target.relative_to(site.resolve())).replace(".html", ".md")
        assert a["title"] == entries[source].summary


def test_never_inside_headings_links_or_code(site):
    for path in site.rglob("*.html"):
        page = html(site, str(path.relative_to(site)))
        for a in page.select("a.glossary-link"):
            assert not a.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"]), path
            assert not a.find_parent("a"), path


def test_an_entry_does_not_link_to_itself(site):
    page = content(site, "glossary/law/data-security-law.html")
    assert "Data Security Law" in page.get_text()
    assert not [
        a for a in page.select("a.glossary-link") if a["href"].endswith("data-security-law.html")
    ]


def test_backlinks_quote_the_sentence_and_land_on_the_paragraph(site):
    page = content(site, "glossary/law/data-security-law.html")
    assert page.select_one("#mentioned-in")
    groups = page.select("h3.backlinks-page")
    # Reading order: a panel comes after the chapter it stands in.
    assert [(g.a.get_text(), g.span.get_text()) for g in groups] == [
        ("II. Consolidating the Legal System for Cyberspace Governance", "(4)"),
        ("Panel 1 Cyber Legislation in China", "(1)"),
        ("V. Promoting Public Awareness and Competence in Law-Based Cyberspace Governance", "(2)"),
    ]
    items = page.select(".backlinks li")
    assert len(items) == 7
    first = items[0]
    assert first.mark.get_text() == "Data Security Law"
    for item in items:
        href = item.select_one("a.backlink")["href"]
        target, anchor = href.split("#")
        landing = html(
            site, str((site / "glossary/law" / target).resolve().relative_to(site.resolve()))
        )
        paragraph = landing.find(id=anchor)
        assert paragraph is not None, href
        quote = " ".join(item.q.get_text().split())
        assert quote in " ".join(paragraph.get_text().split())


def test_glossary_index_groups_by_type_with_counts_and_an_a_to_z(site):
    page = content(site, "glossary/index.html")
    text = page.get_text(" ")
    assert "<!--mentions" not in str(page) and "mentions:" not in text
    headings = heading_texts(page)
    assert headings[0].startswith("Constitution") and headings[-1] == "A–Z"
    assert any(h.startswith("Laws (") for h in headings)
    item = next(li for li in page.select("li") if li.a and li.a.get_text() == "Data Security Law")
    assert "7 mentions" in item.get_text()
    # Counted by hand in the seed: lines 180, 279, 820 and 909. Editor's notes don't count.
    constitution = next(
        li for li in page.select("li") if li.a and li.a.get_text() == "Constitution"
    )
    assert "4 mentions" in constitution.get_text()
    assert "Anti-monopoly Law → Anti-Monopoly Law" in " ".join(page.get_text(" ").split())


def test_legal_framework_follows_panel_one(site):
    page = content(site, "glossary/legal-framework.html")
    levels = heading_texts(page)
    assert levels == [
        "0. Constitution",
        "1. Laws",
        "2. Administrative regulations",
        "3. Departmental rules",
        "4. Normative documents",
        "5. Local regulations",
        "6. Local administrative rules",
    ]
    local = page.select_one("#local-regulation + ul").get_text()
    assert "Shanghai Municipal Data Regulations" in local


def test_timeline_is_in_year_order(site):
    years = [int(h) for h in heading_texts(content(site, "glossary/timeline.html"))]
    assert years == sorted(years) and years[0] <= 1997 and 2022 in years


def test_links_resolve_with_directory_urls_too(tmp_path):
    site = build_site(tmp_path / "site", offline=False)
    page = content(site, "chapters/chapter-2/index.html")
    a = page.select_one("a.glossary-link")
    assert a["href"].endswith("/") and "glossary/" in a["href"]
    assert (site / "chapters/chapter-2" / a["href"] / "index.html").resolve().exists()
    entry = content(site, "glossary/law/data-security-law/index.html")
    href = entry.select_one("a.backlink")["href"]
    target, anchor = href.split("#")
    landing = BeautifulSoup(
        (site / "glossary/law/data-security-law" / target / "index.html")
        .resolve()
        .read_text("utf-8"),
        "html.parser",
    )
    assert landing.find(id=anchor)


def _project_copy(tmp_path: Path) -> Path:
    for name in ("docs", "hooks", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copy(ROOT / "CONTRIBUTING.md", tmp_path / "CONTRIBUTING.md")
    shutil.copy(ROOT / "CITATION.cff", tmp_path / "CITATION.cff")
    if (ROOT / "overrides").exists():
        shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    return tmp_path


def _build(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_an_entry_the_paper_never_mentions_fails_the_strict_build(tmp_path):
    project = _project_copy(tmp_path)
    register_example(project / "docs")
    imaginary = project / "docs/glossary/campaign/imaginary-campaign.md"
    imaginary.write_text(
        "---\ntitle: Imaginary Campaign\ntype: campaign\n"
        "summary: A campaign the paper never names.\nsources:\n"
        "  - {url: 'https://example.org/imaginary', title: Imaginary, publisher: Example Press, "
        "kind: reference, cited_for: its name}\n---\n\nNothing.\n"
    )
    recheck(imaginary)
    result = _build(project)
    assert result.returncode != 0
    assert "glossary/campaign/imaginary-campaign.md: no title or alias of this entry occurs" in (
        result.stderr
    )


def test_a_conflicting_alias_stops_the_build_naming_both_files(tmp_path):
    project = _project_copy(tmp_path)
    entry = project / "docs/glossary/law/cybersecurity-law.md"
    entry.write_text(
        entry.read_text("utf-8").replace("type: law\n", "type: law\naliases: [Data Security Law]\n")
    )
    recheck(entry)
    result = _build(project)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if "glossary:" in line]
    assert len(errors) == 1
    assert "cybersecurity-law.md" in errors[0] and "data-security-law.md" in errors[0]


def test_a_rebuild_starts_from_a_clean_mention_index(tmp_path):
    """`mkdocs serve` rebuilds in one process with the hook module loaded once: a small
    synthetic site with every hook of the edition, built four times in this process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from build_tools.dev.bench import write_site

    project = write_site(tmp_path / "synthetic", pages=2, terms=3, edition=ROOT / "mkdocs.yml")

    def backlinks(site: Path) -> int:
        entry = (site / "glossary/law/entry-0/index.html").read_text("utf-8")
        return len(BeautifulSoup(entry, "html.parser").select(".backlinks li"))

    counts = []
    for run in range(2):
        build(load_config(str(project), site_dir=str(tmp_path / f"site{run}")))
        counts.append(backlinks(tmp_path / f"site{run}"))
    config = load_config(str(project), site_dir=str(tmp_path / "site2"))
    build(config)
    build(config)  # the same config object built twice
    counts.append(backlinks(tmp_path / "site2"))
    page = BeautifulSoup(
        (tmp_path / "site2/page-0000/index.html").read_text("utf-8"), "html.parser"
    )
    assert page.select("a.glossary-link")
    assert not page.select("a.glossary-link a.glossary-link")
    assert counts[0] > 0 and counts == [counts[0]] * 3


def test_a_new_hand_written_page_links_names_but_is_no_backlink(tmp_path):
    """Which pages are the paper is the editorial map's word, not a folder's."""
    project = _project_copy(tmp_path)
    (project / "docs/reading-guide.md").write_text(
        "# Reading guide\n\nStart with the Data Security Law.\n{: #guide-p1 }\n", encoding="utf-8"
    )
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        text.replace(
            "      - about/contributing.md\n",
            "      - about/contributing.md\n      - reading-guide.md\n",
        ),
        encoding="utf-8",
    )
    result = _build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project / "site"
    guide = BeautifulSoup((site / "reading-guide.html").read_text("utf-8"), "html.parser")
    assert guide.select_one("a.glossary-link").get_text() == "Data Security Law"
    entry = BeautifulSoup(
        (site / "glossary/law/data-security-law.html").read_text("utf-8"), "html.parser"
    )
    backlinks = [a["href"] for a in entry.select(".backlinks a, #related-entries + ul a")]
    assert not any("reading-guide" in href for href in backlinks), backlinks
    assert any(href.endswith("chapters/chapter-2.html#ch2-s1-p7") for href in backlinks)

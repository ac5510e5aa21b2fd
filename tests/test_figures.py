"""The figures: timeline, legal framework, connections, and each entry's "Often mentioned with".

Expected values come from the inputs read independently (entry files counted on disk, front
matter read with plain YAML, links read back from the built paper), never from the figure code.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from collections import defaultdict
from itertools import combinations, pairwise
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import PluginError

from build_tools.common.errors import EditionError
from build_tools.dev.weight import OURS, page_assets, sizes
from build_tools.figures import svg
from build_tools.figures.connections import MOST_NODES, connections_figure
from build_tools.figures.events import FigureBuild
from build_tools.figures.figure import STYLE_FILE, Links, figure_html
from build_tools.figures.settings import SETTINGS_FILE, read_settings
from build_tools.figures.spring import spring_layout
from build_tools.figures.timeline import RADIUS, Axis, TimelineMark, place, timeline_figure
from build_tools.glossary.autolink import Mention
from build_tools.glossary.comentions import CoMentions, Paragraph
from build_tools.glossary.entries import Cited, Entry, entry_types
from build_tools.glossary.history import MADE
from conftest import ARTIFACTS, DOCS, ROOT, build_site

FIGURE_PAGES = {
    "timeline": "glossary/timeline.html",
    "framework": "glossary/legal-framework.html",
    "connections": "glossary/connections.html",
}
PAPER = ["preface", *(f"chapters/chapter-{n}" for n in range(1, 7)), "conclusion"] + [
    f"panels/panel-{n}" for n in range(1, 9)
]


# --- Writing SVG ------------------------------------------------------------------------------


def test_numbers_are_rounded_and_markup_is_escaped():
    assert [svg.num(v) for v in (1.0, 2.25, -0.04, 10.06)] == ["1", "2.2", "0", "10.1"]
    written = svg.tag("a", {"href": 'x"<y', "title": None}, svg.text("A & <B>"))
    assert written == '<a href="x&quot;&lt;y">A &amp; &lt;B&gt;</a>'
    assert svg.tag("circle", {"r": 5.0}) == '<circle r="5"/>'
    assert svg.tag("td", {}) == "<td></td>"  # never self-closed in HTML


def test_a_long_name_keeps_its_first_and_last_words_and_fits():
    name = "Regulations on the Administration of Blockchain Information Services"
    short = svg.abbreviate(name, 200, 11)
    assert short.startswith("Regulations … ") and short.endswith("Information Services")
    assert svg.text_width(short, 11) <= 200
    assert svg.abbreviate("Civil Code", 200, 11) == "Civil Code"
    revised = "Law on the Protection of Consumer Rights and Interests (2013 Revision)"
    assert svg.abbreviate(revised, 150, 11) == "Law … Rights and Interests"


@given(st.lists(st.sampled_from(["Law", "on", "the", "Data", "Wide", "i", "Mmm"]), min_size=1))
def test_an_abbreviated_name_always_fits(words):
    name = " ".join(words)
    assert svg.text_width(svg.abbreviate(name, 120, 11), 11) <= max(120, svg.text_width("…", 11))


# --- Settings ---------------------------------------------------------------------------------


def test_every_entry_type_has_exactly_one_kind():
    kinds = read_settings().kinds
    types = [t for kind in kinds for t in kind.types]
    assert sorted(types) == sorted(kind.type for kind in entry_types())


def test_the_stages_are_the_papers_own_words():
    """Chapter II, paragraph 2 of the paper names the years of each stage."""
    chapter = (DOCS / "chapters/chapter-2.md").read_text("utf-8")
    paragraph = re.search(r"\n([^\n]+)\n\{: #ch2-p2 \}", chapter)[1]
    stages = read_settings().stages
    assert [(s.first, s.last) for s in stages] == [(1994, 1999), (2000, 2011), (2012, None)]
    assert "from 1994 to 1999" in paragraph and "from 2000 to 2011" in paragraph
    assert "began in 2012" in paragraph
    assert {s.paragraph for s in stages} == {"ch2-p2"}


def test_the_axis_ends_in_the_year_of_the_paper():
    home = (ROOT / "build_tools/edition/templates/home.md").read_text("utf-8")
    assert f"March {read_settings().last}" in home


@pytest.mark.parametrize(
    ("change", "message", "line"),
    [
        (("types: [website]", "types: [websites]"), "unknown entry type 'websites'", 17),
        (("types: [website]", "types: [website, campaign]"), "already in kind", 17),
        (("  - {name: Websites, types: [website]}\n", ""), "entry types in no kind: website", 7),
        (("last: 2023", "last: 1990"), "'last' year is before its 'first'", 23),
    ],
)
def test_a_mistake_in_the_settings_names_its_line(tmp_path, change, message, line):
    broken = tmp_path / "figures.yml"
    broken.write_text(SETTINGS_FILE.read_text("utf-8").replace(*change), encoding="utf-8")
    with pytest.raises(EditionError) as caught:
        read_settings(broken)
    assert message in caught.value.message
    assert caught.value.line == line


# --- Co-mentions and layout -------------------------------------------------------------------


def _mention(key: str, block: str | None) -> Mention:
    return Mention(key=key, block_id=block, before="", text=key, after="")


def test_co_mentions_count_paragraphs_of_the_paper_in_reading_order():
    by_page = {
        "b.md": [_mention("x", "b-p1"), _mention("y", "b-p1"), _mention("x", "b-p1")],
        "a.md": [_mention("x", "a-p1"), _mention("y", "a-p1"), _mention("z", "a-p2")],
        "notes.md": [_mention("x", "n-p1"), _mention("z", "n-p1")],  # not the paper
    }
    co = CoMentions(by_page, paper={"a.md", "b.md"}, rank={"a.md": 0, "b.md": 1})
    assert co.edges() == [("x", "y", 2)]
    assert co.partners("x") == [("y", [Paragraph("a.md", "a-p1"), Paragraph("b.md", "b-p1")])]
    assert co.partners("z") == []
    assert co.mentions == {"x": 3, "y": 2, "z": 1}
    assert co.connected() == ["x", "y"]


def test_the_layout_is_seeded_and_pulls_linked_nodes_together():
    group_a = [f"a{i}" for i in range(6)]
    group_b = [f"b{i}" for i in range(6)]
    edges = [(p, q, 1) for group in (group_a, group_b) for p, q in combinations(group, 2)]
    nodes = group_a + group_b
    first = spring_layout(nodes, edges, seed=1)
    assert first == spring_layout(nodes, edges, seed=1)
    assert first != spring_layout(nodes, edges, seed=2)

    def mean_distance(pairs):
        return sum(
            ((first[p][0] - first[q][0]) ** 2 + (first[p][1] - first[q][1]) ** 2) ** 0.5
            for p, q in pairs
        ) / len(pairs)

    inside = [(p, q) for p, q, _ in edges]
    across = [(p, q) for p in group_a for q in group_b]
    assert mean_distance(inside) < mean_distance(across) / 2


# --- Timeline layout --------------------------------------------------------------------------


def _entry(n: int, year: int, title: str | None = None, kind: str = "law") -> Entry:
    folder = kind.replace(" ", "-")
    return Entry(
        path=f"glossary/{folder}/e{n}.md",
        title=title or f"Law Number {n}",
        type=kind,
        summary="s",
        year=Cited(year, "paper:ch2-p2" if n % 2 else "https://example.org/"),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1990, 2025), st.integers(1, 60)), min_size=1, max_size=25))
def test_marks_of_a_lane_never_cover_each_other(items):
    lanes = read_settings().kinds
    marks = [
        TimelineMark(_entry(n, year, "W" * length), lanes[0])
        for n, (year, length) in enumerate(items)
    ]
    axis = Axis(1994, 2023, [m.year for m in marks])
    placed = place(marks, axis, {m.entry.path: i for i, m in enumerate(marks)})
    assert sorted(p.mark.entry.path for p in placed) == sorted(m.entry.path for m in marks)
    rows = defaultdict(list)
    for p in placed:
        width = svg.text_width(p.label, 11) + 12 if p.label else 0
        left = p.x - RADIUS - (width if p.anchor == "end" else 0)
        right = p.x + RADIUS + (width if p.anchor == "start" else 0)
        rows[p.row].append((left, right))
    for spans in rows.values():
        spans.sort()
        assert all(a[1] <= b[0] for a, b in pairwise(spans)), spans


def test_when_labels_compete_the_most_mentioned_gets_one():
    lanes = read_settings().kinds
    marks = [
        TimelineMark(_entry(n, 2020, f"Very Long Name of Law {n} " * 2), lanes[0]) for n in range(9)
    ]
    axis = Axis(1994, 2023, [2020])
    favourite = marks[7].entry.path
    placed = place(marks, axis, {favourite: 50})
    labelled = {p.mark.entry.path for p in placed if p.label}
    assert favourite in labelled and len(labelled) < len(marks)


def _links() -> Links:
    return Links(entry=lambda path: f"../{path}", paragraph=lambda anchor: f"../p.html#{anchor}")


def test_the_same_input_gives_the_same_bytes():
    entries = [_entry(n, 1990 + n) for n in range(20)]
    conf = read_settings()
    drawn = [figure_html(timeline_figure(entries, conf, _links(), {}), "f.css") for _ in range(2)]
    assert drawn[0] == drawn[1]
    by_page = {"p.md": [_mention(e.path, f"p-p{n // 3}") for n, e in enumerate(entries)]}
    by_path = {e.path: e for e in entries}

    def draw():
        co = CoMentions(by_page, {"p.md"}, {})
        return figure_html(connections_figure(co, by_path, conf, _links()), "f.css")

    assert draw() == draw()


def test_a_graph_too_big_to_read_draws_the_most_mentioned_and_tables_them_all():
    """Entry n is mentioned n + 1 times, always beside entry 0: every entry is connected."""
    count = MOST_NODES + 10
    entries = [_entry(n, 2000) for n in range(count)]
    by_page = {
        "p.md": [
            mention
            for n, e in enumerate(entries[1:], start=1)
            for time in range(n + 1)
            for mention in (
                _mention(e.path, f"p-p{n}-{time}"),
                _mention(entries[0].path, f"p-p{n}-{time}"),
            )
        ]
    }
    co = CoMentions(by_page, {"p.md"}, {})
    figure = connections_figure(co, {e.path: e for e in entries}, read_settings(), _links())
    svg_nodes = re.findall(r'<a class="node[^"]*" href="\.\./([^"]+)"', figure.body)
    # The least mentioned entries (1 to 10) are the ones left out of the drawing.
    assert sorted(svg_nodes) == sorted(e.path for e in [entries[0], *entries[11:]])
    assert figure.table.count("<tr>") == count + 1  # a header row, then every entry
    assert f"The {MOST_NODES} most mentioned of the {count} entries" in figure.description


def test_an_unknown_figure_stops_the_build_naming_the_page():
    figures = FigureBuild()
    figures.start(config=None)
    page = SimpleNamespace(
        content="<p>x</p>\n<!-- figure:pie-chart -->",
        file=SimpleNamespace(src_uri="glossary/charts.md"),
    )
    glossary = SimpleNamespace(glossary=SimpleNamespace(by_path={}))
    with pytest.raises(PluginError, match=r"docs/glossary/charts.md: unknown figure 'pie-chart'"):
        figures.page_content(page, glossary)


# --- The built site ---------------------------------------------------------------------------


def _soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def _figure(site: Path, name: str):
    figures = _soup(site, FIGURE_PAGES[name]).select("figure.edition-figure")
    assert len(figures) == 1
    return figures[0]


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])


def _resolves(site: Path, page: str, href: str) -> bool:
    target, _, anchor = href.partition("#")
    file = (site / page).parent / target if target else site / page
    if not file.resolve().is_file():
        return False
    return not anchor or _soup(site, file.resolve().relative_to(site).as_posix()).find(id=anchor)


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_each_figure_is_named_described_linked_and_has_its_table(site, name):
    figure = _figure(site, name)
    drawing = figure.select_one("svg.figure-svg")
    title = drawing.find(id=drawing["aria-labelledby"])
    desc = drawing.find(id=drawing["aria-describedby"])
    assert title.name == "title" and title.get_text(strip=True)
    assert desc.name == "desc" and len(desc.get_text()) > 80
    for circle in drawing.select("circle, .chip rect"):
        link = circle.find_parent("a")
        assert link is not None and link.get("href"), circle
    links = drawing.select("a")
    assert links and all(a.find("title").get_text(strip=True) for a in links)
    hrefs = {a["href"] for a in links}
    assert all(_resolves(site, FIGURE_PAGES[name], href) for href in hrefs)
    details = figure.find_next_sibling("details")
    assert details.select_one("summary").get_text() == "The same as a table"
    table_links = {a["href"] for a in details.select("table a") if "://" not in a["href"]}
    # Every entry a figure links is in its table (the stage bands lead to the paper, the band
    # after the paper to the list of changes, which its lane's table rows repeat).
    entry_links = {h for h in hrefs if "/chapters/" not in h and "since-the-paper" not in h}
    assert entry_links <= table_links


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_each_figure_is_small_and_carries_no_colour_of_its_own(site, name):
    """Colours come only from the figures' CSS (its custom properties follow the palette)."""
    html = (site / FIGURE_PAGES[name]).read_text("utf-8")
    start = html.index('<figure class="edition-figure"')
    end = html.index("</details>", start) + len("</details>")
    assert len(gzip.compress(html[start:end].encode("utf-8"))) <= 60 * 1024
    drawing = html[html.index("</style>", start) : html.index("</svg>", start)]
    assert drawing.count("<a ") > 10
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgba?\(|\b(fill|stroke|style)=", drawing)


@pytest.mark.parametrize("name", FIGURE_PAGES.values())
def test_figure_pages_load_no_more_css_or_script_than_other_pages(site, name):
    """The figures' styles travel inside each figure: the per-page budget of the edition's own
    CSS and JavaScript (5 KB gzip) is the same on figure pages as on the glossary index."""
    assert page_assets(site, name) == page_assets(site, "glossary/index.html")
    ours = [a for a in page_assets(site, name) if OURS.match(a)]
    assert sum(sizes((site / a).read_bytes())[1] for a in ours) < 5 * 1024


def test_pages_without_a_figure_carry_no_figure_styles(site):
    for page in ("index.html", "chapters/chapter-2.html", "glossary/index.html"):
        assert "edition-figure" not in (site / page).read_text("utf-8")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Material's page background: white, and the slate palette's hsl(225deg 15% 14%).
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}


def test_every_kind_has_a_colour_that_stands_out_in_both_palettes():
    css = STYLE_FILE.read_text("utf-8")
    light, dark = re.findall(r"\.edition-figure \{([^}]*)\}", css)[:2]
    for kind in read_settings().kinds:
        for palette, block in (("light", light), ("dark", dark)):
            colour = re.search(rf"--figure-kind-{kind.index}: (#[0-9a-f]{{6}})", block)
            assert colour, f"{kind.name}: no colour in the {palette} palette"
            assert _contrast(colour[1], BACKGROUNDS[palette]) >= 3, (kind.name, palette)
        assert re.search(rf"\.kind-{kind.index} \{{ --kind: var\(--figure-kind-{kind.index}\)", css)


def _lane_types() -> dict[str, str]:
    return {t: kind.name for kind in read_settings().kinds if kind.lane for t in kind.types}


def test_the_timeline_draws_every_dated_entry_hollow_when_a_source_gives_the_year(site):
    folders = {kind.folder: kind.type for kind in entry_types()}
    lanes = _lane_types()
    expected = {}
    for file in sorted((DOCS / "glossary").glob("*/*.md")):
        data = _front_matter(file)
        # An instrument's year is its first event of making (else its first event); any
        # other entry's is its `year`, with `year_source`.
        made = [e for e in data.get("history") or [] if e["event"] in MADE] or data.get("history")
        if data.get("year"):
            where = str(data.get("year_source", ""))
        elif made:
            where = str(min(made, key=lambda e: str(e["date"]))["source"])
        else:
            continue
        if folders.get(file.parent.name) in lanes:
            expected[f"{file.parent.name}/{file.stem}.html"] = where.startswith("paper:")
    drawn = {}
    for mark in _figure(site, "timeline").select("a.mark"):
        drawn[mark["href"]] = "from-paper" in mark["class"]
        assert ("from-source" in mark["class"]) != drawn[mark["href"]]
    assert drawn == expected


def test_the_timeline_bands_are_the_three_stages_linked_to_their_paragraph(site):
    stages = _figure(site, "timeline").select("a.stage:not(.since)")
    assert [s.select("text")[1].get_text() for s in stages] == [
        "1994–1999",
        "2000–2011",
        "2012 onward",
    ]
    assert {s["href"] for s in stages} == {"../chapters/chapter-2.html#ch2-p2"}


def test_the_timeline_has_a_band_after_the_paper_with_every_event_since(site):
    figure = _figure(site, "timeline")
    band = figure.select_one("a.stage.since")
    assert band["href"] == "since-the-paper.html"
    assert " ".join(t.get_text() for t in band.select("text")) == "Since the paper"
    # Counted from the entries' own front matter: every dated event after 16 March 2023.
    paper = dt.date(2023, 3, 16)
    expected = 0
    for file in (DOCS / "glossary").glob("*/*.md"):
        for event in _front_matter(file).get("history") or []:
            date = str(event["date"])
            parts = [int(part) for part in date.split("-")]
            last = dt.date(parts[0], *(parts[1:] or [12]), *([] if len(parts) == 3 else [28]))
            expected += last > paper
    diamonds = figure.select("a.mark.event polygon")
    assert expected > 0 and len(diamonds) == expected
    # Each diamond stands right of the paper's day on the axis (inside the band).
    band_left = float(figure.select_one("rect.since-band")["x"])
    for diamond in diamonds:
        assert min(float(p.split(",")[0]) for p in diamond["points"].split()) >= band_left - 7


def test_the_framework_counts_every_entry_of_each_level(site):
    figure = _figure(site, "framework")
    levels = sorted((k for k in entry_types() if k.level is not None), key=lambda k: k.level)
    names = [t.get_text() for t in figure.select("text.level-name")]
    counts = [t.get_text() for t in figure.select("text.level-count")]
    chips = defaultdict(int)
    for chip in figure.select("a.chip"):
        chips[chip["href"].split("/")[0]] += 1
    for kind, name, count in zip(levels, names, counts, strict=True):
        on_disk = len(list((DOCS / "glossary" / kind.folder).glob("*.md")))
        assert name == f"{kind.level}. {kind.heading}"
        assert count == f"{on_disk} instrument{'' if on_disk == 1 else 's'}"
        assert chips[kind.folder] == on_disk


def _paper_co_mentions(site: Path) -> dict[frozenset, list[str]]:
    """Read back from the built paper: the paragraphs where each pair of entries is linked."""
    meetings: dict[frozenset, list[str]] = defaultdict(list)
    for name in PAPER:
        article = _soup(site, f"{name}.html").select_one("article")
        blocks: dict[str, set[str]] = defaultdict(set)
        for link in article.select("a.glossary-link"):
            if link.find_parent(class_="admonition"):
                continue  # an editor's note is not the paper
            block = link.find_parent(id=True)
            entry = link["href"].split("glossary/")[1].split("#")[0]
            blocks[f"{name}.html#{block['id']}"].add(entry)
        for where, entries in blocks.items():
            for pair in combinations(sorted(entries), 2):
                meetings[frozenset(pair)].append(where)
    return meetings


def test_the_connections_graph_has_a_line_per_pair_named_together(site):
    meetings = _paper_co_mentions(site)
    figure = _figure(site, "connections")
    nodes = {a["href"] for a in figure.select("a.node")}
    assert nodes == {entry for pair in meetings for entry in pair}
    assert len(figure.select("line.edge")) == len(meetings)


@pytest.mark.parametrize(
    "entry",
    ["law/cybersecurity-law", "international-organization/united-nations", "law/civil-code"],
)
def test_an_entry_page_lists_the_entries_most_often_named_with_it(site, entry):
    meetings = _paper_co_mentions(site)
    me = f"{entry}.html"
    partners = {next(iter(pair - {me})): where for pair, where in meetings.items() if me in pair}
    page = _soup(site, f"glossary/{entry}.html")
    heading = page.find(id="often-mentioned-with")
    assert heading is not None
    items = heading.find_next_sibling("ul").select(":scope > li")
    assert len(items) == min(5, len(partners))
    counts = []
    for item in items:
        links = item.select("a")
        other = links[0]["href"].removeprefix("../")
        other = other if "/" in other else f"{entry.split('/')[0]}/{other}"
        places = [a["href"].removeprefix("../../") for a in links[1:]]
        assert sorted(places) == sorted(partners[other])
        assert all(_resolves(site, f"glossary/{entry}.html", a["href"]) for a in links)
        counts.append(len(places))
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == max(len(where) for where in partners.values())


def test_the_figures_are_the_same_bytes_in_a_second_build(site, tmp_path):
    again = build_site(tmp_path / "again")
    for name in [*FIGURE_PAGES.values(), "glossary/law/cybersecurity-law.html"]:
        first = (site / name).read_text("utf-8")
        second = (again / name).read_text("utf-8")
        pick = re.compile(
            r'<figure class="edition-figure".*?</details>|<h2 id="often.*?</ul>', re.S
        )
        assert pick.findall(first) == pick.findall(second) != []


# --- In Chromium ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "selector", "entry"),
    [
        ("timeline", "a.mark", "glossary/law/cybersecurity-law.html"),
        ("framework", "a.chip", "glossary/law/cybersecurity-law.html"),
        ("connections", "a.node", "glossary/law/cybersecurity-law.html"),
    ],
)
def test_a_click_on_a_mark_lands_on_its_entry(guarded_page, site_root, name, selector, entry):
    page = guarded_page
    page.goto(site_root + FIGURE_PAGES[name])
    figure = page.locator("figure.edition-figure")
    # The entry's own mark (the timeline also has diamonds for its events since the paper).
    mark = figure.get_by_role("link", name=re.compile(r"^Cybersecurity Law:")).first
    assert mark.evaluate(f"e => e.matches('{selector}')")
    mark.locator("circle, rect").first.click()
    page.wait_for_url(re.compile(re.escape(entry) + "$"))
    assert page.locator("h1").first.inner_text().startswith("Cybersecurity Law")


def test_a_stage_band_leads_to_the_paragraph_that_names_the_stages(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + FIGURE_PAGES["timeline"])
    page.get_by_role("link", name=re.compile(r"^Second stage")).click()
    page.wait_for_url(re.compile(r"chapters/chapter-2\.html#ch2-p2$"))
    assert "from 2000 to 2011" in page.locator("#ch2-p2").inner_text()


def test_the_keyboard_reaches_the_marks(guarded_page, site_root):
    page = guarded_page
    page.goto(site_root + FIGURE_PAGES["connections"])
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('svg.figure-svg a.node')"):
            break
    else:
        pytest.fail("no node of the graph is reachable with Tab")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target.removeprefix("../").removeprefix("./")) + "$"))


def test_the_figures_are_drawn_without_javascript(chromium, site):
    from browser import guarded

    with guarded(chromium, java_script_enabled=False) as page:
        for name in FIGURE_PAGES.values():
            page.goto(site.as_uri() + "/" + name)
            box = page.locator("svg.figure-svg").bounding_box()
            assert box["width"] > 300 and box["height"] > 300
            assert page.locator("svg.figure-svg a").count() > 10


def _fill(page) -> str:
    mark = "svg.figure-svg a.from-paper circle, svg.figure-svg a.node circle, .chip rect"
    return page.eval_on_selector(mark, "e => getComputedStyle(e).fill")


def test_screenshots_in_both_palettes_and_on_a_phone(chromium, site):
    """Colours follow the palette; at 390 px the figure scrolls inside its box, not the page."""
    from browser import guarded

    ARTIFACTS.mkdir(exist_ok=True)
    fills = {}
    for scheme in ("light", "dark"):  # a context each: Material remembers the palette
        with guarded(chromium, color_scheme=scheme) as page:
            for width in (1280, 390):
                page.set_viewport_size({"width": width, "height": 900})
                for name, path in FIGURE_PAGES.items():
                    page.goto(site.as_uri() + "/" + path)
                    shot = ARTIFACTS / f"figure-{name}-{scheme}-{width}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    assert shot.stat().st_size > 10_000
                    fills[name, scheme] = _fill(page)
                    narrow = "document.scrollingElement.scrollWidth <= window.innerWidth"
                    assert page.evaluate(narrow), f"{name} at {width} px widens the page"
                    if width == 390:
                        box = page.locator(".figure-scroll")
                        assert box.evaluate("e => e.scrollWidth > e.clientWidth"), name
    for name in ("timeline", "connections"):
        assert fills[name, "light"] != fills[name, "dark"], name


def test_in_print_each_figure_fits_the_page(guarded_page, site):
    """Narrower than the figure's on-screen minimum (600 px), print shrinks it to fit."""
    page = guarded_page
    page.set_viewport_size({"width": 480, "height": 900})
    page.emulate_media(media="print")
    for path in FIGURE_PAGES.values():
        page.goto(site.as_uri() + "/" + path)
        box = page.locator(".figure-scroll")
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), path
        assert page.locator("svg.figure-svg").bounding_box()["width"] > 300


@pytest.mark.parametrize("name", FIGURE_PAGES)
def test_no_serious_accessibility_violation_on_figure_pages(guarded_page, site, name):
    from axe_playwright_python.sync_playwright import Axe

    page = guarded_page
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.goto(site.as_uri() + "/" + FIGURE_PAGES[name])
        results = Axe().run(page)
        serious = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        assert serious == [], scheme

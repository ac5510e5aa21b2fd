"""Auto-linking on the element tree: only links are added, the visible text never changes."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.glossary.autolink import LINK_CLASS, SKIP_TAGS, link_tree
from build_tools.glossary.matcher import TermMatcher, normalise


def make_link(key: str, text: str) -> etree.Element:
    anchor = etree.Element("a")
    anchor.set("class", LINK_CLASS)
    anchor.set("href", key)
    return anchor


def visible(element: etree.Element) -> str:
    return "".join(element.itertext())


def inside_skipped(root: etree.Element):
    """Glossary links that sit inside an element linking must not touch."""
    bad = []

    def walk(element, skipped):
        for child in element:
            if child.get("class") == LINK_CLASS and skipped:
                bad.append(child)
            walk(child, skipped or child.tag in SKIP_TAGS or child.get("class") == "no-link")

    walk(root, False)
    return bad


def test_example_page():
    root = etree.fromstring(
        '<div><h2>Data Security Law</h2><p id="p1">The Data Security Law and <code>Data Security Law</code>'
        ' and <a href="x">Data Security Law</a>; <span class="no-link">Data Security Law</span>'
        " <em>Data Security Law</em>.</p></div>"
    )
    before = visible(root)
    mentions = link_tree(root, TermMatcher({"Data Security Law": "dsl"}), make_link)
    assert visible(root) == before
    links = [a for a in root.iter("a") if a.get("class") == LINK_CLASS]
    assert len(links) == 2  # in the text and in <em>; not in h2, code, a, or .no-link
    assert [m.block_id for m in mentions] == ["p1", "p1"]
    assert mentions[0].sentence.startswith("The Data Security Law and")


def test_entry_page_does_not_link_itself():
    root = etree.fromstring("<div><p>UN and UN Charter</p></div>")
    link_tree(
        root,
        TermMatcher({"UN": "un", "UN Charter": "charter"}),
        lambda key, text: None if key == "charter" else make_link(key, text),
    )
    assert [a.text for a in root.iter("a")] == ["UN"]


TERMS = ["Data Security Law", "UN", "UN Charter", "People’s Congress", "Law"]
text_pieces = st.lists(
    st.sampled_from([*TERMS, "People's Congress", " ", ", ", "UNESCO", "Lawful", "x", "\n", "’s"]),
    max_size=12,
).map("".join)
tags = st.sampled_from(["p", "em", "strong", "span", "a", "code", "h2", "li", "td", "pre"])


@st.composite
def trees(draw, depth=0):
    element = etree.Element(draw(tags) if depth else "div")
    if draw(st.booleans()):
        element.set("id", f"b{draw(st.integers(0, 99))}")
    if draw(st.integers(0, 4)) == 0:
        element.set("class", "no-link")
    element.text = draw(text_pieces)
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        child = draw(trees(depth=depth + 1))
        child.tail = draw(text_pieces)
        element.append(child)
    return element


@settings(max_examples=300, deadline=None)
@given(tree=trees(), terms=st.lists(st.sampled_from(TERMS), min_size=1, unique=True))
def test_linking_never_changes_visible_text(tree, terms):
    before = visible(tree)
    tags_before = [e.tag for e in tree.iter()]
    mentions = link_tree(tree, TermMatcher({t: t for t in terms}), make_link)
    assert visible(tree) == before
    links = [a for a in tree.iter("a") if a.get("class") == LINK_CLASS]
    # Only links were added, nothing removed or reordered.
    assert [e.tag for e in tree.iter() if e.get("class") != LINK_CLASS] == tags_before
    assert len(links) == len(mentions)
    assert not inside_skipped(tree)
    forms = {normalise(t) for t in terms}
    for link in links:
        assert normalise(link.text) in forms
        assert len(link) == 0
    flat = " ".join(before.split())
    for mention in mentions:
        assert normalise(mention.text) in forms
        assert " ".join(mention.sentence.split()) in flat  # a real quotation from the page


def test_mentions_in_editors_notes_are_linked_but_not_backlinks():
    root = etree.fromstring(
        '<div><p id="p1">The UN met.</p><div class="admonition editor"><p>The UN again.</p></div></div>'
    )
    mentions = link_tree(root, TermMatcher({"UN": "un"}), make_link)
    assert len([a for a in root.iter("a")]) == 2
    assert [m.block_id for m in mentions] == ["p1"]

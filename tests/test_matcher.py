"""The term matcher: leftmost-longest, whole words, both apostrophes — against a brute force."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.glossary.matcher import TermMatcher, normalise


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.key) for m in matcher.find(text)]


def test_nested_names_are_one_link_the_longest():
    matcher = TermMatcher(
        {
            "National People’s Congress": "npc",
            "Standing Committee of the National People’s Congress": "npcsc",
        }
    )
    text = "the Standing Committee of the National People’s Congress issued; the National People’s Congress met"
    assert found(matcher, text) == [
        ("Standing Committee of the National People’s Congress", "npcsc"),
        ("National People’s Congress", "npc"),
    ]


def test_both_apostrophes_match_either_spelling():
    matcher = TermMatcher({"Children’s Fund": "unicef", "People's Congress": "npc"})
    assert found(matcher, "Children's Fund and People’s Congress") == [
        ("Children's Fund", "unicef"),
        ("People’s Congress", "npc"),
    ]


def test_never_part_of_a_word():
    matcher = TermMatcher({"UN": "un", "Law": "law"})
    assert found(matcher, "UNESCO, the UN’s role, Lawful, a Law.") == [("UN", "un"), ("Law", "law")]


def test_a_longer_term_that_ends_mid_word_falls_back_to_the_shorter():
    matcher = TermMatcher({"Data Security": "ds", "Data Security Law": "dsl"})
    assert found(matcher, "Data Security Lawyers") == [("Data Security", "ds")]
    assert found(matcher, "Data Security Law.") == [("Data Security Law", "dsl")]


def test_line_breaks_inside_a_name_still_match():
    matcher = TermMatcher({"Data Security Law": "dsl"})
    assert found(matcher, "the Data\nSecurity Law") == [("Data\nSecurity Law", "dsl")]


def test_no_terms_match_nothing():
    assert found(TermMatcher({}), "anything at all") == []


def brute_force(terms: dict[str, str], text: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest whole-word matching the slow, obvious way."""
    forms = {normalise(t): k for t, k in terms.items() if normalise(t)}
    flat = text.replace("'", "’")
    result, i = [], 0
    while i < len(flat):
        if i and (flat[i - 1].isalnum() or flat[i - 1] == "_"):
            i += 1
            continue
        best = None
        for form in forms:
            end = i + len(form)
            if flat.startswith(form, i) and not (
                end < len(flat) and (flat[end].isalnum() or flat[end] == "_")
            ):
                if best is None or len(form) > len(best):
                    best = form
        if best:
            result.append((i, i + len(best), forms[best]))
            i += len(best)
        else:
            i += 1
    return result


words = st.sampled_from(
    ["Law", "Data", "Security", "UN", "Charter", "People’s", "People's", "Code", "Civil", "X"]
)
term_lists = st.lists(
    st.lists(words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8, unique=True
)
separators = st.sampled_from([" ", ", ", ". ", "-", "s ", " the ", "’s "])


@settings(max_examples=300, deadline=None)
@given(terms=term_lists, pieces=st.lists(st.tuples(words, separators), max_size=25))
def test_matches_equal_a_brute_force_leftmost_longest(terms, pieces):
    mapping = {term: f"k{n}" for n, term in enumerate(terms)}
    text = "".join(word + sep for word, sep in pieces)
    matcher = TermMatcher(mapping)
    got = [(m.start, m.end, m.key) for m in matcher.find(text)]
    # Terms that normalise to the same form are one term; the brute force keeps the last key.
    expected = brute_force(mapping, text)
    assert [(s, e) for s, e, _ in got] == [(s, e) for s, e, _ in expected]
    for start, end, key in got:
        assert normalise(text[start:end]) in {normalise(t) for t, k in mapping.items() if k == key}

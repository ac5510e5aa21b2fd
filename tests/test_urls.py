"""The fast relative URL gives exactly what MkDocs' own ``get_relative_url`` gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from build_tools.common.urls import relative_url

_SEGMENT = st.sampled_from(["a", "glossary", "law", "chapters", ".", ".."])
_NAME = st.sampled_from(["", "index.html", "x.html", "panel-1.html", ".", ".."])
_URL = st.one_of(
    st.builds(lambda parts, name: "/".join([*parts, name]), st.lists(_SEGMENT, max_size=4), _NAME),
    st.sampled_from(["", ".", "/", "a/", "index.html"]),
)


@given(_URL, _URL)
def test_every_pair_of_urls_gets_the_relative_url_mkdocs_gives(url, other):
    assert relative_url(url, other) == get_relative_url(url, other)


def test_links_between_the_sites_pages_read_as_expected():
    assert relative_url("glossary/law/pipl.html", "chapters/chapter-2.html") == (
        "../glossary/law/pipl.html"
    )
    assert relative_url("chapters/chapter-2.html", "chapters/chapter-1.html") == "chapter-2.html"
    assert relative_url("index.html", "glossary/law/pipl.html") == "../../index.html"

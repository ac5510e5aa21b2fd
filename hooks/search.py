"""MkDocs hook: search weights, and results that name their part of the site.

Only forwards to ``build_tools.search.weights`` and ``build_tools.search.labels``. (Chinese
titles as whole words are taught by the glossary's build, which has the entries.)
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.common.errors import EditionError
from build_tools.edition.editorial_map import DEFAULT_MAP, paper_files
from build_tools.search.labels import label_entries
from build_tools.search.weights import clear_boost, set_boost

paper_pages: frozenset[str] = frozenset()


def on_config(config):
    """Read which pages are the paper (the editorial map's word), anew at every build."""
    global paper_pages
    try:
        root = Path(config.config_file_path).parent
        paper_pages = frozenset(paper_files(root / DEFAULT_MAP).values())
    except EditionError as error:
        raise PluginError(f"search: {error}") from None


@event_priority(10)  # just before the search plugin indexes the page
def on_page_context(context, page, config, nav):
    """Give the page its search weight."""
    set_boost(page, paper_pages)


def on_post_page(output, page, config):
    """Take the weight away again once the page is written (see ``weights.set_boost``)."""
    clear_boost(page)
    return output


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config):
    """Label the index's entries before the search plugin writes them."""
    search = config.plugins.get("material/search")
    if search is not None and getattr(search, "search_index", None) is not None:
        label_entries(search.search_index.entries)

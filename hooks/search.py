"""MkDocs hook: search results name their part of the site; Chinese titles are whole words.

Only forwards to ``build_tools.search.labels`` and ``build_tools.search.chinese_words``.
"""

from mkdocs.plugins import event_priority

from build_tools.search.labels import label_entries


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config):
    """Label the index's entries before the search plugin writes them."""
    search = config.plugins.get("material/search")
    if search is not None and getattr(search, "search_index", None) is not None:
        label_entries(search.search_index.entries)

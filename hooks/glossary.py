"""MkDocs hook: auto-link glossary terms on every page, and give each entry its backlinks.

Only forwards events to ``build_tools.glossary.events``, where the logic and the state live.
MkDocs converts every page's Markdown before it renders any template, so by
``on_page_context`` the mention index is complete.
"""

from mkdocs.plugins import event_priority

from build_tools.glossary.events import GlossaryBuild

build = GlossaryBuild()


def on_config(config):
    """Read the glossary and register the auto-linker."""
    build.start(config)


def on_pre_build(config):
    """Start every build (each rebuild of `mkdocs serve` too) from an empty mention index."""
    build.reset()


def on_nav(nav, config, files):
    """Remember the reading order."""
    build.set_nav(nav, files)


def on_page_markdown(markdown, page, config, files):
    """Entry headers and generated pages' layout."""
    return build.page_markdown(markdown, page)


@event_priority(-50)  # after the search plugin: backlinks are not worth indexing
def on_page_context(context, page, config, nav):
    """Backlinks and the generated lists, once every mention is counted."""
    build.page_content(page)


def on_post_build(config):
    """The Atom feed of the changes since the paper (feed.xml)."""
    build.write_feed(config)

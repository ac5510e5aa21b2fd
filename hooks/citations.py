"""MkDocs hook: citations for every paragraph, records to download, meta tags, the PDF link.

Only forwards events to ``build_tools.citing.events``, where the logic and the state live.
"""

from mkdocs.plugins import event_priority

from build_tools.citing.events import CiteBuild

build = CiteBuild()


def on_config(config):
    """Read CITATION.cff and the editorial map; format the paper's citations."""
    build.start(config)


def on_files(files, config):
    """Add the BibTeX, RIS and CSL-JSON records under downloads/."""
    build.add_records(files, config)
    return files


def on_page_content(html, page, config, files):
    """Each paragraph's citations as data; the references and the PDF link where they go."""
    return build.page_content(html, page, files)


@event_priority(-50)  # after the search plugin has read the page: meta tags are not text
def on_page_context(context, page, config, nav):
    """The page's citation, Dublin Core and Open Graph meta tags, for overrides/main.html."""
    build.page_context(context, page, config)
    return context

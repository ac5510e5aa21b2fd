"""MkDocs hook: fills the Editor's notes page with every editor's note, at build time.

Only forwards events to ``build_tools.editors_notes.page``.
"""

from build_tools.editors_notes.page import EditorsNotesPage

notes = EditorsNotesPage()


def on_nav(nav, config, files):
    """Remember the reading order of the pages in the navigation."""
    notes.set_order(nav)


def on_page_markdown(markdown, page, config, files):
    """Replace the marker, on the page that has it, with the list of every editor's note."""
    return notes.page_markdown(markdown, page.file.src_uri, files)

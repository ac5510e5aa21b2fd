"""MkDocs hook: marks every correction of the scan in place, for the "Show corrections" switch.

Only forwards events to ``build_tools.corrections.marks``, where the marks are placed.
"""

from build_tools.corrections.marks import CorrectionMarksExtension

marks = CorrectionMarksExtension()


def on_config(config):
    """Read the editorial map and register the marker with Python-Markdown."""
    marks.start(config)


def on_page_markdown(markdown, page, config, files):
    """Tell the marker which page Python-Markdown is about to convert."""
    marks.page = page.file.src_uri

"""MkDocs hook: the figures (timeline, legal framework, connections) and each entry's
"Often mentioned with" list.

Only forwards events to ``build_tools.figures.events``. It runs after the glossary's hook
in ``on_page_context``, when every mention is counted and the glossary's lists are filled.
"""

from mkdocs.plugins import event_priority

from build_tools.figures.events import FigureBuild
from build_tools.glossary.events import current_build

figures = FigureBuild()


def on_config(config):
    """Read the figures' settings."""
    figures.start(config)


def on_pre_build(config):
    """Start every build (each rebuild of `mkdocs serve` too) without last build's counts."""
    figures.reset()


def on_nav(nav, config, files):
    """Remember the files and the reading order."""
    figures.set_nav(nav, files)


@event_priority(-60)  # after the glossary's lists and backlinks (-50)
def on_page_context(context, page, config, nav):
    """Draw the page's figures; end an entry's page with the entries named with it."""
    figures.page_content(page, current_build())

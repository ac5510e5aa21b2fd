"""MkDocs hook: refuse a page whose file or whose HTML could run code in a reader's browser.

Only forwards to ``build_tools.markdown.safety``. It runs first among the hooks, on each page's
file as the contributor wrote it and on the HTML made from it, before any hook adds its own.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.markdown.safety import html_problems, source_problems


@event_priority(100)  # before every other hook changes the page
def on_page_markdown(markdown, page, config, files):
    """Check the page's file, front matter included, naming the first refused line."""
    path = Path(page.file.abs_src_path or "")
    text = path.read_text(encoding="utf-8") if path.is_file() else markdown
    problems = source_problems(text)
    if problems:
        line, problem = problems[0]
        raise PluginError(
            f"safety: docs/{page.file.src_uri}:{line}: {problem} — contributed content may not "
            "run code (CONTRIBUTING: raw HTML)"
        )
    return markdown


@event_priority(100)  # before the citations' data and the figures are added
def on_page_content(html, page, config, files):
    """Check the HTML made from the page: nothing an extension let through."""
    problems = html_problems(html)
    if problems:
        raise PluginError(
            f"safety: docs/{page.file.src_uri}: the HTML made from this page has {problems[0]}"
        )
    return html

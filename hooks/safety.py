"""MkDocs hook: refuse a page whose file or whose HTML could run code in a reader's browser.

Only forwards to ``build_tools.safety.content``. It runs first among the hooks, on each page's
file as the contributor wrote it and on the HTML made from it, before any hook adds its own.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from build_tools.safety.content import html_problems, source_problems
from build_tools.safety.policy import WorkerShim, with_policy

shim: WorkerShim | None = None


def on_config(config):
    """Read the offline plugin's worker shim, whose iframe script the policy must allow."""
    global shim
    shim = None
    for polyfill in config.extra.get("polyfills") or []:
        path = Path(config.docs_dir) / str(polyfill)
        if path.name == "shim.js" and path.is_file():
            try:
                shim = WorkerShim(path.read_text(encoding="utf-8"))
            except ValueError as error:
                raise PluginError(f"safety: {path}: {error}") from None


@event_priority(100)  # before every other hook changes the page
def on_page_markdown(markdown, page, config, files):
    """Check the page's file, front matter included, naming the first refused line."""
    # The file as written, front matter included (MkDocs' `markdown` has it cut off); a page
    # another plugin made has no file, and its Markdown is all there is.
    try:
        text = page.file.content_string
    except (OSError, AssertionError):
        text = markdown
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


@event_priority(-100)  # last: once every hook has written the page
def on_post_page(output, page, config):
    """Give the page its Content-Security-Policy."""
    return with_policy(output, shim)

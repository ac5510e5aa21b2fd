"""MkDocs hook: adds the paragraph-permalink extension to every page's Markdown."""

from __future__ import annotations

from build_tools.site.paragraph_links import ParagraphLinksExtension


def on_config(config):
    """Register the extension; MkDocs passes instances straight to Python-Markdown."""
    config.markdown_extensions[:] = [
        ext for ext in config.markdown_extensions if not isinstance(ext, ParagraphLinksExtension)
    ]
    config.markdown_extensions.append(ParagraphLinksExtension())
    return config

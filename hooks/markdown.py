"""MkDocs hook: the edition's Markdown extensions (paragraph permalinks, outside links)."""

from build_tools.markdown.external_links import ExternalLinksExtension
from build_tools.markdown.paragraph_links import ParagraphLinksExtension

EXTENSIONS = (ParagraphLinksExtension, ExternalLinksExtension)


def on_config(config):
    """Register the extensions once; MkDocs passes instances straight to Python-Markdown."""
    config.markdown_extensions[:] = [
        ext for ext in config.markdown_extensions if not isinstance(ext, EXTENSIONS)
    ]
    config.markdown_extensions += [extension() for extension in EXTENSIONS]
    return config

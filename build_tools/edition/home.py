"""The home page: the paper's title, its provenance as the seed prints it, and the contents."""

from __future__ import annotations

from pathlib import Path
from string import Template

from build_tools.edition.editorial_map import EditionMap
from build_tools.edition.editorial_notes import summary
from build_tools.edition.print_page import PRINT_FILE
from build_tools.edition.render import escape_inline
from build_tools.edition.structure import Page

HOME_FILE = "index.md"
TEMPLATE = Path(__file__).with_name("templates") / "home.md"


def provenance(printed: list[str], emap: EditionMap) -> str:
    """The removed web-page block, line by line, as the seed prints it."""
    lines = []
    for repair in emap.layout_repairs:
        if repair.provenance:
            for number in range(repair.first, repair.last + 1):
                text = printed[number - 1].strip()
                if text:
                    lines.append(f"> `{text}`")
    return "\n>\n".join(lines)


def contents(pages: list[Page]) -> str:
    """The table of contents: each part, with its panels under it."""
    out = []
    for page in pages:
        if page.kind != "part":
            continue
        out.append(f"- [{escape_inline(page.title)}]({page.file})")
        for panel in pages:
            if panel.kind == "panel" and panel.parent.id == page.id:
                out.append(f"    - [{escape_inline(panel.title)}]({panel.file})")
    out.append(f"- [The whole paper — read, print or save]({PRINT_FILE})")
    return "\n".join(out)


def home_page(printed: list[str], emap: EditionMap, pages: list[Page]) -> str:
    """The Markdown of the home page, from ``templates/home.md``."""
    template = Template(TEMPLATE.read_text(encoding="utf-8"))
    return template.substitute(
        title=escape_inline(emap.title),
        contents=contents(pages),
        provenance=provenance(printed, emap),
        changes=summary(emap),
    )

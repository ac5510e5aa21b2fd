"""Page weight: the bytes a reader downloads for each kind of page, raw and gzipped.

``python -m build_tools weight [--site DIR]`` reads a built site (``make site``) and prints, per
page type, the HTML and the CSS and JavaScript it loads, the search index, and what the edition
adds to plain Material (its own CSS and scripts).
"""

from __future__ import annotations

import gzip
import posixpath
import re
from pathlib import Path

from build_tools.common.errors import EditionError

SAMPLES = {
    "home": "index.html",
    "chapter": "chapters/chapter-2.html",
    "panel": "panels/panel-1.html",
    "glossary entry": "glossary/law/data-security-law.html",
    "glossary index": "glossary/index.html",
    "editorial notes": "about/editorial-notes.html",
}
# Files under assets/ that the edition itself ships (the vendored shim is Material's polyfill;
# _mkdocstrings.css is the mkdocstrings plugin's, which it adds to every page).
OURS = re.compile(r"^assets/(?!vendor/|javascripts/|stylesheets/|_mkdocstrings\.css$)")
_ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')


def sizes(data: bytes) -> tuple[int, int]:
    """Raw and gzipped (level 9) size of some bytes."""
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


def page_assets(site: Path, page: str) -> list[str]:
    """The CSS and JS files a page loads, as paths under the site."""
    html = (site / page).read_text(encoding="utf-8")
    found = []
    for ref in _ASSET.findall(html):
        if "://" in ref or ref.startswith("//"):
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), ref.split("?")[0]))
        if (site / path).is_file():
            found.append(path)
    return found


def report(site: Path) -> list[str]:
    """The weight report's lines; a missing site is an error, not an empty report."""
    if not (site / "index.html").is_file():
        raise EditionError(
            site,
            None,
            "no built site here: run `make site` in the repository root first, or pass --site",
        )
    lines = [
        f"{'page type':16} {'HTML raw/gz':>16} {'CSS raw/gz':>18} {'JS raw/gz':>18} {'ours gz':>8}"
    ]
    for kind, page in SAMPLES.items():
        if not (site / page).exists():
            continue
        html = sizes((site / page).read_bytes())
        assets = page_assets(site, page)
        css = [sizes((site / a).read_bytes()) for a in assets if a.endswith(".css")]
        js = [sizes((site / a).read_bytes()) for a in assets if a.endswith(".js")]
        ours = sum(sizes((site / a).read_bytes())[1] for a in assets if OURS.match(a))
        lines.append(
            f"{kind:16} {_pair(html):>16} {_pair(_sum(css)):>18} {_pair(_sum(js)):>18} {ours:>8,}"
        )
    for index in ("search/search_index.json", "search/search_index.js"):
        if (site / index).exists():
            lines.append(f"search index {index}: {_pair(sizes((site / index).read_bytes()))}")
    return lines


def _sum(pairs: list[tuple[int, int]]) -> tuple[int, int]:
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def _pair(pair: tuple[int, int]) -> str:
    return f"{pair[0]:,}/{pair[1]:,}"

"""A Content-Security-Policy on every page, as a ``<meta http-equiv>`` (GitHub Pages sets no
headers, and a file opened from disk has none).

It lets run only the site's own script files and the inline scripts the built page holds, each
allowed by its SHA-256 hash, computed when the page is written: an inline script or an event
handler that slipped into a page anyway, or a request to another site, is refused by the
reader's browser. Styles likewise: the site's own files and the page's own ``<style>`` elements
(the figures carry theirs), by hash. Chromium applies a meta policy on ``file://`` pages too.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
_TYPE = re.compile(r"""\btype=["']?([^"'\s>]+)""")
_SEARCH_WORKER = re.compile(
    r'<script id="__config" type="application/json">.*?"search":\s*"([^"]+)"', re.S
)
# Scripts of these types are data, which a browser never runs: no hash needed.
DATA_TYPES = ("application/json", "application/ld+json")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


class WorkerShim:
    """The inline script the offline plugin's ``iframe-worker`` shim writes into its iframe on
    ``file://`` pages, to run the search worker there: its text is the shim's own two helper
    functions and the worker's address, which the page's configuration gives; so its hash can be
    computed when the page is built, and search works from disk under the policy."""

    _HELPERS = re.compile(
        r"(function c\(s,n\)\{.*?\})(?=function d).*?"
        r"(function d\(\.\.\.s\)\{.*?Promise\.resolve\(\)\)\})"
    )

    def __init__(self, shim_source: str) -> None:
        found = self._HELPERS.search(shim_source)
        if not found:
            raise ValueError("the iframe-worker shim is not the one build_tools/safety knows")
        self.post, self.imports = found[1], found[2]

    def script(self, worker: str) -> str:
        """The inline script the shim writes for the worker at ``worker``."""
        return (
            f"postMessage={self.post};importScripts={self.imports};"
            'addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",'
            f'{{filename:"{worker}",error}}))}})'
        )


def policy(html: str, shim: WorkerShim | None = None) -> str:
    """The policy for one built page: its own inline scripts and styles allowed by hash, and
    the search worker's shim script when the page loads the shim."""
    scripts = []
    worker = _SEARCH_WORKER.search(html)
    if shim and worker and "iframe-worker/shim.js" in html:
        scripts.append(_hash(shim.script(worker[1])))
    for attributes, body in _INLINE_SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if kind and kind[1] in DATA_TYPES:
            continue
        scripts.append(_hash(body))
    styles = [_hash(body) for body in _STYLE.findall(html)]
    return (
        "; ".join(
            [
                "default-src 'self'",
                "script-src 'self' " + " ".join(sorted(set(scripts))),
                "style-src 'self' " + " ".join(sorted(set(styles))),
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "worker-src 'self' blob:",
                "frame-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'none'",
            ]
        )
        .replace("  ", " ")
        .replace(" ;", ";")
    )


def with_policy(html: str, shim: WorkerShim | None = None) -> str:
    """The page with its policy as the first element of ``<head>``, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, shim)}">'
    return re.sub(r"<head>", "<head>" + meta, html, count=1)

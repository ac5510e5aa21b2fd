"""Helpers for the browser tests: Debian's Chromium under Playwright, every outside request
blocked and counted, the site served from disk (file://) or from 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


class RequestGuard:
    """Aborts and records every request that would leave the machine."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def handle(self, route) -> None:
        url = urlparse(route.request.url)
        if url.scheme in {"file", "data", "blob", "about"} or url.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


@contextmanager
def serve(folder: Path):
    """A static server for ``folder`` on 127.0.0.1, on a free port, for the test's duration."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr."""

    def log_message(self, *args) -> None:
        pass

"""Helpers for the browser tests: Debian's Chromium under Playwright, every outside request
blocked and counted, the site served from disk (file://) or from 127.0.0.1.

Every browser test opens its pages through ``guarded`` (the ``guarded_page`` fixture does it):
outside requests are aborted and recorded, and a test that made one fails, naming the
addresses. Only the tests that prove "no late request" pass ``settle=True``: the guard then
waits, before the context closes, for the network to go idle and then a settle time, so that a
request a page fires a second after it has loaded is caught too. Waiting so after every test
cost about three minutes a run and proved nothing more.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
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
LOCAL_SCHEMES = {"file", "data", "blob", "about"}
VIEWPORT = {"width": 1280, "height": 900}
# How long the guard keeps listening once the network is idle (Playwright calls a page idle
# after 500 ms without a request), so that timers, lazy loads and late fetches are seen.
SETTLE_MS = 1500


class OutsideRequestError(AssertionError):
    """A page tried to load something from outside the machine."""

    def __init__(self, urls: list[str]):
        self.urls = urls
        super().__init__(f"requests that would leave the machine: {urls}")


class PolicyViolationError(AssertionError):
    """A page did something its Content-Security-Policy refused (an edition feature broke)."""


class RequestGuard:
    """Aborts and records every request, and every WebSocket, that would leave the machine;
    records every Content-Security-Policy violation a page reports."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.violations: list[str] = []

    def console(self, message) -> None:
        """Console handler: keep the browser's reports of policy violations."""
        if "Content Security Policy" in message.text:
            self.violations.append(message.text)

    @staticmethod
    def is_local(address: str) -> bool:
        """Whether an address stays on this machine (a file, inline data, or 127.0.0.1)."""
        url = urlparse(address)
        return url.scheme in LOCAL_SCHEMES or url.hostname in LOCAL_HOSTS

    def handle(self, route) -> None:
        """Route handler: let local requests through, abort and record the rest."""
        if self.is_local(route.request.url):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def handle_socket(self, socket) -> None:
        """WebSocket handler: connect local sockets, close and record the rest."""
        if self.is_local(socket.url):
            socket.connect_to_server()
        else:
            self.blocked.append(socket.url)
            socket.close()

    def watch(self, context) -> None:
        """Put every page of a browser context (and its workers) under the guard."""
        context.route("**/*", self.handle)
        context.route_web_socket("**/*", self.handle_socket)

    def settle(self, context) -> None:
        """Wait until every open page's network is idle, then the settle time."""
        pages = [page for page in context.pages if not page.is_closed()]
        for page in pages:
            page.wait_for_load_state("networkidle")
        if pages:
            pages[0].wait_for_timeout(SETTLE_MS)

    def check(self, policy: bool = True) -> None:
        """Fail, naming the addresses, if anything tried to leave the machine; and, with
        ``policy``, if the page's policy refused anything (a feature of the edition broke)."""
        if self.blocked:
            raise OutsideRequestError(list(self.blocked))
        if policy and self.violations:
            raise PolicyViolationError(f"refused by the page's policy: {self.violations[:3]}")


@contextmanager
def guarded(browser, settle: bool = False, policy: bool = True, **options) -> Iterator:
    """A fresh page in its own context, under a ``RequestGuard`` (as ``page.guard``).

    On leaving, the guard closes the context and raises ``OutsideRequestError`` if any request
    tried to leave the machine, and ``PolicyViolationError`` if the page's Content-Security-Policy
    refused anything (unless ``policy`` is false); with ``settle`` it first waits for the network
    to settle.
    ``options`` go to ``browser.new_context``.
    """
    guard = RequestGuard()
    # Service workers would fetch outside the context's routing: none may start.
    context = browser.new_context(**{"viewport": VIEWPORT, "service_workers": "block", **options})
    guard.watch(context)
    context.on("console", guard.console)
    page = context.new_page()
    page.guard = guard
    try:
        yield page
        if settle:
            guard.settle(context)
    finally:
        context.close()
    guard.check(policy)


@contextmanager
def serve(folder: Path, handler=None, path: str = ""):
    """A static server for ``folder`` on 127.0.0.1, on a free port, for the test's duration:
    its URL, with ``path`` after the host. ``handler`` is the request handler class (by
    default one that logs nothing)."""
    handler = functools.partial(handler or QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{path}"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr."""

    def log_message(self, *args) -> None:
        pass

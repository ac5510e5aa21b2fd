"""How long a contributor waits in ``make serve``: from saving a glossary entry to the served
page showing the change (``python -m build_tools.dev.serve_reload``, ``make bench-serve``).

It works on a copy of the site's sources in a temporary folder, so nothing in the repository is
touched: ``mkdocs serve`` on a free port of 127.0.0.1, then ``--edits`` edits of one entry (each
re-recorded as checked, as a contributor would after a second reading), polling the served page
until the edit shows. Prints each time and the median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

SOURCES = ("mkdocs.yml", "docs", "hooks", "seeds", "overrides", "CONTRIBUTING.md", "CITATION.cff")
ENTRY = "glossary/law/data-security-law.md"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - 127.0.0.1 only
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, limit: float = 180) -> float:
    start = time.monotonic()
    while text not in _get(url):
        if time.monotonic() - start > limit:
            raise SystemExit(f"the served page never showed {text!r}")
        time.sleep(0.05)
    return time.monotonic() - start


def measure(root: Path, edits: int) -> list[float]:
    """Seconds from each saved edit to the served page showing it."""
    from build_tools.glossary.second_reading import record_check

    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch)
        for name in SOURCES:
            source = root / name
            if source.is_dir():
                shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif source.exists():
                shutil.copy2(source, copy / name)
        port = _free_port()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=f"http://127.0.0.1:{port}/")
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=copy,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/{ENTRY.removesuffix('.md')}.html"
        entry = copy / "docs" / ENTRY
        original = entry.read_text(encoding="utf-8")
        try:
            print(f"first build served after {_wait_for(url, '</html>'):.1f} s")
            times = []
            for number in range(edits):
                marker = f"Reload marker {number}."
                entry.write_text(original.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
                record_check(entry, dt.date.today())
                times.append(_wait_for(url, marker))
                print(f"edit {number + 1}: the page showed it after {times[-1]:.2f} s")
            return times
        finally:
            server.terminate()
            server.wait()


def main() -> None:
    """Run the measurement from the repository root and print the median."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    root = Path.cwd()
    if not (root / "mkdocs.yml").exists():
        raise SystemExit("run from the repository root (the folder with mkdocs.yml)")
    times = measure(root, args.edits)
    print(f"edit -> reload, median of {len(times)}: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()

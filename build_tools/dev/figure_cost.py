"""What the figures add to the edition's build time.

``python -m build_tools.dev.figure_cost [--rounds N]`` builds the edition alternately with the
figures and without them, each build in a fresh process (``bench.build_seconds``), and prints
the medians and the difference. Without them means ``EDITION_FIGURES=off``: the figures' hook
does nothing and every other hook runs as usual. Timing is printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from build_tools.dev.bench import build_seconds, edition_config, print_medians

SWITCH = "EDITION_FIGURES"


def _timed(config: Path, folder: Path, figures: bool) -> tuple[float, float]:
    """Wall and CPU seconds of one build, with or without the figures."""
    before = os.environ.get(SWITCH)
    os.environ[SWITCH] = "on" if figures else "off"
    try:
        return build_seconds(config, folder / "site", hooks=True, scratch=folder)
    finally:
        if before is None:
            del os.environ[SWITCH]
        else:
            os.environ[SWITCH] = before


def run(rounds: int) -> float:
    """Alternate ``rounds`` builds of each kind after a warm-up; print the medians; return the
    median CPU seconds the figures add."""
    config = edition_config()
    folder = Path(tempfile.mkdtemp(prefix="edition-figure-cost-"))
    try:
        for figures in (True, False):  # warm-up: bytecode, jieba's cache, the disk cache
            _timed(config, folder, figures)
        runs: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
        for _ in range(rounds):
            for figures in (True, False):
                runs[figures].append(_timed(config, folder, figures))
        print(f"figure cost: the edition, {rounds} rounds, alternating")
        medians = print_medians(runs, {True: "with figures", False: "without figures"})
        for index, measure in enumerate(("wall time", "CPU time")):
            added = medians[True][index] - medians[False][index]
            print(f"{measure} the figures add: {added:+.2f} s")
        return added
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """The command line: ``--rounds`` builds of each kind (default 7)."""
    parser = argparse.ArgumentParser(prog="python -m build_tools.dev.figure_cost")
    parser.add_argument("--rounds", type=int, default=7, help="builds of each kind (7)")
    run(parser.parse_args(argv).rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

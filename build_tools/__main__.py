"""Command line: ``python -m build_tools convert [--check] [--force] [--seed PATH] [--out DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_tools.convert import DEFAULT_MAP, check, convert
from build_tools.errors import EditionError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    conv = commands.add_parser("convert", help="write the edition's pages from the seed")
    conv.add_argument("--seed", type=Path, help="the seed text (default: named in the map)")
    conv.add_argument("--map", type=Path, default=DEFAULT_MAP, help="the editorial map")
    conv.add_argument("--out", type=Path, default=Path("docs"), help="where the pages go")
    conv.add_argument("--check", action="store_true", help="write nothing; exit 1 on drift")
    conv.add_argument("--force", action="store_true", help="overwrite pages edited by hand")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; bad input is one line on stderr and exit code 2."""
    args = _parser().parse_args(argv)
    try:
        if args.check:
            stale = check(args.out, args.map, args.seed)
            for path in stale:
                print(f"{path}: differs from what convert would write", file=sys.stderr)
            return 1 if stale else 0
        plan = convert(args.out, args.map, args.seed, force=args.force)
    except EditionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {len(plan.writes)} page(s), {len(plan.unchanged)} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())

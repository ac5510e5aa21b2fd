"""Command line of the edition's tools.

- ``python -m build_tools convert [--check] [--force] [--seed PATH] [--out DIR]``
- ``python -m build_tools verify [--docs DIR]``
- ``python -m build_tools bench [--pages N] [--terms M] [--rounds K] [--edition]``
- ``python -m build_tools weight [--site DIR]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_tools.bench import run as run_bench
from build_tools.convert import DEFAULT_MAP, check, convert
from build_tools.errors import EditionError
from build_tools.faithfulness import check_docs
from build_tools.weight import report as weight_report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    conv = commands.add_parser("convert", help="write the edition's pages from the seed")
    conv.add_argument("--seed", type=Path, help="the seed text (default: named in the map)")
    conv.add_argument("--map", type=Path, default=DEFAULT_MAP, help="the editorial map")
    conv.add_argument("--out", type=Path, default=Path("docs"), help="where the pages go")
    conv.add_argument("--check", action="store_true", help="write nothing; exit 1 on drift")
    conv.add_argument("--force", action="store_true", help="overwrite pages edited by hand")
    verify = commands.add_parser("verify", help="check every page's words against the seed")
    verify.add_argument("--map", type=Path, default=DEFAULT_MAP, help="the editorial map")
    verify.add_argument("--docs", type=Path, default=Path("docs"), help="the pages to check")
    bench = commands.add_parser("bench", help="time a build with and without the hooks")
    bench.add_argument("--pages", type=int, default=100, help="synthetic pages")
    bench.add_argument("--terms", type=int, default=100, help="synthetic glossary entries")
    bench.add_argument("--rounds", type=int, default=3, help="builds of each kind")
    bench.add_argument("--edition", action="store_true", help="benchmark the edition itself")
    weight = commands.add_parser("weight", help="bytes per page type, raw and gzipped")
    weight.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; bad input is one line on stderr and exit code 2."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "verify":
            return _verify(args)
        if args.command == "weight":
            print("\n".join(weight_report(args.site)))
            return 0
        if args.command == "bench":
            run_bench(args.pages, args.terms, args.rounds, args.edition)
            return 0
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


def _verify(args: argparse.Namespace) -> int:
    problems = check_docs(args.docs, args.map)
    for problem in problems:
        print(
            f"{problem}: the paper's words changed without an entry in {args.map}", file=sys.stderr
        )
    if not problems:
        print("every page's words match the seed with the editorial map applied")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

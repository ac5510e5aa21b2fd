"""The edition's command line: ``python -m build_tools COMMAND``.

Run it from the repository root (the folder with ``mkdocs.yml`` and ``seeds/``), or name the
files with the options. Bad input is one ``file:line: message`` line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.dev.bench import run as run_bench
from build_tools.dev.bench import run_matcher
from build_tools.dev.weight import report as weight_report
from build_tools.edition.convert import check, convert
from build_tools.edition.editorial_map import DEFAULT_MAP
from build_tools.edition.faithfulness import check_docs
from build_tools.glossary.second_reading import record_check
from build_tools.pdf.printer import make_pdf

EPILOG = """commands, by phase:
  convert   seed + editorial map -> the Markdown pages in docs/ (convert time)
  verify    the words of every page against the seed with the map's corrections
  bench     time the site build with and without the hooks (developer tool)
  weight    bytes per page type of the built site (developer tool)
  pdf       print the built site's whole paper to site/downloads/ as a PDF (after make site)
  checked   record a second reader's check in glossary entries (after the check, never before)

examples:
  python -m build_tools convert --check     what differs, and why; writes nothing
  python -m build_tools verify
  python -m build_tools bench --edition --rounds 7
  python -m build_tools bench --matcher --terms 1000
  python -m build_tools checked docs/glossary/law/data-security-law.md
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m build_tools",
        description="Tools of the annotated edition. Run from the repository root.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    conv = commands.add_parser("convert", help="write the edition's pages from the seed")
    conv.add_argument("--seed", type=Path, help="the seed text (default: the one the map names)")
    conv.add_argument("--map", type=Path, default=DEFAULT_MAP, help="the editorial map")
    conv.add_argument("--out", type=Path, default=Path("docs"), help="where the pages go")
    conv.add_argument("--check", action="store_true", help="write nothing; say why pages differ")
    conv.add_argument("--force", action="store_true", help="overwrite pages edited by hand")
    verify = commands.add_parser("verify", help="check every page's words against the seed")
    verify.add_argument("--map", type=Path, default=DEFAULT_MAP, help="the editorial map")
    verify.add_argument("--docs", type=Path, default=Path("docs"), help="the pages to check")
    bench = commands.add_parser("bench", help="time a build with and without the hooks")
    bench.add_argument("--pages", type=int, default=1000, help="synthetic pages (1000)")
    bench.add_argument("--terms", type=int, default=1000, help="synthetic entries (1000)")
    bench.add_argument("--rounds", type=int, default=7, help="builds of each kind (7)")
    bench.add_argument("--edition", action="store_true", help="benchmark the edition itself")
    bench.add_argument(
        "--matcher", action="store_true", help="time building the term matcher for --terms names"
    )
    weight = commands.add_parser("weight", help="bytes per page type, raw and gzipped")
    weight.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    pdf = commands.add_parser("pdf", help="print the whole paper as a PDF (after make site)")
    pdf.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    checked = commands.add_parser(
        "checked", help="record that a second reader checked these entries against their sources"
    )
    checked.add_argument("files", type=Path, nargs="+", help="glossary entry files")
    checked.add_argument(
        "--date", type=dt.date.fromisoformat, default=dt.date.today(), help="the check's day"
    )
    return parser


def _where_to_run(args: argparse.Namespace) -> None:
    """Commands that read the repository's files say where to run them when they are not there."""
    needed = getattr(args, "map", None)
    if needed is not None and not needed.exists():
        raise EditionError(
            needed,
            None,
            "no editorial map here: run from the repository root (the folder with seeds/), "
            "or pass --map",
        )


def main(argv: list[str] | None = None) -> int:
    """Run a command; bad input is one line on stderr and exit code 2."""
    args = _parser().parse_args(argv)
    try:
        _where_to_run(args)
        if args.command == "verify":
            return _verify(args)
        if args.command == "weight":
            print("\n".join(weight_report(args.site)))
            return 0
        if args.command == "pdf":
            made = make_pdf(args.site)
            print(
                f"wrote {made.path}: {made.size / 1e6:.1f} MB, {made.pages} pages, "
                f"in {made.seconds:.1f} s"
            )
            return 0
        if args.command == "checked":
            changed = [file for file in args.files if record_check(file, args.date)]
            print(f"recorded the check in {len(changed)} of {len(args.files)} entries")
            return 0
        if args.command == "bench" and args.matcher:
            run_matcher(args.terms, args.rounds)
            return 0
        if args.command == "bench":
            run_bench(args.pages, args.terms, args.rounds, args.edition)
            return 0
        if args.check:
            drift = check(args.out, args.map, args.seed)
            for problem in drift:
                print(problem, file=sys.stderr)
            return 1 if drift else 0
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

"""The faithfulness check: the words on every page are the paper's words, nothing else.

It reads the Markdown pages as they are in ``docs/`` (a contributor may have edited them), drops
what the edition adds (front matter, admonitions such as editor's notes, panel cards, ids,
Markdown markup), and compares what is left, paragraph by paragraph, with the seed's words
after the editorial map's corrections. It shares no code with the converter's page writer, so a
bug there cannot hide itself here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from build_tools.common import front_matter
from build_tools.edition.convert import check_seed_digest
from build_tools.edition.editorial_map import DEFAULT_MAP, EditionMap, load_map
from build_tools.edition.seed import apply_corrections, read_seed

_ID_LINE = re.compile(r"^\{:? ?#[\w-]+ ?\}$")
_HEADING_ID = re.compile(r"\s*\{ ?#[\w-]+ ?\}$")
_DIV_LINE = re.compile(r"^</?div\b[^>]*>$")
_ADMONITION = re.compile(r"^(!!!|\?\?\?\+?) ")
_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class Unit:
    """A paragraph, heading or table: its words, and where it is (id or seed line)."""

    words: tuple[str, ...]
    where: str


def words(text: str) -> tuple[str, ...]:
    """The words of a text: runs of non-space characters, markup and bullets aside."""
    return tuple(w for w in text.split() if w not in {"|", "*", "•"})


def expected_units(lines: list[str], emap: EditionMap) -> dict[str, list[Unit]]:
    """The seed's words, corrected, grouped into the units each page must show."""
    removed = emap.removed_lines()
    breaks, joins = emap.layout_repair_lines("break"), emap.layout_repair_lines("join")
    panels = {p.heading.line: p for p in emap.panels}
    result: dict[str, list[Unit]] = {}
    starts = [p.heading.line for p in emap.parts] + [emap.end.line + 1]

    def heading_unit(first: int, last: int) -> Unit:
        return Unit(words(" ".join(lines[first - 1 : last])), f"seed line {first}")

    def prose(numbers, units: list[Unit]) -> None:
        current: list[str] = []
        start = 0
        for number in [*numbers, None]:
            if number in removed:
                continue
            text = lines[number - 1].strip() if number else ""
            if (not text or number in breaks) and current:
                units.append(Unit(tuple(current), f"seed line {start}"))
                current = []
            if not text:
                continue
            if number in joins and not current and units:
                last = units.pop()
                current, start = list(last.words), int(last.where.split()[-1])
            if not current:
                start = number
            current += words(text)

    for part, stop in zip(emap.parts, starts[1:], strict=True):
        units = [heading_unit(part.heading.line, part.heading.end)]
        sections = {s.line: s for s in part.sections}
        number, chunk = part.heading.end + 1, []
        while number < stop:
            if number in sections or number in panels:
                prose(chunk, units)
                chunk = []
                span = sections.get(number) or panels[number].heading
                if number in sections:
                    units.append(heading_unit(span.line, span.end))
                    number = span.end + 1
                else:
                    result[panels[number].file] = _panel_units(lines, panels[number], prose)
                    number = panels[number].end + 1
                continue
            chunk.append(number)
            number += 1
        prose(chunk, units)
        result[part.file] = units
    return result


def _panel_units(lines: list[str], panel, prose) -> list[Unit]:
    heading = panel.heading
    units = [
        Unit(words(" ".join(lines[heading.line - 1 : heading.end])), f"seed line {heading.line}")
    ]
    if panel.table is None:
        prose(range(heading.end + 1, panel.end + 1), units)
        return units
    table = panel.table
    table_words = list(table.header.cells)
    for row in table.rows:
        table_words += words(" ".join(lines[row.label[0] - 1 : row.label[1]]))
        table_words += words(" ".join(lines[row.examples[0] - 1 : row.examples[1]]))
    table_words += list(table.total.cells)
    units.append(Unit(words(" ".join(table_words)), f"seed line {table.header.line}"))
    return units


def page_units(markdown: str) -> list[Unit]:
    """The paper's words on a page: one unit per paragraph, heading or table."""
    body = front_matter.split(markdown).body
    units: list[Unit] = []
    block: list[str] = []
    skipping_admonition = skipping_card = False
    last_id = "top of page"

    def flush() -> None:
        text = " ".join(block)
        if text.strip():
            units.append(Unit(words(_strip_markup(text)), last_id))
        block.clear()

    for line in body.split("\n"):
        if skipping_card:
            skipping_card = not line.startswith("</div>")
            continue
        if skipping_admonition:
            if not line.strip() or line.startswith("    "):
                continue
            skipping_admonition = False
        if _ADMONITION.match(line):
            flush()
            skipping_admonition = True
        elif line.startswith('<div class="panel-card"'):
            flush()
            skipping_card = True
        elif _DIV_LINE.match(line.strip()) or not line.strip():
            flush()
            div_id = re.search(r'id="([\w-]+)"', line)
            last_id = f"#{div_id[1]}" if div_id else last_id
        elif _ID_LINE.match(line.strip()):
            last_id = "#" + line.strip(" {}:#")
            if units and not block:
                units[-1] = Unit(units[-1].words, last_id)
            else:
                block_id = last_id
                flush()
                units[-1] = Unit(units[-1].words, block_id)
        elif line.startswith("#"):
            flush()
            match = re.search(r"\{ ?#([\w-]+) ?\}$", line)
            last_id = f"#{match[1]}" if match else last_id
            block.append(_HEADING_ID.sub("", line.lstrip("#")))
            flush()
        else:
            block.append(line)
    flush()
    return units


def _strip_markup(text: str) -> str:
    text = text.replace("<br>", " ").replace("**", " ")
    text = re.sub(r"\|\s*-{3,}\s*(?=\|)", " ", text)
    return _ESCAPE.sub(r"\1", text)


def compare(page: str, expected: list[Unit], actual: list[Unit]) -> list[str]:
    """Human-readable differences between a page's units and the seed's, first one per unit."""
    problems = []
    for index in range(max(len(expected), len(actual))):
        want = expected[index] if index < len(expected) else Unit((), "nothing")
        have = actual[index] if index < len(actual) else Unit((), "nothing")
        if want.words == have.words:
            continue
        problems.append(
            f"{page} {have.where} ({want.where}): {_difference(want.words, have.words)}"
        )
        break
    return problems


def _difference(want: tuple[str, ...], have: tuple[str, ...]) -> str:
    matcher = difflib.SequenceMatcher(a=want, b=have, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        seed_words = " ".join(want[a1:a2]) or "nothing"
        page_words = " ".join(have[b1:b2]) or "nothing"
        return f"the seed has “{seed_words}”, the page has “{page_words}”"
    return "the paragraphs differ"


def check_docs(docs: Path, map_path: Path = DEFAULT_MAP) -> list[str]:
    """Every place where a page's words differ from the corrected seed; empty when faithful."""
    emap = load_map(map_path)
    seed_path = map_path.parent / emap.seed
    check_seed_digest(emap, seed_path)
    lines = apply_corrections(read_seed(seed_path), emap, seed_path)
    problems = []
    for name, expected in expected_units(lines, emap).items():
        path = docs / name
        if not path.exists():
            problems.append(f"{path}: missing (run python -m build_tools convert)")
            continue
        problems += compare(str(path), expected, page_units(path.read_text(encoding="utf-8")))
    return problems

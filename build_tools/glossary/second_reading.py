"""Recording a second reader's check: ``python -m build_tools checked FILE…``.

An entry is trusted only once someone other than its writer has checked it, claim by claim,
against the paper and its sources. The check is recorded in the entry's front matter as one
line, ``checked: {date: 2026-12-03, digest: …}``, whose digest covers every other line of the
file: the build refuses an entry without it, and an entry edited after it, so an edit cannot
keep a check it never had. Run the command only after the second reading (CONTRIBUTING).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from build_tools.common import front_matter
from build_tools.common.errors import EditionError
from build_tools.glossary.entries import CHECKED_LINE, entry_digest


def record_check(file: Path, day: dt.date) -> bool:
    """Write (or renew) the ``checked`` line of one entry; False when it was already current."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EditionError(file, None, f"cannot read the entry: {error}") from None
    _, page = front_matter.read(text, file)
    if page.front is None:
        raise EditionError(file, 1, "not a glossary entry: no YAML front matter (---)")
    bare = CHECKED_LINE.sub("", text)
    line = f"checked: {{date: {day.isoformat()}, digest: {entry_digest(bare)}}}\n"
    # The line goes last in the front matter, just before the closing ---.
    end = bare.index("\n---", 3) + 1
    updated = bare[:end] + line + bare[end:]
    if updated == text:
        return False
    file.write_text(updated, encoding="utf-8")
    return True

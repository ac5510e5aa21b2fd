"""The one front-matter reader: a page's YAML header, its body, and where the body starts.

MkDocs' own ``mkdocs.utils.meta.get_data`` splits pages the same way but forgets line numbers,
and our errors must name the line of the field at fault; so every tool reads front matter here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.common.yaml_lines import LinedDict, load_yaml

FENCE = "---\n"


@dataclass(frozen=True)
class Split:
    """A page cut at its front matter: the YAML text, the body, and the body's first line."""

    front: str | None
    body: str
    body_line: int


def split(text: str) -> Split:
    """Cut a page into front matter and body; a page without front matter is all body."""
    if not text.startswith(FENCE):
        return Split(None, text, 1)
    end = text.find("\n" + FENCE, len(FENCE) - 1)
    if end < 0:
        return Split(None, text, 1)
    front = text[len(FENCE) : end + 1]
    rest = text[end + 1 + len(FENCE) :]
    body = rest.lstrip("\n")
    body_line = front.count("\n") + 3 + (len(rest) - len(body))
    return Split(front, body, body_line)


def read(text: str, path: Path | str) -> tuple[LinedDict, Split]:
    """The front matter as a mapping that knows each key's line, and the split page; front
    matter opened on the first line and never closed is an error, not a page without any."""
    page = split(text)
    if page.front is None and text.startswith(FENCE):
        raise EditionError(
            path, 1, "the front matter opened here is never closed: add a line '---' after it"
        )
    if page.front is None:
        return LinedDict(), page
    data = load_yaml(page.front, path, first_line=2)
    if data is None:
        return LinedDict(), page
    if not isinstance(data, LinedDict):
        raise EditionError(path, 2, "the front matter must be a YAML mapping")
    return data, page

"""Who wrote what, and when: the paper and the edition, as ``CITATION.cff`` describes them.

``CITATION.cff`` at the repository root is the one place for this (GitHub reads it for "Cite
this repository"); the edition is the file's own record, and the paper is the first entry under
``references``. Citations, meta tags and the downloadable records are all made from what this
module reads, as CSL-JSON items, the data format the citation styles (and Zotero) use.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from build_tools.common.errors import EditionError
from build_tools.common.yaml_lines import LinedDict, load_yaml

CITATION_FILE = "CITATION.cff"
PAPER_KEY = "scio2023cyberspace"
EDITION_KEY = "cyberspace-annotated-edition"


@dataclass(frozen=True)
class Work:
    """A citable work: its title, authors (organisations, as written), date and address."""

    title: str
    authors: tuple[str, ...]
    year: int | None = None
    month: int | None = None
    day: int | None = None
    url: str | None = None
    genre: str | None = None
    institution: str | None = None
    language: str | None = None
    abstract: str | None = None
    keywords: tuple[str, ...] = ()
    licenses: tuple[str, ...] = ()

    @property
    def author(self) -> str:
        """The authors as one line, for meta tags and plain text."""
        return "; ".join(self.authors)

    @property
    def date(self) -> str:
        """The date as ISO 8601 reads it (``2023-03``), or empty when the work has none."""
        parts = [f"{self.year}"] if self.year else []
        parts += [f"{part:02d}" for part in (self.month, self.day) if parts and part]
        return "-".join(parts)

    @property
    def date_parts(self) -> list[int]:
        """The date as CSL-JSON writes it: ``[2023, 3]``."""
        return [part for part in (self.year, self.month, self.day) if part]


@dataclass(frozen=True)
class Citable:
    """The two works a reader may cite: the paper, and this edition of it."""

    paper: Work
    edition: Work


def read_citation_file(path: Path) -> Citable:
    """Read ``CITATION.cff``; a missing or malformed field is an error naming its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise EditionError(path, None, f"cannot read the citation file: {error.strerror}") from None
    data = load_yaml(text, path)
    if not isinstance(data, LinedDict):
        raise EditionError(path, 1, "the citation file must be a YAML mapping")
    references = data.get("references")
    if not isinstance(references, list) or not references:
        raise EditionError(path, data.line_of("references"), "the paper must be under references")
    return Citable(paper=_work(path, references[0]), edition=_work(path, data))


def _work(path: Path, node) -> Work:
    """One work from a CFF mapping (the file itself, or one of its references)."""
    if not isinstance(node, LinedDict):
        raise EditionError(path, getattr(node, "line", None), "a work must be a YAML mapping")
    for name in ("title", "authors"):
        if not node.get(name):
            raise EditionError(path, node.line, f"missing field '{name}'")
    authors = []
    for author in node["authors"]:
        name = author.get("name") if isinstance(author, dict) else None
        if not name:
            raise EditionError(path, node.line_of("authors"), "each author needs a 'name'")
        authors.append(name)
    for name, low, high in (("year", 1000, 9999), ("month", 1, 12)):
        value = node.get(name)
        if value is not None and (not isinstance(value, int) or not low <= value <= high):
            raise EditionError(
                path,
                node.line_of(name),
                f"'{name}' must be a number from {low} to {high}, "
                f"not {value!r} (CITATION.cff's format)",
            )
    institution = node.get("institution")
    licenses = node.get("license") or ()
    return Work(
        title=node["title"],
        authors=tuple(authors),
        year=node.get("year"),
        month=node.get("month"),
        url=node.get("url"),
        genre=node.get("notes"),
        institution=institution.get("name") if isinstance(institution, dict) else None,
        language=(node.get("languages") or [None])[0],
        abstract=" ".join(node["abstract"].split()) if node.get("abstract") else None,
        keywords=tuple(node.get("keywords") or ()),
        licenses=(licenses,) if isinstance(licenses, str) else tuple(licenses),
    )


def build_date(environ=os.environ) -> date:
    """The day of this build, the date of this version of the edition (a living site).

    ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention) fixes it, as tests do.
    """
    epoch = environ.get("SOURCE_DATE_EPOCH")
    return (datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)).date()


def dated(work: Work, day: date) -> Work:
    """``work`` as of ``day``: the edition's version, since CITATION.cff gives it no date."""
    return dataclasses.replace(work, year=day.year, month=day.month, day=day.day)


def csl_item(work: Work, key: str, kind: str, url: str | None, **fields) -> dict:
    """``work`` as a CSL-JSON item of type ``kind``; empty fields are left out."""
    item = {
        "id": key,
        "type": kind,
        "title": work.title,
        "author": [{"literal": name} for name in work.authors],
        "issued": {"date-parts": [work.date_parts]} if work.year else None,
        "URL": url,
        **fields,
    }
    return {name: value for name, value in item.items() if value}


def paper_item(paper: Work, url: str | None = None) -> dict:
    """The paper as a CSL-JSON report, at ``url`` (the original's address by default)."""
    return csl_item(
        paper, PAPER_KEY, "report", url or paper.url, genre=paper.genre, language=paper.language
    )


def edition_item(edition: Work, url: str) -> dict:
    """The edition as a CSL-JSON web resource, at the deployment's address."""
    return csl_item(edition, EDITION_KEY, "webpage", url, abstract=edition.abstract)

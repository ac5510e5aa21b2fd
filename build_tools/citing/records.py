"""Records for reference managers: BibTeX, RIS and CSL-JSON, for the paper and for the edition.

Each record is a file of its own under ``downloads/``, named by its citation key, so a reader
imports exactly the work they mean. The fields come from ``metadata.Work``, the same data the
citations and meta tags use.
"""

from __future__ import annotations

import json
import re

from build_tools.citing.metadata import EDITION_KEY, PAPER_KEY, Work, edition_item, paper_item

DOWNLOADS = "downloads"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def record_files(paper: Work, edition: Work, site_url: str) -> dict[str, str]:
    """Every record's text, by its path in the site (``downloads/<key>.<ext>``)."""
    records = {}
    for key, bib, ris, item in (
        (PAPER_KEY, paper_bibtex(paper), paper_ris(paper), paper_item(paper)),
        (
            EDITION_KEY,
            edition_bibtex(edition, paper, site_url),
            edition_ris(edition, paper, site_url),
            edition_item(edition, site_url),
        ),
    ):
        records[f"{DOWNLOADS}/{key}.bib"] = bib
        records[f"{DOWNLOADS}/{key}.ris"] = ris
        records[f"{DOWNLOADS}/{key}.json"] = json.dumps([item], ensure_ascii=False, indent=2) + "\n"
    return records


def _bib_text(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def _bibtex(kind: str, key: str, fields: list[tuple[str, str | None]]) -> str:
    """A BibTeX entry; a value already in braces (or a month macro) is written as it is."""
    width = max(len(name) for name, value in fields if value)
    lines = [f"@{kind}{{{key},"]
    for name, value in fields:
        if value:
            lines.append(f"  {name:<{width}} = {value},")
    return "\n".join(lines) + "\n}\n"


def _braced(text: str, protect: bool = False) -> str:
    """A braced BibTeX value; ``protect`` keeps a name or title exactly as written."""
    inner = _bib_text(text)
    return f"{{{{{inner}}}}}" if protect else f"{{{inner}}}"


def _url(url: str) -> str:
    """A URL as BibTeX's url field takes it: verbatim, never escaped."""
    return f"{{{url}}}"


def _authors(work: Work) -> str:
    # Organisations: each name in its own braces, so BibTeX never splits it into first/last.
    return "{" + " and ".join(f"{{{_bib_text(name)}}}" for name in work.authors) + "}"


def paper_bibtex(paper: Work) -> str:
    """The paper as a BibTeX ``@techreport`` (biblatex reads it as a report)."""
    return _bibtex(
        "techreport",
        PAPER_KEY,
        [
            ("author", _authors(paper)),
            ("title", _braced(paper.title, protect=True)),
            ("institution", _braced(paper.institution, True) if paper.institution else None),
            ("type", _braced(paper.genre) if paper.genre else None),
            ("year", _braced(str(paper.year)) if paper.year else None),
            ("month", _MONTHS[paper.month - 1] if paper.month else None),
            ("language", _braced(paper.language) if paper.language else None),
            ("url", _url(paper.url) if paper.url else None),
        ],
    )


def edition_bibtex(edition: Work, paper: Work, site_url: str) -> str:
    """The edition as a BibTeX ``@misc`` with its address (biblatex and natbib both read it)."""
    return _bibtex(
        "misc",
        EDITION_KEY,
        [
            ("author", _authors(edition)),
            ("title", _braced(edition.title, protect=True)),
            ("howpublished", _braced("Website")),
            ("year", _braced(str(edition.year)) if edition.year else None),
            ("month", _MONTHS[edition.month - 1] if edition.month else None),
            ("url", _url(site_url)),
            ("note", _braced(_edition_note(paper))),
        ],
    )


def _edition_note(paper: Work) -> str:
    genre = paper.genre or "report"
    return f"An annotated edition of: {paper.author}, {paper.title}, {genre}, {paper.year}"


def _ris(lines: list[tuple[str, str | None]]) -> str:
    """An RIS record: one ``TAG  - value`` line per field, ending with ``ER``."""
    body = [f"{tag}  - {value}" for tag, value in lines if value]
    return "\r\n".join([*body, "ER  - ", ""])


def paper_ris(paper: Work) -> str:
    """The paper as an RIS report (``RPRT``)."""
    date = f"{paper.year}/{paper.month:02d}//" if paper.month else None
    return _ris(
        [
            ("TY", "RPRT"),
            ("ID", PAPER_KEY),
            *[("AU", name) for name in paper.authors],
            ("TI", paper.title),
            ("PY", str(paper.year) if paper.year else None),
            ("DA", date),
            ("M3", paper.genre),
            ("PB", paper.institution),
            ("LA", paper.language),
            ("UR", paper.url),
        ]
    )


def edition_ris(edition: Work, paper: Work, site_url: str) -> str:
    """The edition as an RIS web resource (``ELEC``)."""
    return _ris(
        [
            ("TY", "ELEC"),
            ("ID", EDITION_KEY),
            *[("AU", name) for name in edition.authors],
            ("TI", edition.title),
            ("PY", str(edition.year) if edition.year else None),
            ("DA", edition.date.replace("-", "/") or None),
            ("AB", edition.abstract),
            ("N1", _edition_note(paper)),
            ("UR", site_url),
        ]
    )

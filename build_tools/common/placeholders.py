"""Placeholders: where a page of ``docs/`` asks the build to put something the build makes.

A placeholder is an HTML comment, ``<!-- ROOM:NAME -->`` — ``<!-- figure:timeline -->``,
``<!-- glossary:index -->``, ``<!-- editors-notes:list -->``. Markdown passes a comment through
untouched, a contributor reading the page's Markdown sees what goes there, and a page whose
room is switched off shows nothing. Every room that fills one (the glossary, the figures, the
Editor's notes page, citing) writes, finds and fills it through these functions, so the form is
defined here once; the benchmark uses ``PATTERN`` to find the pages hooks fill.
"""

from __future__ import annotations

import re

_NAME = r"[a-z]+(?:[-:][a-z0-9]+)*"
PATTERN = re.compile(rf"<!-- ([a-z]+(?:-[a-z]+)*):({_NAME}) -->")


def placeholder(room: str, name: str) -> str:
    """The placeholder a page holds for ``name`` of ``room``."""
    return f"<!-- {room}:{name} -->"


def names(content: str, room: str) -> list[str]:
    """The names of ``room``'s placeholders in a page's Markdown or HTML, in page order."""
    return [match[2] for match in PATTERN.finditer(content) if match[1] == room]


def fill(content: str, room: str, name: str, made: str) -> str:
    """``content`` with ``room``'s placeholder for ``name`` replaced by what the build made."""
    return content.replace(placeholder(room, name), made)


def holds(content: str, room: str, name: str) -> bool:
    """Whether a page holds ``room``'s placeholder for ``name``."""
    return placeholder(room, name) in content

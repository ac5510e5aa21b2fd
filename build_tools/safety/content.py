"""Contributed content cannot run code: the checks a page must pass before it is published.

Anything under ``docs/`` may come from a stranger's pull request, and Markdown passes raw HTML
through. So every page is checked twice: its file as the contributor wrote it (front matter
included, code blocks and code spans left out, since there they are shown, not run), naming the
line; and the HTML the build made of it, so that no Markdown extension can smuggle anything past
the first check. Refused: script-capable elements, event-handler attributes, ``javascript:``,
``vbscript:`` and ``data:`` addresses, and raw HTML elements outside ``ALLOWED`` (the ones the
edition itself uses; CONTRIBUTING lists them).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements a page may write as raw HTML: what the edition's own pages use.
ALLOWED = frozenset(
    "a abbr br button code details div em kbd p small span strong sub summary sup".split()
)
FORBIDDEN = frozenset("script iframe object embed form style base".split())
URL_ATTRIBUTES = frozenset("href src action formaction xlink:href srcset poster data".split())
_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b([^<>]*)>?")
_HANDLER = re.compile(r"(?:^|[\s\"'/])(on[a-z]+)\s*=", re.IGNORECASE)
_ATTRIBUTE_URL = re.compile(r"([a-zA-Z:-]+)\s*=\s*[\"']?\s*([a-zA-Z]+)\s*:", re.IGNORECASE)
_MARKDOWN_URL = re.compile(
    r"(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|<)\s*(javascript|vbscript|data)\s*:", re.IGNORECASE
)


def _problems_in_line(line: str) -> list[str]:
    found = []
    for match in _MARKDOWN_URL.finditer(line):
        found.append(f"a {match[1].lower()}: address in a link or image")
    for match in _TAG.finditer(line):
        closing, name, rest = match.groups()
        name = name.lower()
        if closing or name in ("http", "https", "mailto") or ":" in name:
            continue  # a closing tag (its opening one is checked), or an autolink <https://…>
        if name in FORBIDDEN:
            found.append(f"a <{name}> element")
        elif name not in ALLOWED:
            found.append(f"raw HTML <{name}> (allowed: {', '.join(sorted(ALLOWED))})")
        handler = _HANDLER.search(rest)
        if handler:
            found.append(f"an event-handler attribute ({handler[1].lower()}=)")
        for attribute, scheme in _ATTRIBUTE_URL.findall(rest):
            if attribute.lower() in URL_ATTRIBUTES and _SCHEME.match(f"{scheme}:"):
                found.append(f"a {scheme.lower()}: address in {attribute.lower()}=")
    return found


def source_problems(text: str) -> list[tuple[int, str]]:
    """Every refused construct in a page's file, with its line (1-based), in file order."""
    problems, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:  # code is shown, not run
            continue
        shown = _CODE_SPAN.sub("", line)
        problems += [(number, problem) for problem in _problems_in_line(shown)]
    return problems


class _HtmlCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in FORBIDDEN:
            self.problems.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"an event-handler attribute ({name}=) on <{tag}>")
            elif name in URL_ATTRIBUTES and value and _SCHEME.match(value):
                self.problems.append(f"a {_SCHEME.match(value)[1].lower()}: address in {name}=")

    handle_startendtag = handle_starttag


# Anything the HTML check could refuse contains one of these: a page without any (nearly every
# page) is not parsed at all, which keeps the check's cost off the build.
_SUSPECT = re.compile(
    r"<(?:script|iframe|object|embed|form|style|base)\b|\son[a-z]+\s*="
    r"|=\s*[\"']?\s*(?:javascript|vbscript|data)\s*:",
    re.IGNORECASE,
)


def html_problems(content: str) -> list[str]:
    """Every refused construct in the HTML the build made of a page (before the build's own
    scripts and figures are added to it)."""
    if not _SUSPECT.search(content):
        return []
    check = _HtmlCheck()
    check.feed(content)
    check.close()
    return check.problems

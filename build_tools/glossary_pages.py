"""What the glossary shows: each entry's header and backlinks, the index, the legal framework
page and the timeline. Markdown where MkDocs should check the links; HTML for the backlinks,
which can only be written once every page has been converted.
"""

from __future__ import annotations

import html
import posixpath
from collections import defaultdict

from build_tools.autolink import Mention
from build_tools.glossary import Entry, Glossary, entry_types
from build_tools.render import escape_inline

COUNT_MARK = "<!--mentions:{path}-->"


def _link(from_path: str, entry: Entry) -> str:
    target = posixpath.relpath(entry.path, posixpath.dirname(from_path))
    return f"[{escape_inline(entry.title)}]({target})"


def _heading(entry: Entry) -> str:
    return {kind.type: kind.heading for kind in entry_types()}[entry.type]


def _folder(entry: Entry) -> str:
    return {kind.type: kind.folder for kind in entry_types()}[entry.type]


def count_mark(entry: Entry) -> str:
    """A placeholder the hook replaces with the entry's mention count once all pages are read."""
    return COUNT_MARK.format(path=entry.path)


def entry_header(entry: Entry, index_path: str) -> str:
    """The Markdown that opens an entry's page: title, summary, and the facts in front matter."""
    kind = posixpath.relpath(index_path, posixpath.dirname(entry.path))
    facts = [f"- **Type:** [{escape_inline(entry.type)}]({kind}#{_folder(entry)})"]
    if entry.year:
        facts.append(f"- **Year:** {entry.year}")
    if entry.issued_by:
        facts.append(f"- **Issued by:** {escape_inline(entry.issued_by)}")
    if entry.aliases:
        names = "; ".join(f"“{escape_inline(a)}”" for a in entry.aliases)
        facts.append(f"- **Also named in the paper:** {names}")
    return (
        f"# {escape_inline(entry.title)}\n\n"
        f"{escape_inline(entry.summary)}\n{{: .entry-summary }}\n\n" + "\n".join(facts) + "\n\n"
    )


def index_markdown(glossary: Glossary, index_path: str) -> str:
    """The glossary index: entries grouped by type with mention counts, then an A–Z."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in glossary.entries:
        groups[entry.type].append(entry)
    out = []
    for kind in entry_types():
        entries = sorted(groups.get(kind.type, []), key=lambda e: e.title.casefold())
        if not entries:
            continue
        out += [f"## {kind.heading} ({len(entries)}) {{ #{kind.folder} }}", ""]
        out += [
            f"- {_link(index_path, e)} <small>{count_mark(e)}</small> — {escape_inline(e.summary)}"
            for e in entries
        ]
        out.append("")
    out += ["## A–Z { #a-z }", "", "Every name the paper uses, with the entry it leads to.", ""]
    names = sorted(
        ((term, entry) for entry in glossary.entries for term in entry.terms),
        key=lambda pair: pair[0].casefold().lstrip("“‘'"),
    )
    letter = ""
    for term, entry in names:
        first = term.lstrip("“‘'")[:1].upper()
        first = first if first.isalpha() else "#"
        if first != letter:
            letter = first
            out += [
                "",
                f"### {letter} {{ #letter-{letter.lower() if letter != '#' else 'other'} }}",
                "",
            ]
        if term == entry.title:
            out.append(f"- {_link(index_path, entry)}")
        else:
            out.append(f"- {escape_inline(term)} → {_link(index_path, entry)}")
    return "\n".join(out) + "\n"


def framework_markdown(glossary: Glossary, page_path: str) -> str:
    """Panel 1's five levels of legal instrument, the constitution above them, with entries."""
    out = []
    for kind in entry_types():
        if kind.level is None:
            continue
        entries = sorted(
            (e for e in glossary.entries if e.type == kind.type), key=lambda e: e.title.casefold()
        )
        out += [f"## {kind.level}. {kind.heading} {{ #{kind.folder} }}", ""]
        out += [
            f"- {_link(page_path, e)}"
            + (f" ({e.year})" if e.year else "")
            + f" <small>{count_mark(e)}</small>"
            for e in entries
        ]
        out.append("")
    return "\n".join(out)


def timeline_markdown(glossary: Glossary, page_path: str) -> str:
    """Every entry for which the paper gives a year, by year."""
    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in glossary.entries:
        if entry.year:
            by_year[entry.year].append(entry)
    out = []
    for year in sorted(by_year):
        out += [f"## {year} {{ #y{year} }}", ""]
        out += [
            f"- {_link(page_path, e)} — {escape_inline(e.type)}"
            for e in sorted(by_year[year], key=lambda e: e.title.casefold())
        ]
        out.append("")
    return "\n".join(out)


def count_text(count: int) -> str:
    """How a mention count reads in the index."""
    return "no mentions" if count == 0 else f"{count} mention{'s' if count != 1 else ''}"


def backlinks_html(
    pages: list[tuple[str, str, list[tuple[str, Mention]]]], related: list[tuple[str, str]]
) -> str:
    """The "Mentioned in" section: per page (title, count), each mention's quoted sentence.

    ``pages`` holds (title, page url, [(url of the paragraph, mention)]) in reading order;
    ``related`` holds (title, url) of other entries that mention this one.
    """
    total = sum(len(items) for _, _, items in pages)
    out = [
        '<h2 id="mentioned-in">Mentioned in</h2>',
        f'<p class="backlinks-summary">{count_text(total).capitalize()} in the paper, '
        f"on {len(pages)} page{'s' if len(pages) != 1 else ''}.</p>",
        '<div class="backlinks">',
    ]
    for title, url, items in pages:
        out.append(
            f'<h3 class="backlinks-page"><a href="{html.escape(url)}">{html.escape(title)}</a> '
            f'<span class="backlinks-count">({len(items)})</span></h3>'
        )
        out.append("<ol>")
        for target, mention in items:
            label = html.escape(mention.block_id or "top")
            quote = (
                f"{html.escape(mention.before)}<mark>{html.escape(mention.text)}</mark>"
                f"{html.escape(mention.after)}"
            )
            out.append(
                f'<li><a class="backlink" href="{html.escape(target)}" '
                f'title="Go to this paragraph">¶&nbsp;{label}</a> <q>{quote}</q></li>'
            )
        out.append("</ol>")
    out.append("</div>")
    if related:
        out.append('<h2 id="related-entries">Entries that mention it</h2>')
        out.append("<ul>")
        out += [f'<li><a href="{html.escape(u)}">{html.escape(t)}</a></li>' for t, u in related]
        out.append("</ul>")
    return "\n".join(out)

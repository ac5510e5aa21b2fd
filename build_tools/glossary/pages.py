"""What the glossary shows besides an entry's frame (``entry_frame.py``): each entry's
backlinks, the index, the legal framework page, the timeline and the Sources page.

The lists and the backlinks are HTML, written once every page has been converted (they need the
mention counts); their links come from the entries themselves and MkDocs' own page URLs, so
they cannot point nowhere.
"""

from __future__ import annotations

import html
import posixpath
import xml.etree.ElementTree as etree
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from build_tools.common.pinpoint import label
from build_tools.common.placeholders import fill, placeholder
from build_tools.glossary.autolink import Mention
from build_tools.glossary.entries import Entry, Glossary, entry_types
from build_tools.glossary.entry_frame import add, element

# The glossary's placeholders (``common.placeholders``): a generated page's, its lists', and
# the Sources page's.
ROOM = "glossary"


@dataclass(frozen=True)
class ListContext:
    """What the generated lists need: each entry's URL from this page, and its mention count."""

    url: Callable[[Entry], str]
    count: Callable[[Entry], int]


@dataclass(frozen=True)
class Section:
    """A heading of a generated page, and how its list's rows read."""

    title: str
    id: str
    level: int
    style: str  # "summary", "alias", "year" or "type"


Group = tuple[Section, list[tuple[str, Entry]]]  # rows: (the name shown, its entry)


def _by_title(entries) -> list[tuple[str, Entry]]:
    return [(e.title, e) for e in sorted(entries, key=lambda e: e.title.casefold())]


def index_groups(glossary: Glossary) -> list[Group]:
    """The glossary index: entries grouped by type, then every name A–Z."""
    groups: list[Group] = []
    for kind in entry_types():
        rows = _by_title(e for e in glossary.entries if e.type == kind.type)
        if rows:
            groups.append(
                (Section(f"{kind.heading} ({len(rows)})", kind.folder, 2, "summary"), rows)
            )
    groups.append((Section("A–Z", "a-z", 2, "alias"), []))
    names = sorted(
        ((term, entry) for entry in glossary.entries for term in entry.terms),
        key=lambda pair: pair[0].casefold().lstrip("“‘'"),
    )
    for term, entry in names:
        first = term.lstrip("“‘'")[:1].upper()
        letter = first if first.isalpha() else "#"
        if groups[-1][0].title != letter:
            anchor = f"letter-{letter.lower()}" if letter != "#" else "letter-other"
            groups.append((Section(letter, anchor, 3, "alias"), []))
        groups[-1][1].append((term, entry))
    return groups


def framework_groups(glossary: Glossary) -> list[Group]:
    """Panel 1's five levels of legal instrument, the constitution above them."""
    return [
        (
            Section(f"{kind.level}. {kind.heading}", kind.folder, 2, "year"),
            _by_title(e for e in glossary.entries if e.type == kind.type),
        )
        for kind in entry_types()
        if kind.level is not None
    ]


def timeline_groups(glossary: Glossary) -> list[Group]:
    """Every entry for which the paper gives a year, by year."""
    by_year: dict[int, list[Entry]] = defaultdict(list)
    for entry in glossary.entries:
        if entry.year:
            by_year[entry.year.value].append(entry)
    return [(Section(str(y), f"y{y}", 2, "type"), _by_title(by_year[y])) for y in sorted(by_year)]


GROUPS = {"index": index_groups, "framework": framework_groups, "timeline": timeline_groups}


def skeleton(name: str, glossary: Glossary) -> str:
    """The Markdown of a generated page: its headings (MkDocs checks anchors to them), and a
    marker for each list, filled in once the mention counts are known."""
    out = []
    for section, _ in GROUPS[name](glossary):
        out += [f"{'#' * section.level} {section.title} {{ #{section.id} }}", ""]
        out += [placeholder(ROOM, f"list:{section.id}"), ""]
    return "\n".join(out)


def _row(section: Section, name: str, entry: Entry, ctx: ListContext) -> str:
    link = f'<a href="{html.escape(ctx.url(entry))}">{html.escape(entry.title)}</a>'
    if section.style == "alias":
        return (
            f"<li>{link}</li>" if name == entry.title else f"<li>{html.escape(name)} → {link}</li>"
        )
    if section.style == "type":
        return f"<li>{link} — {html.escape(entry.type)}</li>"
    count = f"<small>{count_text(ctx.count(entry))}</small>"
    if section.style == "year":
        # A title that carries a year already ("(2017 Revision)") does not get it twice.
        shown = entry.year and str(entry.year.value) not in entry.title
        year = f" ({entry.year.value})" if shown else ""
        return f"<li>{link}{year} {count}</li>"
    return f"<li>{link} {count} — {html.escape(entry.summary)}</li>"


def fill_lists(name: str, glossary: Glossary, content: str, ctx: ListContext) -> str:
    """The page's HTML with every list marker replaced by its list."""
    for section, rows in GROUPS[name](glossary):
        if rows:
            items = "\n".join(_row(section, label, entry, ctx) for label, entry in rows)
            listing = f'<ul class="glossary-list">\n{items}\n</ul>'
        else:
            listing = ""
        content = fill(content, ROOM, f"list:{section.id}", listing)
    return content


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
            place = html.escape(label(mention.block_id) if mention.block_id else "top of page")
            quote = (
                f"{html.escape(mention.before)}<mark>{html.escape(mention.text)}</mark>"
                f"{html.escape(mention.after)}"
            )
            out.append(
                f'<li><a class="backlink" href="{html.escape(target)}" '
                f'title="Go to this paragraph">¶&nbsp;{place}</a> <q>{quote}</q></li>'
            )
        out.append("</ol>")
    out.append("</div>")
    if related:
        out.append('<h2 id="related-entries">Entries that mention it</h2>')
        out.append("<ul>")
        out += [f'<li><a href="{html.escape(u)}">{html.escape(t)}</a></li>' for t, u in related]
        out.append("</ul>")
    return "\n".join(out)


SOURCES = "sources"


def sources_page(glossary: Glossary, from_page: str) -> list[etree.Element]:
    """Every source the glossary cites, grouped by the class of its publisher (the registry's
    order: the issuer, state media, legal publishers, news, reference works, international
    organisations), then by publisher, each with the entries citing it: the elements that end
    the Sources page (``from_page``)."""
    cited: dict[str, dict[str, list[Entry]]] = defaultdict(lambda: defaultdict(list))
    first: dict[str, object] = {}
    for entry in glossary.entries:
        for source in entry.sources:
            cited[source.publisher][source.url].append(entry)
            first.setdefault(source.url, source)
    registry = glossary.registry
    klass = {p.name: p.klass for p in registry.publishers} if registry else {}
    classes = list(registry.classes) if registry else []
    here = posixpath.dirname(from_page)
    total = sum(len(urls) for urls in cited.values())
    http = sum(1 for source in first.values() if source.url.startswith("http://"))
    out = [
        element(
            "p",
            f"{total} sources from {len(cited)} publishers; {total - http} of them "
            f"({round(100 * (total - http) / total) if total else 0} %) at https addresses, the "
            f"other {http} on sites where no https address was found.",
        )
    ]
    groups = [(c.id, c.heading) for c in classes] or [(None, "Publishers")]
    for group, heading in groups:
        publishers = [p for p in cited if klass.get(p) == group or group is None]
        if not publishers:
            continue
        count = sum(len(cited[p]) for p in publishers)
        out.append(element("h2", f"{heading} ({count})", id=f"class-{group or 'all'}"))
        for publisher in sorted(publishers, key=str.casefold):
            urls = cited[publisher]
            out.append(element("h3", f"{publisher} ({len(urls)})"))
            out.append(_source_rows(urls, first, here))
    if registry and registry.refused:
        out.append(element("h2", f"Refused ({len(registry.refused)} hosts)", id="refused"))
        out.append(
            element(
                "p",
                "Hosts the edition never cites, and why; a build that cites "
                "one stops and says what to cite instead.",
            )
        )
        rows = element("ul", "\n")
        for refusal in sorted(registry.refused, key=lambda r: r.host):
            row = add(rows, element("li"), "\n")
            add(row, element("code", refusal.host), f" — {refusal.reason}")
        out.append(rows)
    return out


def _source_rows(urls: dict[str, list[Entry]], first: dict, here: str) -> etree.Element:
    rows = element("ul", "\n")
    for url in sorted(urls, key=lambda u: first[u].title.casefold()):
        source = first[url]
        row = add(rows, element("li"), "\n")
        kind = source.kind.replace("-", " ")
        add(row, element("a", source.title, href=url), f" — {kind}; cited by ")
        citing = sorted(urls[url], key=lambda e: e.title.casefold())
        for number, entry in enumerate(citing):
            link = element("a", entry.title, href=posixpath.relpath(entry.path, here))
            add(row, link, ", " if number + 1 < len(citing) else None)
    return rows

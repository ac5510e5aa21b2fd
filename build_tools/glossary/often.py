"""The "Often mentioned with" section that ends an entry's page: the entries the paper names
most often in the same paragraphs as this one, each with the paragraphs where they meet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from build_tools.common.pinpoint import label
from build_tools.figures.figure import link, plural
from build_tools.figures.svg import tag, text
from build_tools.glossary.comentions import CoMentions, Paragraph
from build_tools.glossary.entries import Entry

LIMIT = 5  # entries listed; the Connections page has them all


def often_mentioned_html(
    key: str,
    co: CoMentions,
    entries: Mapping[str, Entry],
    entry_url: Callable[[str], str],
    paragraph_url: Callable[[Paragraph], str],
    connections_url: str,
) -> str:
    """The section's HTML, or "" when the paper names the entry with no other."""
    partners = co.partners(key)
    if not partners:
        return ""
    items = []
    for other, where in partners[:LIMIT]:
        places = ", ".join(link(paragraph_url(p), text(label(p.block_id))) for p in where)
        items.append(
            tag(
                "li",
                {},
                link(entry_url(other), text(entries[other].title)),
                f" <small>({plural(len(where), 'paragraph')})</small>: {places}",
            )
        )
    more = len(partners) - LIMIT
    page = link(connections_url, "Connections")
    rest = (
        f"{plural(more, 'more entry', 'more entries')} on the {page} page."
        if more > 0
        else f"All the entries named together: the {page} page."
    )
    return "\n".join(
        [
            '<h2 id="often-mentioned-with">Often mentioned with</h2>',
            tag(
                "p",
                {"class": "often-summary"},
                "The entries the paper names most often in the same paragraphs as this one, "
                f"with the paragraphs where they meet. {rest}",
            ),
            tag("ul", {"class": "often-with"}, *items),
        ]
    )

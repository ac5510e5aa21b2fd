"""What has changed since the paper: the "Since the paper" page and its Atom feed.

Both are made from the entries' ``history`` (``build_tools.glossary.history``): every event
after the paper's publication on 16 March 2023, newest first, with the instrument, what
happened and the source. The page is ``glossary/since-the-paper.md`` (its list fills the
placeholder ``<!-- glossary:since -->``); the feed is ``feed.xml`` at the site's root, which
every page links as ``rel="alternate"`` so that a reader's feed reader finds it.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from build_tools.common.pinpoint import label
from build_tools.glossary.entries import Entry, Glossary
from build_tools.glossary.history import PAPER_DATE, Date, Event

PAGE = "glossary/since-the-paper.md"
PLACEHOLDER = "since"
FEED_FILE = "feed.xml"


def changes(glossary: Glossary) -> list[tuple[Event, Entry]]:
    """Every event after the paper, newest first (then by instrument)."""
    found = [(event, entry) for entry in glossary.entries for event in entry.since_paper]
    found.sort(key=lambda pair: pair[1].title.casefold())
    found.sort(key=lambda pair: pair[0].date.first_day(), reverse=True)
    return found


def last_check(glossary: Glossary) -> Date | None:
    """The latest day on which an instrument's status was checked."""
    days = [entry.status_checked for entry in glossary.entries if entry.status_checked]
    return max(days, key=lambda day: day.last_day()) if days else None


def _source_markdown(entry: Entry, where: str) -> str:
    if where.startswith("paper:"):
        return f"the paper, {label(where.removeprefix('paper:'))}"
    source = entry.source(where)
    return f"[{source.publisher}]({where})"


def page_markdown(glossary: Glossary, feed_url: str, from_page: str = PAGE) -> str:
    """The page's generated part: what it covers and when it was checked, then the list.
    ``feed_url`` is the feed's address relative to the page (MkDocs does not know the file)."""
    checked = last_check(glossary)
    instruments = sum(1 for entry in glossary.entries if entry.is_instrument)
    found = changes(glossary)
    out = [
        f"The paper describes China’s cyber law as it stood when it was published, on "
        f"{Date(PAPER_DATE).readable()}. This page lists, newest first, every event after that "
        "date that the edition records for an instrument the paper names — amendments, "
        "revisions, implementing rules, entries into force — each with the source it comes "
        f"from. The status of all {instruments} instruments was last checked on "
        f"{checked.readable() if checked else 'no date'}; an instrument with no event here had "
        "no change found since the paper, and its entry says what was searched.",
        "",
        f"{len(found)} events so far. Follow them in a feed reader: "
        f'<a href="{html.escape(feed_url)}" type="application/atom+xml">{FEED_FILE}</a> (Atom).',
        "",
    ]
    for event, entry in found:
        link = posixpath.relpath(entry.path, posixpath.dirname(from_page))
        source = _source_markdown(entry, event.source)
        out.append(
            f"- **{event.date.readable()}** — [{entry.title}]({link}): "
            f"{event.describe().rstrip('.')} ({source})"
        )
    return "\n".join(out) + "\n"


def _day(date: Date) -> dt.datetime:
    return dt.datetime.combine(date.first_day(), dt.time(), tzinfo=dt.UTC)


def feed_xml(glossary: Glossary, site_url: str, entry_url) -> bytes:
    """The Atom feed: one entry per event after the paper, with a stable id (the instrument's
    page and the event's date and kind), newest first. ``entry_url`` gives an entry's address."""
    site = site_url.rstrip("/") + "/"
    authority = urlsplit(site).hostname or "localhost"
    feed = FeedGenerator()
    feed.id(f"tag:{authority},2026:since-the-paper")
    feed.title("Since the paper: changes to the instruments it names")
    feed.subtitle(
        "Amendments, revisions and implementing rules after 16 March 2023, from the annotated "
        "edition of China’s Law-Based Cyberspace Governance in the New Era."
    )
    feed.link(href=site + FEED_FILE, rel="self")
    feed.link(href=site + PAGE.removesuffix(".md") + ".html", rel="alternate")
    feed.language("en")
    checked = last_check(glossary)
    feed.updated(_day(checked or Date(PAPER_DATE)))
    for event, entry in reversed(changes(glossary)):  # feedgen puts the last added first
        item = feed.add_entry()
        item.id(
            f"tag:{authority},2026:{entry.path.removesuffix('.md')}/{event.date.iso}/{event.kind}"
        )
        what = event.describe().rstrip(".")
        item.title(f"{entry.title}: {what} ({event.date.readable()})")
        item.link(href=entry_url(entry))
        item.updated(_day(event.date))
        item.published(_day(event.date))
        where = entry.source(event.source)
        cited = f"{where.title} ({where.publisher}), {where.url}" if where else event.source
        item.summary(f"{event.date.readable()}: {what}. Source: {cited}")
        item.content(
            f"<p>{html.escape(event.date.readable())}: {html.escape(what)}.</p>"
            f"<p>Source: {html.escape(cited)}</p>",
            type="html",
        )
    return feed.atom_str(pretty=True)

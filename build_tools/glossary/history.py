"""An instrument's life as data: dated events, each sourced, and its status as of a check.

Each entry for a legal instrument carries ``history`` (adopted, in force, amended, revised,
repealed, implementing rules issued …), ``legal_status`` as of ``status_checked``, and, where
nothing happened since the paper, ``status_search`` (what was searched). The status line, the
"History" list, the "Since the paper" page, the timeline's band after the paper and the Atom
feed are all generated from these events, and the build refuses a status the events contradict.
(Not ``status``: Material for MkDocs reads that key as a navigation badge.)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# The paper's publication (State Council Information Office, 16 March 2023).
PAPER_DATE = "2023-03-16"
EVENTS = {
    "adopted": "Adopted",
    "promulgated": "Promulgated",
    "issued": "Issued",
    "signed": "Signed",
    "proposed": "Proposed",
    "published": "Published",
    "in-force": "In force",
    "amended": "Amended",
    "revised": "Revised",
    "interpretation": "Interpreted",
    "implementing-rules": "Implementing rules issued",
    "repealed": "Repealed",
    "replaced": "Replaced",
    "superseded": "Superseded",
    "edition": "New edition",
}
# The events that make an instrument (its year), and those that change it (its latest revision).
MADE = ("adopted", "promulgated", "issued", "signed", "proposed", "published")
CHANGED = ("amended", "revised")
ENDED = ("repealed", "replaced", "superseded")
# A status and the event that must back it (None: it must have no changing event since the paper).
STATUSES = {
    "in-force": None,
    "not-binding": None,
    "amended": "amended",
    "revised": "revised",
    "repealed": "repealed",
    "replaced": "replaced",
    "superseded": "superseded",
}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True, order=True)
class Date:
    """A date as precise as its source: a day, a month, or a year alone (ISO ``2025-10-28``,
    ``2025-10``, ``2025``)."""

    iso: str

    @property
    def year(self) -> int:
        """The year."""
        return int(self.iso[:4])

    def readable(self) -> str:
        """How a reader sees it: "28 October 2025", "October 2025", "2025"."""
        year, month, day = _DATE.match(self.iso).groups()
        if day:
            return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
        if month:
            return f"{MONTHS[int(month) - 1]} {year}"
        return year

    def after(self, other: str) -> bool:
        """Whether this date falls after ``other`` (ISO); a month or year alone counts as its
        last day, so "2023" is not after the paper's 16 March 2023, and "2023-04" is."""
        return self.last_day() > dt.date.fromisoformat(other)

    def last_day(self) -> dt.date:
        """The latest day the date can mean."""
        year, month, day = _DATE.match(self.iso).groups()
        if day:
            return dt.date(int(year), int(month), int(day))
        if month:
            following = dt.date(int(year) + int(month) // 12, int(month) % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(int(year), 12, 31)

    def first_day(self) -> dt.date:
        """The earliest day the date can mean (for sorting and feeds)."""
        year, month, day = _DATE.match(self.iso).groups()
        return dt.date(int(year), int(month or 1), int(day or 1))


def parse_date(value) -> Date | None:
    """A ``Date`` from a YAML value (a date, an ISO string, or a year), or None if not one."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Date(value.isoformat())
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    if isinstance(value, str) and _DATE.match(value.strip()):
        iso = value.strip()
        try:
            Date(iso).first_day()
            Date(iso).last_day()
        except ValueError:
            return None
        return Date(iso)
    return None


@dataclass(frozen=True)
class Event:
    """One dated, sourced event in an instrument's life."""

    date: Date
    kind: str
    source: str  # paper:<paragraph id>, or the url of one of the entry's sources
    text: str | None = None
    line: int = 0

    @property
    def since_paper(self) -> bool:
        """Whether it happened after the paper was published."""
        return self.date.after(PAPER_DATE)

    def describe(self) -> str:
        """The event in a few words: its kind, then its text."""
        name = EVENTS[self.kind]
        return f"{name}: {self.text}" if self.text else name


def contradiction(status: str, events: tuple[Event, ...]) -> str:
    """Why ``status`` contradicts the events, or "" when it does not."""
    needed = STATUSES[status]
    if needed in CHANGED:
        if not any(e.kind == needed and e.since_paper for e in events):
            return (
                f"legal_status '{status}' needs an '{needed}' event after the paper ({PAPER_DATE})"
            )
    elif needed:
        if not any(e.kind == needed for e in events):
            return f"legal_status '{status}' needs a '{needed}' event"
    else:
        changed = [e for e in events if e.since_paper and e.kind in CHANGED + ENDED]
        if changed:
            return (
                f"legal_status '{status}' says nothing changed, but the history has "
                f"'{changed[0].kind}' on {changed[0].date.iso}: say so in the status"
            )
    return ""


def status_words(status: str, events: tuple[Event, ...]) -> str:
    """The status as a reader sees it: "In force, amended since the paper (28 October 2025, in
    force 1 January 2026)", "Repealed (1 May 2021)", "No change found since the paper"."""
    later = [e for e in events if e.since_paper]
    if status in ("amended", "revised"):
        change = max((e for e in later if e.kind == status), key=lambda e: e.date)
        force = next(
            (e for e in later if e.kind == "in-force" and e.date > change.date),
            None,
        )
        when = change.date.readable() + (f", in force {force.date.readable()}" if force else "")
        return f"In force, {status} since the paper ({when})"
    if status in ENDED:
        end = max((e for e in events if e.kind == status), key=lambda e: e.date)
        words = f"{EVENTS[status]} ({end.date.readable()})"
        return f"{words}: {end.text}" if end.text else words
    lead = "In force" if status == "in-force" else "Not a binding instrument"
    rules = [e for e in later if e.kind in ("implementing-rules", "interpretation")]
    if rules:
        latest = max(rules, key=lambda e: e.date)
        return f"{lead}; {EVENTS[latest.kind].lower()} since the paper ({latest.date.readable()})"
    return f"{lead}; no change found since the paper"

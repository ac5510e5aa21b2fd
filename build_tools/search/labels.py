"""Search results that say where they come from: "Paper ·", "Glossary ·", "About ·".

Material's results show a section's title and text but not the part of the site it belongs to,
so a glossary entry and a chapter passage look alike. The label is added to each entry of the
search index just before the search plugin writes it.
"""

from __future__ import annotations

PARTS = (("glossary/", "Glossary"), ("about/", "About"), ("developers/", "Developers"))
PAPER = "Paper"


def part_of_site(location: str) -> str:
    """The part of the site a search location belongs to (everything else is the paper)."""
    for prefix, name in PARTS:
        if location.startswith(prefix):
            return name
    return PAPER


def label_entries(entries: list[dict]) -> None:
    """Prefix each search entry's title with its part of the site, once."""
    for entry in entries:
        label = f"{part_of_site(entry['location'])} · "
        if not entry["title"].startswith(label):
            entry["title"] = label + entry["title"]

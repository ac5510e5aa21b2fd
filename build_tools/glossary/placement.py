"""Where an entry stands in the site: Glossary › its kind › the entry, and its neighbours.

Entries are kept out of the sidebar (there are over a hundred), but each is placed under a
section for its kind, inside the Glossary tab: Material then highlights the tab, shows the
breadcrumb, and its footer leads to the previous and next entry of the same kind.
"""

from __future__ import annotations

from mkdocs.structure.nav import Link, Section

from build_tools.glossary.entries import Glossary, entry_types


def place_entries(glossary: Glossary, nav, files, index_page: str, tab_title: str) -> None:
    """Give every entry page a parent section for its kind, and same-kind neighbours."""
    tab = next((item for item in nav.items if item.title == tab_title), None)
    index_url = files.get_file_from_path(index_page).url
    for kind in entry_types():
        entries = sorted(
            (e for e in glossary.entries if e.type == kind.type), key=lambda e: e.title.casefold()
        )
        pages = [files.get_file_from_path(e.path).page for e in entries]
        if not pages or any(page is None for page in pages):
            continue
        section = Section(kind.heading, [Link(kind.heading, f"{index_url}#{kind.folder}")])
        section.parent = tab
        for number, page in enumerate(pages):
            page.parent = section
            page.previous_page = pages[number - 1] if number else None
            page.next_page = pages[number + 1] if number + 1 < len(pages) else None

"""Convert time: the seed and the editorial map become the Markdown pages committed in ``docs/``.

Runs when a maintainer re-converts (``python -m build_tools convert``) and in ``verify``. What
``mkdocs build`` shares with it, and why: the editorial map (``editorial_map.load_map`` and
``paper_files``, parsed once per version of the file), which says which pages are the paper;
the generated pages' names (``home.HOME_FILE``, ``print_page.PRINT_FILE``,
``editorial_notes.EDITORIAL_NOTES_FILE`` and ``locate``); and ``convert.read_edition``, which the
scan-correction marks call once per build to find where each correction stands on a page — it
re-reads the seed and rebuilds the structure (tens of milliseconds), so that the marks and the
pages can never disagree. Nothing here writes a file during a build.
"""

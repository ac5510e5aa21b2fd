"""Build time: the Editor's notes page, which lists every editor's note of the edition; called
from ``hooks/editors_notes.py``. (The notes themselves are found as the converter finds them,
``build_tools.edition.notes``.)
"""

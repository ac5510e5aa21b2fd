"""Build time: the edition's own Python-Markdown extensions — a permalink on every paragraph
that has an id, and outside links marked as such — added by ``hooks/markdown.py``.
"""

"""Build time: glossary entries, the term matcher, auto-links, the mention index and the
glossary's generated pages, called from ``hooks/glossary.py`` inside ``mkdocs build``.
"""

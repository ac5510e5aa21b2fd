"""Build time: search — where each result comes from ("Paper ·", "Glossary ·"), Chinese titles
as whole words, and every ranking weight the edition sets; called from ``hooks/search.py`` and
the glossary's build.
"""

"""Build time: the figures drawn from the glossary and the mention index — the timeline, the
legal framework, the connections graph — called from ``hooks/figures.py``, which also ends each
entry's page with its "Often mentioned with" list (``build_tools.glossary.often``).
"""

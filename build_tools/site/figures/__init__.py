"""Build time: the figures drawn from the glossary and the mention index — the timeline, the
legal framework, the connections graph — and each entry's "Often mentioned with" list, called
from ``hooks/figures.py``.
"""

"""Build time: citing the paper — each paragraph's citation (Chicago and APA, by the official
CSL styles), the records to download, and the meta tags reference managers read; called from
``hooks/citations.py``.
"""

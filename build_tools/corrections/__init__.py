"""Build time: the scan-correction marks — each correction of the editorial map shown where
the edition prints it, for the "Show corrections" switch; called from ``hooks/corrections.py``.
"""

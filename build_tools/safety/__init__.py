"""Build time: safe to accept pull requests — contributed content that could run code is
refused (``content``), and every page carries a Content-Security-Policy that lets only the
site's own scripts and styles run (``policy``); called from ``hooks/safety.py``.
"""

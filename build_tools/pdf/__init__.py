"""After the build: the whole paper as a PDF (``python -m build_tools pdf``, ``make pdf``),
printed by Chromium from the built site. Only ``link`` is used during the build: it writes the
hidden link that ``publish`` fills in once the PDF exists.
"""

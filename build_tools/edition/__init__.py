"""Convert time: the seed and the editorial map become the Markdown pages committed in ``docs/``.

Runs when a maintainer re-converts (``python -m build_tools convert``) and in ``verify``; never
during ``mkdocs build``.
"""

"""Tools that turn the scanned white paper into the edition's Markdown pages, and check them."""

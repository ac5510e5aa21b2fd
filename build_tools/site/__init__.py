"""Build time, besides the glossary: paragraph links, the Editor's notes page and other pieces
of the site that MkDocs hooks call.
"""

"""MkDocs hooks of the edition: thin glue between MkDocs events and ``build_tools``."""

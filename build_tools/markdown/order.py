"""The order of the edition's tree processors in Python-Markdown, in one place.

Python-Markdown runs tree processors from the highest priority to the lowest: its inline
processor (20), the prettifier (10), ``attr_list`` (8), the table of contents (5), and last
MkDocs' relative-path processor (0), which rewrites and checks every ``.md`` link. Each of the
edition's processors needs some of these before it and some after; the reasons are here, beside
the numbers, so that adding one means reading one list.
"""

# The glossary's entry frame (header and Sources list), built as elements: after the inline
# processor has worked on the entry's own text, which the frame is not; before the prettifier,
# attr_list, the table of contents, the auto-linker and MkDocs' link rewriting, which all treat
# the frame like the text.
ENTRY_FRAME = 15
# Paragraph permalinks (¶) and table-row ids: after attr_list has set the paragraphs' ids.
PARAGRAPH_LINKS = 6
# Auto-links to the glossary: after attr_list and the permalinks have set ids and after the
# table of contents has read the headings; before MkDocs rewrites relative links, so that it
# rewrites and checks the auto-links too.
AUTOLINK = 4
# Outside links marked as such: after the inline processor has made the links; their order
# among the later processors does not matter.
EXTERNAL_LINKS = 3
# Scan-correction marks: after the auto-links (a mark must not split a linked name's text
# before the linker has seen it); before MkDocs rewrites and checks the marks' links.
CORRECTION_MARKS = 2

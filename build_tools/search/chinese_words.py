"""Chinese titles as whole words for search: Material segments Chinese text with ``jieba``.

Without help jieba cuts 中华人民共和国网络安全法 into 中华人民共和国 / 网络安全 / 法.
Material's search worker cuts a Chinese query into the longest words its index knows, so a
reader typing 网络安全法 got 网络安全 and 法, and every page about cyberspace.
Each Chinese title without the country's name is taught to jieba as one word before the
search plugin indexes the pages: the index then holds 中华人民共和国 + 网络安全法, and either
part finds the entry.
"""

from __future__ import annotations

from build_tools.glossary.entries import Glossary

COUNTRY = "中华人民共和国"


def chinese_words(glossary: Glossary) -> list[str]:
    """Every Chinese title without the country's name (the country's name is a word already)."""
    return sorted({e.title_zh.removeprefix(COUNTRY) for e in glossary.entries if e.title_zh} - {""})


def teach_jieba(glossary: Glossary) -> None:
    """Add the words to jieba's dictionary, when jieba (and so Chinese search) is installed."""
    try:
        import jieba
    except ImportError:
        return
    for word in chinese_words(glossary):
        jieba.add_word(word, freq=10**6)


def search_keys(entry) -> list[str]:
    """The one-word names a reader types to find an entry that the paper never uses: its Chinese
    title (whole and short) and abbreviations from ``also_known_as`` (PIPL, NPCSC). They become
    the page's search tags, which Material weighs far above titles and text, so the entry comes
    first for them; names of several words stay in the text, or every entry that shares a word
    with a query would jump ahead of the paper. Without the tags plugin tags are not shown."""
    keys = [name for name in entry.also_known_as if " " not in name.strip()]
    if entry.title_zh:
        keys += [entry.title_zh, entry.title_zh.removeprefix(COUNTRY)]
    return list(dict.fromkeys(key for key in keys if key))

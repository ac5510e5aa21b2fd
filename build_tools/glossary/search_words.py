"""Chinese titles as whole words for search: Material segments Chinese text with ``jieba``.

Without help jieba cuts 中华人民共和国网络安全法 into 中华人民共和国 / 网络安全 / 法, and a reader
typing 网络安全法 finds nothing; each entry's Chinese title, with and without the country's name,
is taught to jieba as one word before the search plugin indexes the pages.
"""

from __future__ import annotations

from build_tools.glossary.entries import Glossary

COUNTRY = "中华人民共和国"


def chinese_words(glossary: Glossary) -> list[str]:
    """Every Chinese title, and its short form without the country's name."""
    words = set()
    for entry in glossary.entries:
        if entry.title_zh:
            words.add(entry.title_zh)
            short = entry.title_zh.removeprefix(COUNTRY)
            if short and short != entry.title_zh:
                words.add(short)
    return sorted(words)


def teach_jieba(glossary: Glossary) -> None:
    """Add the words to jieba's dictionary, when jieba (and so Chinese search) is installed."""
    try:
        import jieba
    except ImportError:
        return
    for word in chinese_words(glossary):
        jieba.add_word(word, freq=10**6)

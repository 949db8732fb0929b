"""Folds names for search so that Müller = Mueller = Muller and Weiß = Weiss.

Both the indexed text and the typed query go through :func:`fold`, so the rules only need
to map every spelling to one key, not to be a faithful transliteration.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans(
    {
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ı": "i", "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l",
    }
)
# German umlauts written out (Mueller) fold to the plain vowel, like the decomposed ü.
_UMLAUT_SPELLING = re.compile(r"([aou])e")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# Combining marks that decomposition leaves behind: Latin, Greek and Cyrillic diacritics,
# Hebrew points, Arabic harakat. A regex strips them many times faster than a per-character loop.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
    "\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u1ab0-\u1aff"
    "\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f]"
)


def fold_once(text: str) -> str:
    """:func:`fold` without its cache, for text that is unique anyway (e-mail addresses)."""
    if text.isascii():  # most names and every e-mail: nothing to decompose
        return _UMLAUT_SPELLING.sub(r"\1", text.lower())
    text = unicodedata.normalize("NFKC", text).translate(_SPECIAL).casefold().translate(_SPECIAL)
    return _UMLAUT_SPELLING.sub(r"\1", _MARKS.sub("", unicodedata.normalize("NFKD", text)))


#: Lower-case, strip diacritics and collapse German transliterations. Cached: names,
#: given names and companies repeat across thousands of guests.
fold = lru_cache(maxsize=65536)(fold_once)


def words(text: str) -> list[str]:
    """The folded words of ``text``; ``anna-lena o'brien`` gives anna, lena, o, brien."""
    return _WORD.findall(fold(text))


def folded_words(folded: str) -> list[str]:
    """The words of text that is folded already."""
    return _WORD.findall(folded)


@lru_cache(maxsize=65536)
def index_tokens(text: str) -> frozenset[str]:
    """The keys under which ``text`` is found by prefix.

    Besides every word, a name written without spaces in a CJK script is indexed from each
    of its characters on, so that typing the given name finds it too.
    """
    tokens: set[str] = set()
    for word in words(text):
        tokens.add(word)
        if _CJK.search(word):
            tokens.update(word[i:] for i in range(1, len(word)))
    whole = "".join(words(text))
    if whole and len(whole) <= 64:
        tokens.add(whole)  # "vonderleyen" finds "von der Leyen"
    return frozenset(tokens)


def query_words(query: str) -> list[str]:
    """The folded words of a typed query, longest first (the most selective drives the lookup).

    A query with an ``@`` is an e-mail address being typed: it is matched whole, as a prefix.
    """
    stripped = query.strip()
    if "@" in stripped and " " not in stripped:
        return [fold(stripped)]
    return sorted(set(words(query)), key=len, reverse=True)

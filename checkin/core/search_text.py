"""Folds names for search so that Müller = Mueller = Muller and Weiß = Weiss.

Both the indexed text and the typed query go through :func:`fold`, so the rules only need
to map every spelling to one key, not to be a faithful transliteration.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter plus a mark.
_SPECIAL = str.maketrans(
    {
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
        "ı": "i", "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l",
    }
)
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
        return _umlauts_written_out(text.lower())
    text = unicodedata.normalize("NFKC", text).translate(_SPECIAL).casefold().translate(_SPECIAL)
    return _umlauts_written_out(_MARKS.sub("", unicodedata.normalize("NFKD", text)))


def _umlauts_written_out(text: str) -> str:
    """ae, oe, ue → a, o, u. Three replaces equal one left-to-right pass of ``([aou])e`` (a match
    never overlaps another, and removing an e never makes a new one) at a fraction of the cost."""
    return text.replace("ae", "a").replace("oe", "o").replace("ue", "u")


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
    """The keys under which a name is found by prefix.

    Besides every word, a name written without spaces in a CJK script is indexed from each
    of its characters on, so that typing the given name finds it too.
    """
    tokens = _word_tokens(words(text))
    whole = "".join(words(text))
    if whole and len(whole) <= 64:
        tokens.add(whole)  # "vonderleyen" finds "von der Leyen"
    return frozenset(tokens)


#: Legal forms and filler words of organisation names: thousands of guests share them, so they
#: find nobody in particular and only cost index space ("Firma Müller GmbH & Co. KG" → firma, muller).
ORGANISATION_FILLERS = frozenset((
    "gmbh", "mbh", "ag", "kg", "kgaa", "ohg", "gbr", "ug", "ev", "e", "v", "se", "co", "ltd", "llc", "inc", "plc",
    "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "oy", "aps", "kft", "sro", "corp", "und", "and", "the",
    "of", "fur", "der", "die", "das", "des", "de", "du", "la", "le", "et",
))


@lru_cache(maxsize=65536)
def organisation_tokens(text: str) -> frozenset[str]:
    """The keys of an organisation's name: its words without legal forms and fillers."""
    found = words(text)
    return frozenset(_word_tokens([word for word in found if word not in ORGANISATION_FILLERS] or found))


def _word_tokens(found: list[str]) -> set[str]:
    tokens: set[str] = set()
    for word in found:
        tokens.add(word[:255])
        if _CJK.search(word):
            tokens.update(word[i:255 + i] for i in range(1, len(word)))
    return tokens


#: How closely a hit matches a typed word, best first: the very spelling ("müller" → Müller),
#: a transliteration of it ("müller" → Mueller), the start of a word as written ("mül" → Müller),
#: or the start of a transliteration ("mül" → Mueller).
EXACT, TRANSLITERATED, PREFIX_AS_WRITTEN, PREFIX = range(4)


def typed_words(text: str) -> list[str]:
    """The words of ``text`` as written, diacritics kept, case ignored (for ranking, not lookup)."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def match_rank(query: str, fields: Iterable[str]) -> int:
    """How well a hit's ``fields`` (names, company, code…) match ``query``: the rank of its
    worst-matched word, each word taking its best match (EXACT … PREFIX)."""
    written = {word for text in fields if text for word in typed_words(text)}
    folded = {fold(word) for word in written}
    return max((_word_rank(word, written, folded) for word in typed_words(query)), default=PREFIX)


def _word_rank(typed: str, written: set[str], folded: set[str]) -> int:
    if typed in written:
        return EXACT
    if fold(typed) in folded:
        return TRANSLITERATED
    return PREFIX_AS_WRITTEN if any(word.startswith(typed) for word in written) else PREFIX


def query_words(query: str) -> list[str]:
    """The folded words of a typed query, longest first (the most selective drives the lookup).

    A query with an ``@`` is an e-mail address being typed: it is matched whole, as a prefix.
    """
    stripped = query.strip()
    if "@" in stripped and " " not in stripped:
        return [fold(stripped)]
    return sorted(set(words(query)), key=len, reverse=True)

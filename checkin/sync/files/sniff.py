"""Reads a delimited text file as Excel and other programs write it: guesses the encoding,
the delimiter and the header row, and says clearly when the file is none of these.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from checkin.sync.files.errors import FileImportError
from checkin.sync.files.raw_table import RawTable

DELIMITERS = (";", ",", "\t")
#: Longest field we accept (a note of a few pages); longer ones are junk or a broken quote.
MAX_FIELD = csv.field_size_limit()
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f]")
# A UTF-8 multi-byte sequence: its presence next to invalid bytes means mixed encodings.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")


class CsvReader(Protocol):
    """What ``csv.reader`` returns (its class is private to the csv module)."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, name: str) -> Decoded:
    """The text of ``data``: UTF-8 (with or without BOM), UTF-16 LE/BE, or Windows-1252."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return Decoded(_decode_strict(data[len(bom):], encoding, name), encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(_decode_strict(data, utf16, name), utf16)
    _refuse_binary(data, name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if _UTF8_MULTIBYTE.search(data):
            raise FileImportError.single(
                name, "the file mixes encodings (some lines are UTF-8, this one is not); "
                "save it again from one program as UTF-8", line=_line_of(data, error.start)) from None
    undefined = _CP1252_UNDEFINED.search(data)
    if undefined:
        raise FileImportError.single(name, "the file is neither UTF-8 nor Windows-1252 text",
                                     line=_line_of(data, undefined.start()))
    return Decoded(data.decode("cp1252"), "cp1252")


def _decode_strict(data: bytes, encoding: str, name: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[:error.start].decode(encoding, "replace").count("\n") + 1
        raise FileImportError.single(name, f"the file is not valid {encoding.upper()} text (mixed encodings?)",
                                     line=line) from None
    junk = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    if junk:
        raise FileImportError.single(name, "the file holds binary data, not text",
                                     line=text.count("\n", 0, junk.start()) + 1)
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


def _refuse_binary(data: bytes, name: str) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileImportError.single(name, "this is an old Excel .xls file; save it as .xlsx or CSV")
    junk = _CONTROL.search(data)
    if junk:
        raise FileImportError.single(name, "the file holds binary data, not text", line=_line_of(data, junk.start()))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most columns, most consistently."""
    sample = text[:64_000].splitlines()[:50]
    best, best_score = ";", (0, 0)
    for delimiter in DELIMITERS:
        counts = Counter(len(row) for row in csv.reader(sample, delimiter=delimiter) if any(row))
        if not counts:
            continue
        width, agreeing = counts.most_common(1)[0]
        score = (agreeing, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_delimited(data: bytes, name: str) -> RawTable:
    """All rows of a CSV/TSV file with the line each starts on; raises FileImportError."""
    decoded = decode(data, name)
    delimiter = sniff_delimiter(decoded.text)
    reader = _reader(decoded.text, delimiter)
    try:
        cells = list(reader)
    except csv.Error:
        cells = None
    if cells is not None and reader.line_num == len(cells):  # no record spans lines: row n is line n
        rows = list(zip(range(1, len(cells) + 1), cells))
    else:
        rows = _rows_with_lines(_reader(decoded.text, delimiter), name)
    return RawTable(name, rows, encoding=decoded.encoding, delimiter=delimiter)


def _reader(text: str, delimiter: str) -> CsvReader:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)


def _rows_with_lines(reader: CsvReader, name: str) -> list[tuple[int, list[str]]]:
    """The slow way, for quoted line breaks and errors: the line each record starts on."""
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileImportError.single(name, _csv_reason(str(error)), line=start) from None
    return rows


def _csv_reason(message: str) -> str:
    if "field larger than field limit" in message:
        return f"a field is longer than {MAX_FIELD:,} characters (a broken quote or not a guest list?)"
    if "unexpected end of data" in message:
        return "a quote (\") opened in this record is never closed"
    if "expected after" in message:
        return "a quote (\") opened in this record is not closed before the next field (write \"\" for a quote)"
    return f"cannot read this line as CSV ({message})"

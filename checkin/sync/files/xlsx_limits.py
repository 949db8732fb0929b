"""Limits on what an XLSX workbook may unpack to, checked before and while it is read.

A workbook is a zip of XML parts: a 2 MB file can inflate to gigabytes (a zip bomb), a sheet
can claim a billion rows or a row a million cells, a shared-strings part millions of entries,
and a DTD can expand an entity a billion times. Each is refused with a one-line error naming
the file and the part, before it costs more than a few hundred megabytes or a few seconds.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from xml.etree.ElementTree import ParseError

from checkin.sync.files.errors import FileImportError

#: All parts together, inflated. A 100,000-guest list of 20 columns unpacks to about 150 MB.
MAX_INFLATED_BYTES = 256 * 2**20
#: Any part but the sheets and the shared strings: openpyxl reads these whole into a tree.
MAX_SMALL_PART_BYTES = 16 * 2**20
_LARGE_PARTS = re.compile(r"xl/(worksheets/[^/]+\.xml|sharedStrings\.xml)")
#: Rows of the sheet, counting the empty rows a file skips (Excel's own limit).
MAX_ROWS = 1_048_576
#: Cells of the sheet, counting the empty ones rows are padded with (100,000 rows × 40 columns).
MAX_CELLS = 4_000_000
#: Cells in one row (Excel's column limit): openpyxl builds a whole row before handing it on.
MAX_CELLS_PER_ROW = 16_384
#: Texts in the shared-strings table: openpyxl takes about 12 µs for each.
MAX_SHARED_STRINGS = 1_000_000
_SCAN_CHUNK = 128 * 2**10
#: The root element names the namespace prefix (usually none) the part's tags are written with.
_ROOT_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?(?:worksheet|sst)[\s>]")
#: A tag cut off at the end of a chunk starts at most this far from its end.
_LONGEST_TAG_START = 64


def check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a workbook whose parts would inflate too far (before inflating any), or whose
    sheets or string table hold too many cells or texts (counted by a quick pass over the XML,
    before openpyxl spends seconds per million of them).

    The sizes the zip declares are enforced: Python's zipfile stops inflating a part at its
    declared size and then checks its CRC, so a part cannot unpack to more than it declares.
    """
    inflated = sum(info.file_size for info in archive.infolist())
    if inflated > MAX_INFLATED_BYTES:
        raise FileImportError.single(
            name, f"the workbook unpacks to {inflated / 2**20:,.0f} MB, more than the "
            f"{MAX_INFLATED_BYTES // 2**20} MB a guest list can need (a damaged file or a zip bomb?)")
    for info in archive.infolist():
        if info.file_size > MAX_SMALL_PART_BYTES and not _LARGE_PARTS.fullmatch(info.filename):
            raise FileImportError.single(
                name, f"the part {info.filename} unpacks to {info.file_size / 2**20:,.0f} MB, more than "
                f"the {MAX_SMALL_PART_BYTES // 2**20} MB such a part can need (a damaged file or a zip bomb?)")
        # Every part: a workbook may keep its sheet at any path its relationships name.
        _count_part(archive, info, name)


def _count_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    with zipfile.ZipFile.open(archive, info) as stream, parse_errors_named(name, lambda: info.filename):
        counter = PartCounter(stream, name, info.filename)
        while counter.read(_SCAN_CHUNK):
            pass


class LimitedArchive(zipfile.ZipFile):
    """The workbook's zip; it remembers which part was read last, to name it when parsing fails."""

    def __init__(self, data: bytes):
        super().__init__(io.BytesIO(data))
        self.last_part = "its structure (workbook, styles or relationships)"

    def open(self, name: str | zipfile.ZipInfo, mode: str = "r", pwd: bytes | None = None, *,
             force_zip64: bool = False) -> zipfile.ZipExtFile:
        self.last_part = name.filename if isinstance(name, zipfile.ZipInfo) else name
        return super().open(name, mode, pwd, force_zip64=force_zip64)


class PartCounter:
    """A part's stream that counts cells and shared strings in the XML as it is read, and
    stops as soon as a row, the sheet or the string table holds too many."""

    def __init__(self, stream: io.BufferedIOBase, name: str, part: str):
        self.stream, self.name, self.part = stream, name, part
        self.cells = self.row_cells = self.strings = 0
        self._carry = b""
        self._tags: tuple[re.Pattern[bytes], ...] = ()
        self._prefix = b""
        self._root_seen = False

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        buffer, cut = self._carry + data, len(self._carry) + len(data)
        last_tag = buffer.rfind(b"<")
        if data and last_tag > len(buffer) - _LONGEST_TAG_START:
            cut = last_tag  # the tag may continue in the next chunk: count it then
        self._count(buffer[:cut])
        self._carry = buffer[cut:]
        return data

    def _tag_patterns(self, xml: bytes) -> tuple[re.Pattern[bytes], ...]:
        """The tags to count, once the root element has shown their prefix (none until then)."""
        if not self._root_seen:
            root = _ROOT_PREFIX.search(xml)
            self._root_seen, self._prefix = root is not None, (root.group(1) or b"") if root else b""
            # A literal start (no optional prefix group) makes the search about four times faster.
            self._tags = tuple(re.compile(b"<" + re.escape(self._prefix) + tag + rb"[\s/>]")
                               for tag in (b"si", b"c", b"row"))
        return self._tags

    def _count(self, xml: bytes) -> None:
        string_tag, cell_tag, row_tag = self._tag_patterns(xml)
        self.strings += len(string_tag.findall(xml))
        if self.strings > MAX_SHARED_STRINGS:
            self._refuse(f"holds more than {MAX_SHARED_STRINGS:,} texts")
        cells = len(cell_tag.findall(xml))
        self.cells += cells
        if self.cells > MAX_CELLS:
            self._refuse(f"has more than {MAX_CELLS:,} cells")
        if self.row_cells + cells <= MAX_CELLS_PER_ROW:  # no row can be too long: only the last one matters
            last_row = _last_match(row_tag, b"<" + self._prefix + b"row", xml)
            self.row_cells = self.row_cells + cells if last_row < 0 else len(cell_tag.findall(xml, last_row))
        else:
            self.row_cells = self._count_rows(row_tag.split(xml), cell_tag)

    def _count_rows(self, rows: list[bytes], cell_tag: re.Pattern[bytes]) -> int:
        """Cells in each row; rows[0] continues the row the last chunk ended in. The last row's count."""
        found = self.row_cells
        for number, piece in enumerate(rows):
            found = len(cell_tag.findall(piece)) + (0 if number else self.row_cells)
            if found > MAX_CELLS_PER_ROW:
                self._refuse(f"has more than {MAX_CELLS_PER_ROW:,} cells in a row")
        return found

    def _refuse(self, what: str) -> None:
        raise FileImportError.single(self.name, f"the part {self.part} {what} (a damaged file or a zip bomb?)")



def _last_match(pattern: re.Pattern[bytes], literal: bytes, xml: bytes) -> int:
    """Where the last match of ``pattern`` (which starts with ``literal``) in ``xml`` starts, or -1."""
    start = xml.rfind(literal)
    while start >= 0 and not pattern.match(xml, start):
        start = xml.rfind(literal, 0, start)
    return start


@contextmanager
def parse_errors_named(name: str, part: Callable[[], str]) -> Iterator[None]:
    """Turn what a broken or hostile part makes the parser raise into a one-line error;
    ``part`` tells, when it fails, which part was being read."""
    try:
        yield
    except FileImportError:
        raise
    except Exception as error:  # noqa: BLE001 - whatever a hostile part makes a parser raise is the file's fault
        raise FileImportError.single(name, f"not a readable XLSX workbook: {part()} is broken ({_reason(error)})") \
            from None


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    if isinstance(error, ParseError):
        return f"broken XML: {text}"
    if isinstance(error, zipfile.BadZipFile | EOFError | zlib.error):
        return f"damaged zip data: {text}"
    return f"{type(error).__name__}: {text}"


def bounded_rows(rows: Iterable[tuple[object, ...]], name: str, part: str) -> Iterator[tuple[object, ...]]:
    """The sheet's rows as openpyxl pads them (empty rows for skipped numbers, empty cells up to
    the width the sheet claims), stopping with an error beyond MAX_ROWS or MAX_CELLS."""
    cells = 0
    for number, row in enumerate(rows, start=1):
        cells += len(row)
        if number > MAX_ROWS or cells > MAX_CELLS:
            raise FileImportError.single(
                name, f"the sheet {part} has more than {MAX_ROWS:,} rows or {MAX_CELLS:,} cells "
                "(counting empty ones); a guest list this large is a damaged file or a zip bomb", line=number)
        yield row

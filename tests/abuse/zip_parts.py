"""Builds XLSX workbooks part by part, including ones no spreadsheet program would write:
broken XML, entity bombs and zip bombs whose parts inflate to gigabytes."""
from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
ROOT_RELS = (f'<?xml version="1.0"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
             f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{_REL}"><sheets>'
            '<sheet name="Guests" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (f'<?xml version="1.0"?><Relationships xmlns="{_PKG}">'
                 f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                 f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
                 '</Relationships>')
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def sheet_xml(rows: Iterable[Iterable[str]], dimension: str = "") -> str:
    """A sheet of inline strings (no shared strings needed)."""
    body = "".join(
        f'<row r="{r}">' + "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' for value in row) + "</row>"
        for r, row in enumerate(rows, start=1))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<?xml version="1.0"?><worksheet xmlns="{MAIN}">{dim}<sheetData>{body}</sheetData></worksheet>'


GUEST_ROWS = [("First name", "Last name", "E-Mail"), ("Ada", "Lovelace", "ada@example.org"),
              ("Alan", "Turing", "alan@example.org")]


def workbook_parts(overrides: dict[str, str | bytes | None] | None = None) -> dict[str, str | bytes]:
    """The parts of a small valid workbook; ``overrides`` replace (or with None drop) parts by path."""
    parts: dict[str, str | bytes | None] = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, SHEET: sheet_xml(GUEST_ROWS),
        STRINGS: f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="0" uniqueCount="0"/>',
    }
    parts.update(overrides or {})
    return {path: value for path, value in parts.items() if value is not None}


def write_xlsx(path: Path, parts: dict[str, str | bytes], bombs: dict[str, "DeflateBomb"] | None = None) -> Path:
    """Write the parts as a zip; each of ``bombs`` is a part given as a ready deflate stream."""
    entries = [_Entry.of(name, data.encode() if isinstance(data, str) else data) for name, data in parts.items()]
    entries += [bomb.entry(name) for name, bomb in (bombs or {}).items()]
    path.write_bytes(_zip(entries))
    return path


class DeflateBomb:
    """``repeats`` × ``unit`` between ``head`` and ``tail``, deflated without inflating it here:
    each repeat is compressed once after a full flush, so its compressed bytes repeat too."""

    def __init__(self, head: str, unit: str, tail: str, inflated_bytes: int):
        chunk = unit.encode() * max(1, (8 << 20) // len(unit.encode()))
        self.repeats = max(1, inflated_bytes // len(chunk))
        self.head, self.chunk, self.tail = head.encode(), chunk, tail.encode()

    def entry(self, name: str) -> "_Entry":
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        head = compressor.compress(self.head) + compressor.flush(zlib.Z_FULL_FLUSH)
        body = compressor.compress(self.chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
        tail = compressor.compress(self.tail) + compressor.flush()
        crc = zlib.crc32(self.head)
        for _ in range(self.repeats):
            crc = zlib.crc32(self.chunk, crc)
        crc = zlib.crc32(self.tail, crc)
        size = len(self.head) + len(self.chunk) * self.repeats + len(self.tail)
        return _Entry(name, head + body * self.repeats + tail, crc, size)


class _Entry:
    def __init__(self, name: str, deflated: bytes, crc: int, size: int):
        self.name, self.deflated, self.crc, self.size = name.encode(), deflated, crc, size

    @classmethod
    def of(cls, name: str, data: bytes) -> "_Entry":
        compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        return cls(name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data))

    def zip64_extra(self) -> bytes:
        return struct.pack("<HHQQ", 1, 16, self.size, len(self.deflated))

    def local_header(self) -> bytes:
        extra = self.zip64_extra()
        return struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x21, self.crc, 0xFFFFFFFF, 0xFFFFFFFF,
                           len(self.name), len(extra)) + self.name + extra

    def central_header(self, offset: int) -> bytes:
        extra = self.zip64_extra()
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x21, self.crc, 0xFFFFFFFF,
                           0xFFFFFFFF, len(self.name), len(extra), 0, 0, 0, 0, offset) + self.name + extra


def _zip(entries: list[_Entry]) -> bytes:
    """A zip (with ZIP64 sizes, so a part may declare more than 4 GiB) of ready deflate streams."""
    out, central = bytearray(), bytearray()
    for entry in entries:
        central += entry.central_header(len(out))
        out += entry.local_header() + entry.deflated
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return bytes(out + central + end)

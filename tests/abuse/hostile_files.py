"""Fifty files a guest-list import may meet: broken, hostile, or merely strange."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tests.abuse.zip_parts import (
    GUEST_ROWS, MAIN, SHEET, STRINGS, WORKBOOK_RELS, DeflateBomb, sheet_xml, workbook_parts, write_xlsx,
)

_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lololololololololol">'
           + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10))
           + "]>")
_XXE = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
_CSV_HEADER = "First name;Last name;E-Mail\n"


def _sheet_cell(value: str, kind: str = "inlineStr", ref: str = "") -> str:
    r = f' r="{ref}"' if ref else ""
    inner = f"<is><t>{value}</t></is>" if kind == "inlineStr" else f"<v>{value}</v>"
    return (f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData><row r="1">'
            + "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in GUEST_ROWS[0])
            + f'</row><row r="2"><c{r} t="{kind}">{inner}</c></row></sheetData></worksheet>')


def _xlsx(parts: dict[str, str | bytes | None]) -> Callable[[Path], Path]:
    return lambda path: write_xlsx(path.with_suffix(".xlsx"), workbook_parts(parts))


def _xlsx_bomb(part: str, head: str, unit: str, tail: str, size: int) -> Callable[[Path], Path]:
    return lambda path: write_xlsx(path.with_suffix(".xlsx"), workbook_parts({part: None}),
                                   {part: DeflateBomb(head, unit, tail, size)})


def _bytes(data: bytes, suffix: str = ".csv") -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path = path.with_suffix(suffix)
        path.write_bytes(data)
        return path
    return make


def _cut_xlsx(fraction: float) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        whole = write_xlsx(path.with_suffix(".xlsx"), workbook_parts()).read_bytes()
        path.with_suffix(".xlsx").write_bytes(whole[: int(len(whole) * fraction)])
        return path.with_suffix(".xlsx")
    return make


def _sparse(size: int) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path = path.with_suffix(".csv")
        with path.open("wb") as file:
            file.write(_CSV_HEADER.encode())
            file.truncate(size)
        return path
    return make


def _directory(path: Path) -> Path:
    path.with_suffix(".csv").mkdir()
    return path.with_suffix(".csv")


def _unreadable(path: Path) -> Path:
    path = _bytes((_CSV_HEADER + "Ada;Lovelace;ada@example.org\n").encode())(path)
    os.chmod(path, 0)
    return path


_GOOD = sheet_xml(GUEST_ROWS)
_SHEET_HEAD = f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'
_SHEET_TAIL = "</sheetData></worksheet>"
_STRINGS_HEAD = f'<?xml version="1.0"?><sst xmlns="{MAIN}">'

HOSTILE: dict[str, Callable[[Path], Path]] = {
    **{f"sheet-cut-at-{n}": _xlsx({SHEET: _GOOD[: len(_GOOD) * n // 10]}) for n in (1, 3, 5, 7, 9)},
    **{f"zip-cut-at-{n}": _cut_xlsx(n / 10) for n in (2, 5, 8, 9)},
    "entity-bomb-in-sheet": _xlsx({SHEET: _LAUGHS + _GOOD.split("?>", 1)[1].replace("Ada", "&lol9;")}),
    "entity-bomb-in-strings": _xlsx({STRINGS: _LAUGHS + f'<sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>'}),
    "entity-bomb-in-workbook": _xlsx({"xl/workbook.xml": _LAUGHS + "<workbook>&lol9;</workbook>"}),
    "external-entity": _xlsx({SHEET: _XXE + _GOOD.split("?>", 1)[1].replace("Ada", "&xxe;")}),
    "zip-bomb-sheet-1gib": _xlsx_bomb(SHEET, _SHEET_HEAD + '<row r="1">', '<c t="n"><v>1</v></c>',
                                      "</row>" + _SHEET_TAIL, 1 << 30),
    "zip-bomb-over-the-size-limit": _xlsx_bomb(STRINGS, _STRINGS_HEAD, "<si><t>ab</t></si>", "</sst>", 300 << 20),
    "zip-bomb-of-strings": _xlsx_bomb(STRINGS, _STRINGS_HEAD, "<si><t>ab</t></si>", "</sst>", 200 << 20),
    "zip-bomb-of-rows": _xlsx_bomb(SHEET, _SHEET_HEAD, '<row><c t="n"><v>1</v></c></row>', _SHEET_TAIL, 200 << 20),
    "many-shared-strings": _xlsx({STRINGS: _STRINGS_HEAD + "<si/>" * 1_100_000 + "</sst>"}),
    "five-million-cells-in-one-row": _xlsx({SHEET: _SHEET_HEAD + '<row r="1">' + '<c t="n"><v>1</v></c>' * 5_100_000
                                         + "</row>" + _SHEET_TAIL}),
    "row-number-one-billion": _xlsx({SHEET: _GOOD.replace('<row r="3">', '<row r="1000000000">')}),
    "huge-dimension": _xlsx({SHEET: sheet_xml(GUEST_ROWS, "A1:XFD1048576")}),
    "garbage-cell-reference": _xlsx({SHEET: _sheet_cell("x", ref="!!")}),
    "cell-beyond-last-column": _xlsx({SHEET: _sheet_cell("x", ref="ZZZZ2")}),
    "shared-string-out-of-range": _xlsx({SHEET: _sheet_cell("999", "s")}),
    "shared-string-not-a-number": _xlsx({SHEET: _sheet_cell("abc", "s")}),
    "number-not-a-number": _xlsx({SHEET: _sheet_cell("abc", "n")}),
    "date-not-a-date": _xlsx({SHEET: _sheet_cell("yesterday", "d")}),
    "boolean-not-a-boolean": _xlsx({SHEET: _sheet_cell("maybe", "b")}),
    "ten-megabyte-cell": _xlsx({SHEET: _sheet_cell("x" * 10_000_000)}),
    "formula-injection": _xlsx({SHEET: _sheet_cell("=cmd|' /C calc'!A0")}),
    "control-characters-in-cell": _xlsx({SHEET: _sheet_cell("Ad&#x1;a")}),
    "deeply-nested-xml": _xlsx({SHEET: _SHEET_HEAD + "<x>" * 50_000 + "</x>" * 50_000 + _SHEET_TAIL}),
    "sheet-missing": _xlsx({SHEET: None}),
    "workbook-missing": _xlsx({"xl/workbook.xml": None}),
    "relationships-missing": _xlsx({"xl/_rels/workbook.xml.rels": None}),
    "content-types-missing": _xlsx({"[Content_Types].xml": None}),
    "no-sheets": _xlsx({"xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{MAIN}"><sheets/></workbook>'}),
    "relationship-to-nowhere": _xlsx({"xl/_rels/workbook.xml.rels": WORKBOOK_RELS.replace("sheet1", "sheet9")}),
    "sheet-is-binary": _xlsx({SHEET: os.urandom(2000)}),
    "pk-header-then-junk": _bytes(b"PK\x03\x04" + b"not really a zip" * 30, ".xlsx"),
    "old-excel": _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
    "empty": _bytes(b""),
    "only-a-bom": _bytes(b"\xef\xbb\xbf"),
    "only-blank-lines": _bytes(b"\r\n \r\n\t\r\n"),
    "nul-bytes": _bytes(_CSV_HEADER.encode() + b"Ada;Love\x00lace;a@b.c\n"),
    "random-binary": _bytes(bytes(range(256)) * 40),
    "unclosed-quote": _bytes((_CSV_HEADER + '"Ada;Lovelace;a@b.c\n').encode()),
    "field-over-the-limit": _bytes((_CSV_HEADER + '"' + "x" * 200_000 + '";b;c\n').encode()),
    "mixed-encodings": _bytes(_CSV_HEADER.encode() + "Zoë;Ärger;z@b.c\n".encode() + "Zoë;Ärger;z@b.c\n".encode("cp1252")),
    "encoded-surrogates": _bytes(_CSV_HEADER.encode() + b"Ada;Love\xed\xa0\x80lace;a@b.c\n"),
    "utf16-odd-length": _bytes(b"\xff\xfe" + _CSV_HEADER.encode("utf-16-le") + b"\x41"),
    "twenty-thousand-columns": _bytes((";".join(f"c{n}" for n in range(20_000)) + "\n" + "x;" * 19_999 + "x\n").encode()),
    "stray-delimiters": _bytes((_CSV_HEADER + "Ada;Lovelace;a@b.c;;;;;;;extra\n").encode()),
    "header-only": _bytes(_CSV_HEADER.encode()),
    "same-code-twice": _bytes(b"First name;Last name;Code\nAda;Lovelace;X1\nAlan;Turing;X1\n"),
    "larger-than-the-limit": _sparse(201 * 2**20),
    "a-directory": _directory,
}
if os.geteuid() != 0:  # root reads any file
    HOSTILE["no-permission"] = _unreadable
HOSTILE["sheet-at-an-unusual-path"] = _xlsx({
    SHEET: None, "xl/_rels/workbook.xml.rels": WORKBOOK_RELS.replace("worksheets/sheet1.xml", "odd.xml"),
    "xl/odd.xml": _SHEET_HEAD + '<row r="1">' + "<c/>" * 3_000_000 + "</row>" + _SHEET_TAIL})

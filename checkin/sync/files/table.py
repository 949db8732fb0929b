"""A guest list as read from a file: its rows with line numbers, and where its header is."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checkin.store.bulk import collector_paused
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.mapping import header_key
from checkin.sync.files.raw_table import RawTable
from checkin.sync.files.sniff import parse_delimited
from checkin.sync.files.xlsx import is_xlsx, read_xlsx

MAX_FILE_BYTES = 200 * 1024 * 1024
_HEADER_SEARCH_ROWS = 15


@dataclass
class Table:
    """The header and the data rows below it; every data row is padded to the header's width."""

    name: str
    headers: list[str]
    rows: list[tuple[int, list[str]]]
    header_line: int
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    notes: list[str] = field(default_factory=list)

    def column_label(self, index: int) -> str:
        """How a person finds the column in a spreadsheet: ``C (E-Mail)``."""
        return f"{column_letter(index)} ({self.headers[index]})" if self.headers[index] else column_letter(index)


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def read_table(path: Path, header_hints: set[str] = frozenset()) -> Table:
    """Read a CSV, TSV, TXT or XLSX file; raises FileImportError with a clear reason."""
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FileImportError.single(name, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
        data = path.read_bytes()
    except OSError as error:
        raise FileImportError.single(name, f"cannot read the file ({error.strerror})") from None
    if not data.strip():
        raise FileImportError.single(name, "the file is empty")
    with collector_paused():
        raw = read_xlsx(data, name) if is_xlsx(data) else parse_delimited(data, name)
        return with_header(raw, header_hints)


def with_header(raw: RawTable, header_hints: set[str] = frozenset()) -> Table:
    """Find the header row: the first row naming known fields, else the first full-width row."""
    first = [(line, cells) for line, cells in raw.rows[:_HEADER_SEARCH_ROWS * 4] if not _blank(cells)]
    if not first:
        raise FileImportError.single(raw.name, "the file holds no rows")
    header_line, header_cells = first[_header_index(first[:_HEADER_SEARCH_ROWS], header_hints)]
    headers = [cell.strip() for cell in header_cells]
    data = raw.rows[next(n for n, (line, _cells) in enumerate(raw.rows) if line == header_line) + 1:]
    rows = _fit_rows(raw.name, data, len(headers))
    if not rows:
        raise FileImportError.single(raw.name, "the file has a header but no guests", line=header_line)
    return Table(raw.name, headers, rows, header_line, raw.encoding, raw.delimiter, raw.sheet)


def _blank(cells: list[str]) -> bool:
    # Cells keep their spaces here (the mapped ones are stripped later): stripping every cell of
    # 100,000 rows costs more than parsing them.
    return not any(cells) or not "".join(cells).strip()


def _fit_rows(name: str, rows: list[tuple[int, list[str]]], width: int) -> list[tuple[int, list[str]]]:
    """Non-blank rows, each exactly ``width`` cells: short rows padded, empty cells beyond the header dropped."""
    fitted = []
    for row in rows:
        cells = row[1]
        if len(cells) == width:
            if any(cells) and (cells[0].strip() or not _blank(cells)):
                fitted.append(row)
            continue
        if _blank(cells):
            continue
        if len(cells) > width:
            if any(cell.strip() for cell in cells[width:]):
                raise FileImportError.single(name, f"this row has {len(cells)} columns, the header only {width} "
                                             "(a stray delimiter or quote?)", line=row[0])
            cells = cells[:width]
        else:
            cells = cells + [""] * (width - len(cells))
        fitted.append((row[0], cells))
    return fitted


def _header_index(rows: list[tuple[int, list[str]]], hints: set[str]) -> int:
    candidates = rows[:_HEADER_SEARCH_ROWS]
    for index, (_line, cells) in enumerate(candidates):
        if sum(1 for cell in cells if header_key(cell) in hints) >= 2:
            return index
    filled = [sum(1 for cell in cells if cell.strip()) for _line, cells in candidates]
    return filled.index(max(filled))

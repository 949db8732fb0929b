"""The XLSX limits count what a parser would build, whatever the chunking and the tag prefix."""
from __future__ import annotations

import io

import pytest

from checkin.sync.files.errors import FileImportError
from checkin.sync.files.xlsx_limits import MAX_CELLS_PER_ROW, PartCounter


def counted(xml: bytes, chunk: int) -> PartCounter:
    counter = PartCounter(io.BytesIO(xml), "guests.xlsx", "xl/worksheets/sheet1.xml")
    while counter.read(chunk):
        pass
    return counter


def sheet(rows: int, cells: int, prefix: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    row = f'<{p}c t="n"><{p}v>1</{p}v></{p}c>' * cells
    body = "".join(f'<{p}row r="{r}">{row}</{p}row>' for r in range(1, rows + 1))
    return f'<?xml version="1.0"?><{p}worksheet><{p}sheetData>{body}</{p}sheetData></{p}worksheet>'.encode()


@pytest.mark.parametrize("chunk", [7, 100, 4096, 1 << 20])
@pytest.mark.parametrize("prefix", ["", "x"])
def test_cells_are_counted_across_chunks_with_or_without_a_prefix(chunk: int, prefix: str):
    counter = counted(sheet(300, 12, prefix), chunk)
    assert (counter.cells, counter.row_cells) == (3600, 12)


@pytest.mark.parametrize("chunk", [100, 1 << 20])
def test_one_row_too_wide_is_refused_wherever_the_chunks_cut_it(chunk: int):
    with pytest.raises(FileImportError, match="cells in a row"):
        counted(sheet(3, MAX_CELLS_PER_ROW + 1), chunk)


def test_many_rows_of_allowed_width_are_not_a_wide_row():
    assert counted(sheet(40, MAX_CELLS_PER_ROW // 2), 1 << 20).row_cells == MAX_CELLS_PER_ROW // 2

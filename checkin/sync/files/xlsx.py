"""Reads the first sheet of an XLSX workbook (openpyxl, read-only: big files stay small in memory)."""
from __future__ import annotations

import io
import warnings
import zipfile
from datetime import date, datetime, time

from checkin.sync.files.errors import FileImportError
from checkin.sync.files.raw_table import RawTable
from checkin.sync.files.xlsx_limits import LimitedArchive, bounded_rows, check_archive, parse_errors_named


def is_xlsx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def read_xlsx(data: bytes, name: str) -> RawTable:
    from openpyxl.reader.excel import ExcelReader

    try:
        archive = LimitedArchive(data)
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise FileImportError.single(name, f"not a readable XLSX workbook ({error})") from None
    with archive, warnings.catch_warnings():
        # openpyxl warns about styles and data validation it ignores; neither matters here.
        warnings.simplefilter("ignore")
        check_archive(archive, name)
        with parse_errors_named(name, lambda: archive.last_part):
            # load_workbook, reading through our archive: it names the part a parse error is in.
            reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
            reader.archive.close()
            reader.archive = archive
            reader.read()
        return _first_sheet(reader.wb, name)


def _first_sheet(workbook, name: str) -> RawTable:  # noqa: ANN001 - openpyxl's read-only Workbook
    sheet = workbook.worksheets[0] if workbook.worksheets else None
    if sheet is None:
        raise FileImportError.single(name, "the workbook has no sheet with data")
    # openpyxl keeps the part's path only privately; it is what names the part in an error.
    part = getattr(sheet, "_worksheet_path", sheet.title)
    with parse_errors_named(name, lambda: part):
        rows = [(number, [cell_text(value) for value in values])
                for number, values in enumerate(bounded_rows(sheet.iter_rows(values_only=True), name, part), 1)]
    return RawTable(name, rows, encoding="xlsx", sheet=sheet.title)


def cell_text(value: object) -> str:
    """A cell as a person sees it: 42 not 42.0, dates as ISO dates, no None."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)

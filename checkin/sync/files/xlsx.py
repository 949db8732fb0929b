"""Reads the first sheet of an XLSX workbook (openpyxl, read-only: big files stay small in memory)."""
from __future__ import annotations

import io
import warnings
import zipfile
from datetime import date, datetime, time

from checkin.sync.files.errors import FileImportError
from checkin.sync.files.raw_table import RawTable


def is_xlsx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def read_xlsx(data: bytes, name: str) -> RawTable:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and data validation it ignores; neither matters here.
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0] if workbook.worksheets else None
                if sheet is None:
                    raise FileImportError.single(name, "the workbook has no sheet with data")
                rows = [(number, [cell_text(value) for value in values])
                        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
                title = sheet.title
            finally:
                workbook.close()
    except FileImportError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise FileImportError.single(name, f"not a readable XLSX workbook ({type(error).__name__}: {error})") \
            from None
    return RawTable(name, rows, encoding="xlsx", sheet=title)


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

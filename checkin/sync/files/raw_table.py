"""A file's rows as read, before the header is found (shared by the CSV and XLSX readers)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawTable:
    """Rows as (line number in the file, cells); ``encoding`` and ``delimiter`` as detected."""

    name: str
    rows: list[tuple[int, list[str]]]
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""

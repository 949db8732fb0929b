"""Text bound for a spreadsheet cell (CSV, XLSX) that a guest typed."""
from __future__ import annotations


def spreadsheet_safe(value: str) -> str:
    """Cells starting with = + - @ are formulas to a spreadsheet: a guest's name must stay text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value

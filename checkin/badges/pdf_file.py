""""Print to File (PDF)": badges go to PDF files instead of a printer, never overwriting one.

The badge PDF is copied as rendered (vector, at the stock's exact size); each job gets the chosen
name with a running number (``badges-0001.pdf``, ``badges-0002.pdf``…), so a desk printing on
check-in keeps every badge.
"""
from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

from checkin.badges.stock import Stock

#: The badge_printer setting's value for printing to files: ``file:`` and the chosen PDF's path.
FILE_PREFIX = "file:"


class PdfFilePrinter:
    """A printer backend (``print_pdf``) that writes numbered PDF files next to ``path``."""

    def __init__(self, path: str | Path):
        self.path = Path(path).with_suffix(".pdf")

    @property
    def destination(self) -> str:
        return FILE_PREFIX + str(self.path)

    def print_pdf(self, pdf: Path, stock: Stock, title: str = "") -> str:
        """Copy the PDF to the next free numbered name; returns that file's path."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for number in itertools.count(1):
            target = self.path.with_name(f"{self.path.stem}-{number:04d}.pdf")
            try:
                descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                continue
            with os.fdopen(descriptor, "wb") as out, open(pdf, "rb") as source:
                shutil.copyfileobj(source, out)
            return str(target)
        raise AssertionError("unreachable")

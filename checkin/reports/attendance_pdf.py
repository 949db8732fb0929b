"""The printable attendance list (Teilnehmerliste) in the form funders ask for.

A4 portrait; every page repeats the event block (title, date, place, organiser, funding
programme, project number, list) and numbers itself "page x of y"; the last page of each list
carries the SHA-256 of the listed data and says exactly what it covers. Rows have a fixed
height, so the page count is known before drawing and one pass suffices.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from checkin.reports.attendance import Attendee, attendance_digest, local_time
from checkin.badges.pdf_fonts import draw_cell, fit, register_fonts

if TYPE_CHECKING:  # ReportLab's canvas is loaded when a PDF is written
    from reportlab.pdfgen.canvas import Canvas

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN = 15 * MM
ROW_H = 8 * MM
TABLE_TOP = PAGE_H - 53 * MM
TABLE_HEAD_H = 10 * MM
TABLE_BOTTOM = 20 * MM
DIGEST_H = 30 * MM
#: (key, width in mm); the widths add up to the 180 mm between the margins.
COLUMNS = (("no", 12), ("name", 58), ("organisation", 52), ("time", 26), ("signature", 32))
ROWS_PER_PAGE = int((TABLE_TOP - TABLE_HEAD_H - TABLE_BOTTOM) // ROW_H)

LABELS = {
    "de": {
        "title": ("Teilnehmerliste", "Attendance list"), "event": ("Veranstaltung", "Event"),
        "date": ("Datum", "Date"), "place": ("Ort", "Place"), "organiser": ("Veranstalter", "Organiser"),
        "programme": ("Förderprogramm", "Funding programme"), "project": ("Projektnummer", "Project number"),
        "list": ("Liste", "List"), "no": ("Nr.", "No."), "name": ("Name", "Name"),
        "organisation": ("Organisation", "Organisation"), "time": ("Check-in", "Check-in time"),
        "signature": ("Unterschrift", "Signature"), "page": ("Seite {page} von {pages}", "Page {page} of {pages}"),
        "count": ("{count} Teilnehmende", "{count} attendees"),
        "digest": ("SHA-256 der gelisteten Daten", "SHA-256 of the listed data"),
        "digest_help": ("Berechnet über je eine Zeile pro Person: Nr., Name, Organisation und Check-in-Zeit wie "
                        "gedruckt, durch Tabulator getrennt, mit LF abgeschlossen, UTF-8 (NFC).",
                        "Computed over one line per person: no., name, organisation and check-in time as printed, "
                        "separated by a tab, ended by LF, UTF-8 (NFC)."),
        "created": ("Erstellt", "Created"),
    },
}
LABELS["en"] = {key: (english, "") for key, (_german, english) in LABELS["de"].items()}


@dataclass(frozen=True)
class ListHeader:
    event: str
    dates: str
    place: str
    organiser: str
    funding_programme: str
    project_number: str
    list_name: str
    timezone: str


@dataclass(frozen=True)
class Section:
    header: ListHeader
    rows: Sequence[Attendee]

    @property
    def pages(self) -> int:
        pages = max(1, math.ceil(len(self.rows) / ROWS_PER_PAGE))
        left_on_last = ROWS_PER_PAGE * pages - len(self.rows)
        return pages + (1 if left_on_last * ROW_H < DIGEST_H else 0)


def write_attendance_pdf(path: Path, sections: Sequence[Section], created: datetime, language: str = "de") -> int:
    """Write the list; returns the number of pages."""
    from reportlab.pdfgen.canvas import Canvas

    regular, bold = register_fonts()
    labels = LABELS.get(language, LABELS["de"])
    total = sum(section.pages for section in sections)
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    canvas.setTitle(f"{labels['title'][0]}: {sections[0].header.event if sections else ''}")
    canvas.setCreator("Check-in Desk")
    page = 0
    for section in sections:
        painter = _Painter(canvas, section, labels, (regular, bold), created)
        for index in range(section.pages):
            page += 1
            painter.page(index, page, total)
            canvas.showPage()
    canvas.save()
    return total


class _Painter:
    def __init__(self, canvas: Canvas, section: Section, labels: dict, fonts: tuple[str, str], created: datetime):
        self.c, self.section, self.labels = canvas, section, labels
        self.regular, self.bold = fonts
        self.created = created

    def page(self, index: int, page: int, total: int) -> None:
        rows = self.section.rows[index * ROWS_PER_PAGE:(index + 1) * ROWS_PER_PAGE]
        self._head()
        top = self._table(rows, index * ROWS_PER_PAGE)
        if index == self.section.pages - 1:
            self._digest(top)
        self._foot(page, total)

    def _label(self, key: str, **values: object) -> str:
        german, english = self.labels[key]
        german = german.format(**values)
        return f"{german} / {english.format(**values)}" if english else german

    def _head(self) -> None:
        c, header = self.c, self.section.header
        c.setFont(self.bold, 15)
        c.drawString(MARGIN, PAGE_H - MARGIN - 4 * MM, self._label("title"))
        text, size = fit(header.event, self.bold, 12, PAGE_W - 2 * MARGIN)
        c.setFont(self.bold, size)
        c.drawString(MARGIN, PAGE_H - MARGIN - 11 * MM, text)
        pairs = (("date", header.dates), ("place", header.place), ("organiser", header.organiser),
                 ("list", header.list_name), ("programme", header.funding_programme),
                 ("project", header.project_number))
        for number, (key, value) in enumerate(pairs):
            x = MARGIN + (number % 3) * 61 * MM
            y = PAGE_H - MARGIN - (19 + (number // 3) * 10) * MM
            self._fitted(self._label(key), self.regular, 6.5, x, y, 58 * MM)
            self._fitted(value or "—", self.bold, 9.5, x, y - 4 * MM, 58 * MM)

    def _fitted(self, text: str, font: str, size: float, x: float, y: float, width: float) -> None:
        """A label shrunk (then cut) to its box: a longer translation never runs into the next column."""
        shown, fitted_size = fit(text, font, size, width)
        self.c.setFont(font, fitted_size)
        self.c.drawString(x, y, shown)

    def _table(self, rows: Sequence[Attendee], offset: int) -> float:
        c = self.c
        c.setLineWidth(0.4)
        y = TABLE_TOP
        c.setFillGray(0.9)
        c.rect(MARGIN, y - TABLE_HEAD_H, PAGE_W - 2 * MARGIN, TABLE_HEAD_H, stroke=1, fill=1)
        c.setFillGray(0)
        x = MARGIN
        for key, width in COLUMNS:
            german, english = self.labels[key]
            self._fitted(german, self.bold, 8.5, x + 1.5 * MM, y - 4.5 * MM, width * MM - 3 * MM)
            if english:
                self._fitted(english, self.regular, 6.5, x + 1.5 * MM, y - 8 * MM, width * MM - 3 * MM)
            x += width * MM
        y -= TABLE_HEAD_H
        timezone = self.section.header.timezone
        for number, row in enumerate(rows, start=offset + 1):
            values = (str(number), row.list_name, row.organisation, local_time(row.first_check_in, timezone), "")
            self._row(y, values)
            y -= ROW_H
        return y

    def _row(self, y: float, values: Sequence[str]) -> None:
        c = self.c
        c.rect(MARGIN, y - ROW_H, PAGE_W - 2 * MARGIN, ROW_H, stroke=1, fill=0)
        x = MARGIN
        for (key, width), value in zip(COLUMNS, values):
            if x > MARGIN:
                c.line(x, y, x, y - ROW_H)
            if value:
                draw_cell(c, value, x + 1.5 * MM, y - ROW_H, width * MM - 3 * MM, ROW_H, 9, self.regular)
            x += width * MM

    def _digest(self, top: float) -> None:
        c, section = self.c, self.section
        y = top - 8 * MM
        c.setFont(self.bold, 9)
        c.drawString(MARGIN, y, self._label("count", count=len(section.rows)))
        c.drawString(MARGIN, y - 6 * MM, self._label("digest") + ":")
        c.setFont(self.regular, 8)
        c.drawString(MARGIN, y - 10.5 * MM, attendance_digest(section.rows, section.header.timezone))
        c.setFont(self.regular, 6.5)
        for number, line in enumerate(self.labels["digest_help"]):
            if line:
                c.drawString(MARGIN, y - (15 + 3.5 * number) * MM, line)

    def _foot(self, page: int, total: int) -> None:
        c = self.c
        c.setFont(self.regular, 7.5)
        c.drawRightString(PAGE_W - MARGIN, 10 * MM, self._label("page", page=page, pages=total))
        c.drawString(MARGIN, 10 * MM, f"{self._label('created')}: "
                     f"{local_time(self.created, self.section.header.timezone)} · Check-in Desk")

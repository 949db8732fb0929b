"""The attendance report as a PDF (tables and an arrivals chart drawn with reportlab.graphics)
and as CSV (one table: section, name and the counts)."""
from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from checkin.badges.pdf_fonts import register_fonts
from checkin.core.spreadsheet import spreadsheet_safe
from checkin.reports.attendance import local_time
from checkin.reports.attendance_report import AttendanceReport, DeskRow, Row, attendance_report
from checkin.store.database import Database
from checkin.store.events import find_event, find_list
from checkin.store.models import utcnow

if TYPE_CHECKING:  # ReportLab's layout modules are loaded when a PDF is written
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import Color
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

CSV_COLUMNS = ("section", "name", "registered", "attended", "no_shows", "walk_ins", "check_ins", "refused_scans",
               "undone")
TABLE_HEAD = ("", "Angemeldet\nRegistered", "Anwesend\nAttended", "Nicht erschienen\nNo-shows",
              "Walk-ins", "Quote\nRate")
DESK_HEAD = ("Desk", "Check-ins", "Angemeldete\nRegistered first", "Walk-ins", "Abgewiesen\nRefused scans",
             "Rückgängig\nUndone")
MAX_CHART_LABELS = 16
#: Column widths (mm) of the report's tables: the name, then each count; 180 mm in all.
NAME_COLUMN_MM, COUNT_COLUMN_MM = 60, 24
#: ReportLab's default cell padding (points) left and right of the text.
CELL_PADDING = 6
HEAD_SIZE, SMALLEST_HEAD_SIZE = 7.5, 5.5
#: Widest slot of the arrivals chart: one slot is a narrow bar, not one across the page.
CHART_WIDTH_MM, SLOT_MAX_MM = 165, 9


def write_report_csv(path: Path, report: AttendanceReport) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(CSV_COLUMNS)
        for section, rows in (("total", [report.total]), ("ticket_type", report.ticket_types)):
            for row in rows:
                writer.writerow([section, spreadsheet_safe(row.name), row.registered, row.attended, row.no_shows,
                                 row.walk_ins, "", "", ""])
        for desk in report.desks:
            writer.writerow(["desk", spreadsheet_safe(desk.name), "", desk.attended, "", desk.walk_ins,
                             desk.check_ins, desk.refused_scans, desk.undone])
        for start, count in report.arrivals:
            writer.writerow(["arrivals", start.strftime("%Y-%m-%d %H:%M"), "", count, "", "", "", "", ""])


def write_report_pdf(path: Path, report: AttendanceReport, subtitle: str = "") -> int:
    """Write the PDF; returns its page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    regular, bold = register_fonts()
    styles = _styles(regular, bold)
    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                                 bottomMargin=18 * mm, title=f"Teilnahmebericht: {report.event}",
                                 creator="Check-in Desk")
    story = [_para("Teilnahmebericht / Attendance report", styles["title"]), _para(report.event, styles["event"])]
    if subtitle:
        story.append(_para(subtitle, styles["small"]))
    story += [Spacer(1, 4 * mm), _table([list(TABLE_HEAD), _counts(report.total, "Gesamt / Total")], bold, regular),
              Spacer(1, 6 * mm), _para("Nach Ticketart / By ticket type", styles["h2"]),
              _table([list(TABLE_HEAD), *(_counts(r, r.name) for r in report.ticket_types)], bold, regular),
              Spacer(1, 6 * mm), _para("Nach Desk / By desk", styles["h2"]),
              _table([list(DESK_HEAD), *(_desk(r) for r in report.desks)], bold, regular),
              Spacer(1, 6 * mm),
              _para(f"Ankünfte je {report.slot_minutes} Minuten / Arrivals per {report.slot_minutes} minutes "
                    f"({report.timezone})", styles["h2"]),
              arrivals_chart(report, regular)]
    pages = []
    document.build(story, onFirstPage=_footer(regular, pages), onLaterPages=_footer(regular, pages))
    return len(pages)


def _styles(regular: str, bold: str) -> dict:
    from reportlab.lib.styles import ParagraphStyle

    return {"title": ParagraphStyle("title", fontName=bold, fontSize=16, leading=20),
            "event": ParagraphStyle("event", fontName=bold, fontSize=12, leading=16),
            "h2": ParagraphStyle("h2", fontName=bold, fontSize=11, leading=15, spaceAfter=4),
            "small": ParagraphStyle("small", fontName=regular, fontSize=9, leading=12)}


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style)


def _rate(row: Row) -> str:
    return f"{row.attended / row.registered:.0%}" if row.registered else "–"


def _counts(row: Row, name: str) -> list[str]:
    return [name, str(row.registered), str(row.attended), str(row.no_shows), str(row.walk_ins), _rate(row)]


def _desk(row: DeskRow) -> list[str]:
    return [row.name, str(row.check_ins), str(row.attended), str(row.walk_ins), str(row.refused_scans),
            str(row.undone)]


def _table(rows: list[list[str]], bold: str, regular: str) -> Table:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    widths = [NAME_COLUMN_MM * mm] + [COUNT_COLUMN_MM * mm] * (len(rows[0]) - 1)
    head = [_head_cell(text, width - 2 * CELL_PADDING, bold, column > 0) for column, (text, width)
            in enumerate(zip(rows[0], widths))]
    body = [[_name_cell(row[0], regular), *row[1:]] for row in rows[1:]]
    table = Table([head, *body], colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 1), (-1, -1), regular, 9),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black)]))
    return table


def _head_cell(text: str, width: float, font: str, right: bool) -> Paragraph:
    """A column head that wraps between words and shrinks until its longest word fits the column."""
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    longest = max(text.split(), key=lambda word: stringWidth(word, font, HEAD_SIZE), default="")
    size = HEAD_SIZE
    while size > SMALLEST_HEAD_SIZE and stringWidth(longest, font, size) > width:
        size -= 0.25
    style = ParagraphStyle("head", fontName=font, fontSize=size, leading=size * 1.2,
                           alignment=TA_RIGHT if right else TA_LEFT)
    return Paragraph("<br/>".join(escape(line) for line in text.split("\n")), style)


def _name_cell(text: str, font: str) -> Paragraph:
    """A ticket type's or desk's name wraps inside its column instead of running into the counts."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), ParagraphStyle("name", fontName=font, fontSize=9, leading=11))


def arrivals_chart(report: AttendanceReport, font: str) -> Drawing:
    """A bar chart of first arrivals per slot (an empty note when nobody arrived)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib.units import mm

    drawing = Drawing(180 * mm, 75 * mm)
    if not report.arrivals:
        drawing.add(String(0, 60 * mm, "Noch keine Ankünfte / No arrivals yet", fontName=font, fontSize=10))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y, chart.height = 12 * mm, 14 * mm, 56 * mm
    chart.width = min(CHART_WIDTH_MM, SLOT_MAX_MM * len(report.arrivals)) * mm
    chart.data = [[count for _start, count in report.arrivals]]
    step = max(1, -(-len(report.arrivals) // MAX_CHART_LABELS))
    label = "%d.%m." if report.slot_minutes >= 24 * 60 else "%H:%M"
    chart.categoryAxis.categoryNames = [start.strftime(label) if i % step == 0 else ""
                                        for i, (start, _count) in enumerate(report.arrivals)]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle, chart.categoryAxis.labels.boxAnchor = 45, "ne"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = max(1, -(-max(chart.data[0]) // 6))
    chart.bars[0].fillColor = _blue()
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    return drawing


def _blue() -> Color:
    from reportlab.lib import colors

    return colors.Color(0.16, 0.38, 0.66)


def _footer(font: str, pages: list[int]) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, document: SimpleDocTemplate) -> None:
        from reportlab.lib.units import mm

        pages.append(document.page)
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.drawRightString(document.pagesize[0] - 15 * mm, 10 * mm, f"Seite / Page {document.page}")
        canvas.drawString(15 * mm, 10 * mm, "Check-in Desk")
        canvas.restoreState()
    return draw


def export_attendance_report(database: Database, event_slug: str | None, out: Path, list_id: int | None = None) -> dict:
    """Write the report as PDF or CSV (by the file's suffix); returns the report as JSON data."""

    with database.reader() as session:
        event = find_event(session, event_slug)
        list_name = find_list(session, event, list_id).name if list_id is not None else ""
        report = attendance_report(session, event, list_id, list_name)
    out.parent.mkdir(parents=True, exist_ok=True)
    summary = {"file": str(out), **report.as_json()}
    if out.suffix.lower() == ".csv":
        write_report_csv(out, report)
    else:
        scope = f"Liste / List: {list_name}" if list_name else "Alle Listen / All lists"
        summary["pages"] = write_report_pdf(out, report, f"{scope} · {local_time(utcnow(), event.timezone)}")
    return summary

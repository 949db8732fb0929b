"""The reconciliation as a file for organisers and funders: CSV (one finding a row) or PDF."""
from __future__ import annotations

import csv
from pathlib import Path
from xml.sax.saxutils import escape

from checkin.sync.pretix.reconcile import Reconciliation

SECTION_TITLES = {
    "rejected": "Refused by pretix even when forced",
    "forced_duplicates": "Admitted twice (e.g. at two offline desks)",
    "cancelled_checked_in": "Checked in, order cancelled meanwhile",
    "walk_ins": "Walk-ins unknown to pretix",
    "no_shows": "No-shows",
}


class ReportFormatError(ValueError):
    """The report file name ends in neither .csv nor .pdf."""


def write_report(report: Reconciliation, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".pdf"):
        raise ReportFormatError(f"Cannot write a report as '{path.suffix or path.name}': use a .csv or .pdf file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")  # a half-written report never replaces a good one
    (_write_csv if suffix == ".csv" else _write_pdf)(report, temporary)
    temporary.replace(path)


def _summary(report: Reconciliation) -> list[tuple[str, int]]:
    return [("Check-ins uploaded and accepted", report.uploaded), ("Waiting for upload", report.pending_upload),
            ("Entries recorded by pretix", report.server_check_ins),
            *((title, len(getattr(report, section))) for section, title in SECTION_TITLES.items())]


def _write_csv(report: Reconciliation, path: Path) -> None:
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:  # BOM: Excel reads umlauts right
        writer = csv.writer(handle)
        writer.writerow(["section", "name", "order", "code", "detail"])
        for title, count in _summary(report):
            writer.writerow(["summary", title, "", "", count])
        for section in SECTION_TITLES:
            for finding in getattr(report, section):
                writer.writerow([section, finding.name, finding.order, finding.code, finding.detail])


def _write_pdf(report: Reconciliation, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    font = _unicode_font()
    for style in styles.byName.values():
        style.fontName = font
    cell = styles["BodyText"]
    story = [Paragraph(escape(f"Attendance reconciliation: {report.event}"), styles["Title"]),
             Paragraph(escape(f"Check-in list: {report.check_in_list}"), styles["Normal"]), Spacer(1, 5 * mm),
             Table([[title, str(count)] for title, count in _summary(report)], colWidths=[120 * mm, 30 * mm],
                   style=[("FONT", (0, 0), (-1, -1), font)])]
    grid = TableStyle([("FONT", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)])
    for section, title in SECTION_TITLES.items():
        findings = getattr(report, section)
        if not findings:
            continue
        rows = [["Name", "Order", "Detail"]] + [
            [Paragraph(escape(f.name), cell), Paragraph(escape(f.order or f.code[:24]), cell),
             Paragraph(escape(f.detail), cell)] for f in findings]
        story += [Spacer(1, 6 * mm), Paragraph(escape(f"{title} ({len(findings)})"), styles["Heading2"]),
                  Table(rows, colWidths=[55 * mm, 45 * mm, 70 * mm], style=grid, repeatRows=1)]
    SimpleDocTemplate(str(path), pagesize=A4, title=f"Reconciliation {report.event}").build(story)


#: Helvetica has no glyphs for Ł, ő, Ş…; Noto Sans (Debian fonts-noto-core) has. The badges
#: module bundles fonts; until then the system's Noto is used where it exists.
_NOTO = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")


def _unicode_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not _NOTO.exists():
        return "Helvetica"
    if "NotoSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("NotoSans", str(_NOTO)))
    return "NotoSans"

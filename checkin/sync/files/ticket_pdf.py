"""A printable ticket per guest: A4, the ticket in the upper third, so it prints at home
and shows whole on a phone. Text is drawn with drawString (no markup to escape)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checkin.badges.pdf_fonts import fit, register_fonts
from checkin.badges.qr import Matrix
from checkin.sync.files.qr import draw_qr, matrix_of, qr_code

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN = 15 * MM
BOX_H = 95 * MM
QR_SIZE = 60 * MM


@dataclass(frozen=True)
class Ticket:
    event: str
    dates: str
    place: str
    name: str
    organisation: str
    ticket_type: str
    code: str
    payload: str


def write_ticket_pdf(path: Path, ticket: Ticket, matrix: Matrix | None = None) -> None:
    """Write the ticket; ``matrix`` saves encoding the QR code again when the caller has it."""
    from reportlab.pdfgen.canvas import Canvas

    regular, bold = register_fonts()
    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), pageCompression=1)
    canvas.setTitle(f"Ticket: {ticket.event} – {ticket.name}")
    canvas.setCreator("Check-in Desk")
    top = PAGE_H - MARGIN
    canvas.setLineWidth(0.8)
    canvas.setDash(4, 3)
    canvas.rect(MARGIN, top - BOX_H, PAGE_W - 2 * MARGIN, BOX_H, stroke=1, fill=0)
    canvas.setDash()
    qr_x = PAGE_W - MARGIN - QR_SIZE - 5 * MM
    draw_qr(canvas, matrix or matrix_of(qr_code(ticket.payload)), qr_x, top - QR_SIZE - 10 * MM, QR_SIZE)
    text_width = qr_x - MARGIN - 12 * MM
    left = MARGIN + 7 * MM
    lines = ((ticket.event, bold, 15, 14), (ticket.dates, regular, 10, 7), (ticket.place, regular, 10, 15),
             (ticket.name, bold, 20, 10), (ticket.organisation, regular, 12, 10), (ticket.ticket_type, bold, 11, 0))
    y = top - 14 * MM
    for text, font, size, gap_mm in lines:
        if text:
            shown, fitted = fit(text, font, size, text_width)
            canvas.setFont(font, fitted)
            canvas.drawString(left, y, shown)
        y -= gap_mm * MM if text else 0
    canvas.setFont(regular, 8)
    canvas.drawCentredString(qr_x + QR_SIZE / 2, top - QR_SIZE - 14 * MM, f"Code: {ticket.code}")
    canvas.setFont(regular, 8)
    canvas.drawString(left, top - BOX_H + 6 * MM, "Bitte am Einlass vorzeigen, gedruckt oder auf dem Handy. / "
                      "Please show this at the entrance, printed or on your phone.")
    canvas.showPage()
    canvas.save()

"""QR codes with `qrcode`, drawn on a ReportLab canvas as one vector path from the module matrix.

ReportLab's QrCodeWidget draws every module as its own shape and is several times slower;
one path of merged row runs prints identically and keeps a batch of 1,000 badges fast.
Badges and invitation tickets both draw through here.
"""
from __future__ import annotations

from collections.abc import Sequence

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q
from reportlab.pdfgen.canvas import Canvas

#: Quiet zone in modules around a badge's symbol; scanners at a desk read 2 reliably.
QUIET_ZONE = 2
_LEVELS = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}

Matrix = Sequence[Sequence[bool]]


def error_level(payload: str) -> str:
    """Stronger error correction for short payloads (they stay small enough to scan at any level)."""
    length = len(payload.encode("utf-8"))
    if length <= 32:
        return "H"
    if length <= 64:
        return "Q"
    if length <= 160:
        return "M"
    return "L"


def make_qr(payload: str, level: str | None = None) -> qrcode.QRCode:
    """The encoded symbol (no quiet zone); choosing its mask is the slow part, so encode once."""
    code = qrcode.QRCode(error_correction=_LEVELS[level or error_level(payload)], border=0)
    code.add_data(payload)
    code.make(fit=True)
    return code


def qr_matrix(payload: str, level: str | None = None) -> Matrix:
    return make_qr(payload, level).get_matrix()


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> int:
    """Draw the QR code of ``payload`` in the square at (x, y) (bottom-left) of ``size`` points.

    Returns the number of modules per side (without the quiet zone).
    """
    matrix = qr_matrix(payload)
    draw_matrix(canvas, matrix, x, y, size, QUIET_ZONE)
    return len(matrix)


def draw_matrix(canvas: Canvas, matrix: Matrix, x: float, y: float, size: float, quiet_zone: int,
                rgb: tuple[float, float, float] = (0, 0, 0)) -> None:
    """Draw a module matrix in the square at (x, y) of ``size`` points, quiet zone included."""
    module = size / (len(matrix) + 2 * quiet_zone)
    left, top = x + quiet_zone * module, y + size - quiet_zone * module
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        row_top = top - (row_index + 1) * module
        start = None
        for column, dark in enumerate((*row, False)):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                path.rect(left + start * module, row_top, (column - start) * module, module)
                start = None
    canvas.saveState()
    canvas.setFillColorRGB(*rgb)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()

"""QR codes for invitations: PNG and SVG files (segno, no imaging library) and a vector
QR drawn on a ReportLab canvas as one path (fast: see STACK-NOTES)."""
from __future__ import annotations

from pathlib import Path


def qr_code(payload: str):  # noqa: ANN201 - segno.QRCode
    import segno

    # Level M survives a creased printout or a cracked phone screen; never a Micro QR.
    return segno.make_qr(payload, error="m", boost_error=False)


def write_images(code, png: Path, svg: Path) -> None:  # noqa: ANN001 - segno.QRCode
    code.save(png, kind="png", scale=8, border=4)
    code.save(svg, kind="svg", scale=4, border=4, xmldecl=True, svgclass=None, lineclass=None)


def draw_qr(canvas, matrix, x: float, y: float, size: float) -> None:  # noqa: ANN001 - Canvas, QR matrix
    """Draw the code's module matrix (rows of 0/1, e.g. ``qr_code(payload).matrix``) with its lower
    left corner at (x, y), ``size`` points wide, quiet zone included."""
    modules = len(matrix) + 8
    step = size / modules
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + 4) * step
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            path.rect(x + (start + 4) * step, top - step, (column - start) * step, step)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()

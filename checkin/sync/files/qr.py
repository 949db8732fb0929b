"""QR codes for invitations: PNG and SVG files (qrcode, PNG through pypng: no imaging library),
and the vector QR on the printable ticket (drawn by checkin.badges.qr)."""
from __future__ import annotations

from pathlib import Path

import qrcode
from qrcode.image.pure import PyPNGImage
from qrcode.image.svg import SvgPathImage
from reportlab.pdfgen.canvas import Canvas

from checkin.badges.qr import Matrix, draw_matrix, make_qr

#: Quiet zone of the invitation images and tickets: the standard's 4 modules (phones read them from mail).
QUIET_ZONE = 4


def qr_code(payload: str) -> qrcode.QRCode:
    # Level M survives a creased printout or a cracked phone screen.
    return make_qr(payload, "M")


def write_images(code: qrcode.QRCode, png: Path, svg: Path) -> None:
    code.border = QUIET_ZONE
    try:
        code.box_size = 8  # pixels per module
        with png.open("wb") as file:  # given a name, qrcode's PNG writer leaves the file open
            code.make_image(image_factory=PyPNGImage).save(file)
        code.box_size = 10  # SVG: 1 mm per module (qrcode counts tenths of a millimetre)
        with svg.open("wb") as file:
            code.make_image(image_factory=SvgPathImage).save(file)
    finally:
        code.border = 0


def matrix_of(code: qrcode.QRCode) -> Matrix:
    return code.get_matrix()


def draw_qr(canvas: Canvas, matrix: Matrix, x: float, y: float, size: float) -> None:
    """Draw the code's module matrix with its lower left corner at (x, y), ``size`` points wide,
    quiet zone included."""
    draw_matrix(canvas, matrix, x, y, size, QUIET_ZONE)

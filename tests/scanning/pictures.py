"""Pictures with QR codes in them, made the way a camera or a screenshot would show them.

Shared by the decode tests, the camera tests and the camera benchmarks: tickets are drawn by
``qrcode`` (as our invitations are), then placed, turned, blurred or faded with Pillow.
"""
from __future__ import annotations

import io

import qrcode
from PIL import Image, ImageFilter
from PySide6.QtGui import QImage

WHITE = 255


def ticket(text: str, box: int = 8, border: int = 4) -> Image.Image:
    """The QR code of ``text`` as a grey picture, ``box`` pixels per module."""
    code = qrcode.QRCode(box_size=box, border=border, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    return code.make_image().get_image().convert("L")


def scene(size: tuple[int, int], *placed: tuple[Image.Image, tuple[int, int]], background: int = WHITE) -> Image.Image:
    """A frame of ``size`` with each (picture, top-left corner) pasted on it."""
    frame = Image.new("L", size, background)
    for picture, corner in placed:
        frame.paste(picture, corner)
    return frame


def centred(picture: Image.Image, size: tuple[int, int] = (1280, 720)) -> Image.Image:
    return scene(size, (picture, ((size[0] - picture.width) // 2, (size[1] - picture.height) // 2)))


def turned(picture: Image.Image, degrees: float) -> Image.Image:
    return picture.rotate(degrees, expand=True, fillcolor=WHITE, resample=Image.Resampling.BICUBIC)


def blurred(picture: Image.Image, radius: float) -> Image.Image:
    return picture.filter(ImageFilter.GaussianBlur(radius))


def faded(picture: Image.Image, dark: int, light: int) -> Image.Image:
    """Black becomes ``dark`` and white ``light``: a dim screen or a grey print."""
    return picture.point(lambda value: dark + (light - dark) * value // 255)


def as_qimage(picture: Image.Image) -> QImage:
    """Through PNG bytes, as a screenshot file would arrive (no shared buffers to outlive)."""
    data = io.BytesIO()
    picture.save(data, "PNG")
    image = QImage.fromData(data.getvalue(), "PNG")
    assert not image.isNull()
    return image


def as_frame_image(picture: Image.Image) -> QImage:
    """In the 32-bit format a video frame made from a QImage has (what a webcam frame converts to)."""
    return as_qimage(picture.convert("RGB")).convertToFormat(QImage.Format.Format_RGB32)

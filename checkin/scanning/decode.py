"""One way from a picture to the QR codes in it: the webcam's frames and `checkin scan --image`.

zxing-cpp looks for QR codes only (about 15× faster than all formats). Pictures larger than
:data:`MAX_SIDE` are scaled down first: a code that fills a fair part of a phone photo reads as
well at 1280 px, in a fraction of the time. The camera alternates that whole view with the
centre at full resolution (:class:`FrameReader`), where a ticket held up to the lens usually
is, so a small code far away is read too. A file that found nothing scaled down is read once
more at full size. Pictures are never turned grey with Qt first: that costs more than the
decode, and zxing-cpp takes the luminance itself.

Qt's QImage needs no display: the headless CLI loads files with QImageReader, which also
turns photos upright (EXIF orientation).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

#: Longest side a picture is decoded at; larger ones are scaled down (or cropped to the centre).
MAX_SIDE = 1280
_QR = zxingcpp.BarcodeFormat.QRCode
_F = QImage.Format
#: The QImage formats zxing-cpp reads directly; others (palette PNGs, BMPs, premultiplied) are converted.
_READABLE = {_F.Format_Grayscale8, _F.Format_RGB32, _F.Format_ARGB32, _F.Format_RGB888, _F.Format_BGR888,
             _F.Format_RGBA8888}


@dataclass(frozen=True)
class Reading:
    """The different codes found in one picture, in the order zxing-cpp found them."""

    codes: tuple[str, ...] = ()

    @property
    def code(self) -> str | None:
        """The one code to scan; None when there is none or more than one (never guess)."""
        return self.codes[0] if len(self.codes) == 1 else None

    @property
    def several(self) -> bool:
        return len(self.codes) > 1


class ImageError(ValueError):
    """A file that is no picture this desk can read; the text is one line for the user."""


def read_codes(image: QImage) -> Reading:
    """The QR codes in ``image`` exactly as it is (no scaling); the same ticket twice counts once."""
    if image.format() not in _READABLE:
        image = image.convertToFormat(_F.Format_RGB32)
    found = zxingcpp.read_barcodes(image, formats=_QR)
    return Reading(tuple(dict.fromkeys(barcode.text for barcode in found if barcode.text)))


def scaled_down(image: QImage, max_side: int = MAX_SIDE, smooth: bool = False) -> QImage:
    """The whole picture with its longer side at most ``max_side``.

    Smooth scaling keeps thin modules of a still picture but costs ~12 ms on a 1080p frame;
    video frames take every n-th pixel (under 1 ms), good down to ~3 pixels per module.
    """
    if fits(image, max_side):
        return image
    mode = Qt.TransformationMode.SmoothTransformation if smooth else Qt.TransformationMode.FastTransformation
    return image.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio, mode)


def centre(image: QImage, max_side: int = MAX_SIDE) -> QImage:
    """The middle of the picture at full resolution, at most ``max_side`` wide and as high as wide allows."""
    width = min(image.width(), max_side)
    height = min(image.height(), round(max_side * image.height() / max(1, image.width())))
    return image.copy(QRect((image.width() - width) // 2, (image.height() - height) // 2, width, height))


def fits(image: QImage, max_side: int = MAX_SIDE) -> bool:
    return max(image.width(), image.height()) <= max_side


class FrameReader:
    """Reads video frames one after another (one reader per camera, one thread).

    Frames that fit are read whole. Larger ones take turns: the whole view scaled down, then
    the centre at full resolution, so each frame costs about as much as a 1280×720 one.
    """

    def __init__(self, max_side: int = MAX_SIDE):
        self.max_side = max_side
        self._turn = 0

    def read(self, image: QImage) -> Reading:
        if fits(image, self.max_side):
            return read_codes(image)
        view = (scaled_down, centre)[self._turn]
        self._turn ^= 1
        return read_codes(view(image, self.max_side))


def read_picture(image: QImage, max_side: int = MAX_SIDE) -> Reading:
    """A still picture (photo, screenshot): scaled down first, then at full size if that found nothing."""
    reading = read_codes(scaled_down(image, max_side, smooth=True))
    if reading.codes or fits(image, max_side):
        return reading
    return read_codes(image)


def load_image(path: Path) -> QImage:
    """The picture in ``path``, upright; :class:`ImageError` with the reason when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise ImageError(f"cannot read {path} as a picture: {reader.errorString()}")
    return image


def read_file(path: Path) -> Reading:
    return read_picture(load_image(path))

"""Pictures added to a badge layout (a logo, a sponsor strip): PNG and JPEG are checked and
copied beside the organiser's layouts; SVG and PDF are drawn once into a PNG there by Qt, so the
layout names a file the CLI prints alike without any SVG or PDF library.

A file that is not a picture leaves nothing behind: every file is written under a temporary
name and renamed only when complete.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtSvg import QSvgRenderer

from checkin.badges.images import PRINTABLE_SUFFIXES, picture_size
from checkin.badges.layout import LayoutError

#: Long side of the PNG drawn from an SVG or PDF: about 600 dpi on a 10 cm sponsor strip.
RASTER_PIXELS = 2400
SUFFIXES = (*PRINTABLE_SUFFIXES, ".svg", ".pdf")


class PictureError(ValueError):
    """The file cannot go on a badge; the message is the sentence to show."""


def add_picture(source: Path, folder: Path) -> tuple[Path, tuple[int, int]]:
    """Check ``source`` and put a printable copy into ``folder``; the copy's path and pixel size."""
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        raise PictureError(QCoreApplication.translate("BadgePictures", "{0} is not a PNG, JPEG, SVG or PDF file.")
                           .format(source.name))
    try:
        data = source.read_bytes()
    except OSError as error:
        raise PictureError(QCoreApplication.translate("BadgePictures", "{0} cannot be read: {1}")
                           .format(source.name, error.strerror or error)) from None
    digest = hashlib.sha256(data).hexdigest()[:10]
    if suffix in PRINTABLE_SUFFIXES:
        try:
            size = picture_size(source)
        except LayoutError:
            raise PictureError(QCoreApplication.translate("BadgePictures", "{0} is not a picture (it cannot be read "
                                                          "as {1}).").format(source.name, suffix[1:].upper())) from None
        target = folder / f"{_stem(source)}-{digest}{suffix}"
        _write(target, lambda temporary: shutil.copyfile(source, temporary))
        return target, size
    image = _svg_image(source, data) if suffix == ".svg" else _pdf_image(source, data)
    target = folder / f"{_stem(source)}-{digest}.png"
    _write(target, lambda temporary: _save_png(image, temporary, source))
    return target, (image.width(), image.height())


def _stem(source: Path) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in source.stem)[:40] or "picture"


def _write(target: Path, write) -> None:  # noqa: ANN001 - a callable taking the temporary path
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(suffix=".part", dir=target.parent)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise PictureError(QCoreApplication.translate("BadgePictures", "The picture cannot be saved: {0}")
                           .format(error.strerror or error)) from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _save_png(image: QImage, path: str, source: Path) -> None:
    if not image.save(path, "PNG"):
        raise OSError(f"{source.name} could not be written as PNG")


def _canvas(width: float, height: float) -> QImage:
    scale = RASTER_PIXELS / max(width, height, 1.0)
    image = QImage(max(round(width * scale), 1), max(round(height * scale), 1), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


def _svg_image(source: Path, data: bytes) -> QImage:
    not_svg = PictureError(QCoreApplication.translate("BadgePictures", "{0} is not an SVG picture.")
                           .format(source.name))
    try:  # checked first: Qt's SVG reader warns on the console about what it cannot read
        if not ElementTree.fromstring(data).tag.endswith("svg"):
            raise not_svg
    except ElementTree.ParseError:
        raise not_svg from None
    renderer = QSvgRenderer(QByteArray(data))
    size = renderer.defaultSize()
    if not renderer.isValid() or size.isEmpty():
        raise not_svg
    image = _canvas(size.width(), size.height())
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    return image


def _pdf_image(source: Path, data: bytes) -> QImage:
    not_pdf = PictureError(QCoreApplication.translate("BadgePictures", "{0} is not a PDF file that can be read.")
                           .format(source.name))
    if not data.startswith(b"%PDF"):
        raise not_pdf
    document = QPdfDocument()
    document.load(str(source))
    try:
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise not_pdf
        page = document.pagePointSize(0)
        canvas = _canvas(page.width(), page.height())
        return document.render(0, QSize(canvas.width(), canvas.height()))
    finally:
        document.close()

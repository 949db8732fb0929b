"""Badges in the event's own pretix layouts, drawn as pretix draws them (``pretix.base.pdf.Renderer``).

The layout is pretix's JSON: elements placed in mm from the page's bottom-left on the pages of
the background PDF. We draw the elements with ReportLab, one overlay page per badge and
background page, and lay the background page under it with pypdf, as pretix does. Elements we
cannot draw offline (an unknown type, a plugin's content, pretix's logo) are left out; the
layout warns once about each, and the badge still prints.
"""
from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, IndirectObject,
                           NameObject, RectangleObject)
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from checkin.badges.pretix_text import draw_textarea, draw_textcontainer
from checkin.badges.pretix_values import EventFacts, PretixGuest, content_text, pretix_values
from checkin.badges.qr import draw_matrix, make_qr

log = logging.getLogger(__name__)
PREFIX = "pretix:"
#: pretix's default background (badge_default_a6l.pdf) is a blank A6 landscape page.
DEFAULT_PAGE = (148 * mm, 105 * mm)
#: QrCodeWidget's quiet zone, in modules.
QR_BORDER = 4
BACKGROUND_NAME = "/CheckinDeskBackground"
#: What the log has said already: a desk printing on check-in makes a renderer per badge, and
#: should say once, not per guest, what a layout lacks.
_logged: set[str] = set()


@dataclass(frozen=True)
class PretixLayout:
    """One badge layout of a pretix event, as the pull stored it."""

    external_id: str
    name: str
    elements: tuple[Mapping[str, Any], ...]
    background: bytes | None = None
    is_default: bool = False

    @property
    def key(self) -> str:
        return PREFIX + self.name


@dataclass
class PretixRenderResult:
    pages: int = 0
    badges: int = 0
    warnings: list[str] = field(default_factory=list)


def _sizebox(page: PageObject) -> RectangleObject:
    media, crop = page.mediabox, page.cropbox
    return RectangleObject((max(media[0], crop[0]), max(media[1], crop[1]),
                            min(media[2], crop[2]), min(media[3], crop[3])))


class _Background:
    """The background PDF's pages, read once per renderer; the page size is its first page's."""

    def __init__(self, content: bytes | None):
        self.pages = list(PdfReader(io.BytesIO(content), strict=False).pages) if content else []
        self.size = DEFAULT_PAGE
        if self.pages:
            box = _sizebox(self.pages[0])
            self.size = (float(box.width), float(box.height))
            if self.pages[0].rotation in (90, 270):
                self.size = self.size[::-1]

    @property
    def page_count(self) -> int:
        return max(1, len(self.pages))

    def forms(self, writer: PdfWriter) -> list[IndirectObject]:
        """Each background page as a form XObject in ``writer``, placed as pretix places it (rotation
        undone, crop box at the origin). Written once and shown on every badge: a batch stays small and
        fast where merging the page into each badge copied it 1,000 times."""
        return [writer._add_object(_form(page).clone(writer)) for page in self.pages]


def _form(page: PageObject) -> DecodedStreamObject:
    transform = Transformation()
    if page.rotation:
        transform = transform.rotate(-page.rotation)
    box = _sizebox(page)
    low, high = transform.apply_on(box.lower_left), transform.apply_on(box.upper_right)
    transform = transform.translate(-min(low[0], high[0]), -min(low[1], high[1]))
    form = DecodedStreamObject()
    contents = page.get_contents()
    form.set_data(contents.get_data() if contents is not None else b"")
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): RectangleObject(box), NameObject("/Matrix"): ArrayObject(
                     FloatObject(value) for value in transform.ctm),
                 NameObject("/Resources"): page.get("/Resources") or DictionaryObject()})
    return form


def _show_under(writer: PdfWriter, page: PageObject, form: IndirectObject, call: IndirectObject) -> None:
    """Show ``form`` before the page's own content, so the badge is drawn over its background."""
    resources = page.setdefault(NameObject("/Resources"), DictionaryObject()).get_object()
    xobjects = resources.setdefault(NameObject("/XObject"), DictionaryObject()).get_object()
    xobjects[NameObject(BACKGROUND_NAME)] = form
    contents = page.raw_get(NameObject("/Contents"))  # a reference: a stream must stay an indirect object
    own = list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([call, *own])


class PretixBadgeRenderer:
    """``render(guests, target)``: one badge per page (per background page), in the layout's size."""

    def __init__(self, layout: PretixLayout, event: EventFacts):
        self.layout, self.event = layout, event
        self.background = _Background(layout.background)
        self.warnings: list[str] = []
        self._warned: set[str] = set()

    def render(self, guests: Iterable[PretixGuest], target: str | Path | BinaryIO) -> PretixRenderResult:
        overlay, badges = io.BytesIO(), 0
        canvas = Canvas(overlay, pagesize=self.background.size, pageCompression=1)
        for guest in guests:
            self._draw_badge(canvas, guest)
            badges += 1
        canvas.save()
        # Incremental: the overlay's objects (fonts, drawings) are kept as written, not parsed and
        # cloned; only the changed pages and the background form are appended.
        overlay.seek(0)
        writer = PdfWriter(overlay, incremental=True)
        forms = self.background.forms(writer)
        call = writer._add_object(_stream(f"q {BACKGROUND_NAME} Do Q\n".encode()))
        for index, page in enumerate(writer.pages):
            if forms:
                _show_under(writer, page, forms[index % len(forms)], call)
        writer.add_metadata({"/Title": f"Badges: {self.layout.name}", "/Creator": "Check-in Desk"})
        write_pdf(writer, target)
        return PretixRenderResult(len(writer.pages), badges, list(self.warnings))

    def render_bytes(self, guests: Iterable[PretixGuest]) -> tuple[bytes, PretixRenderResult]:
        buffer = io.BytesIO()
        result = self.render(guests, buffer)
        return buffer.getvalue(), result

    def _draw_badge(self, canvas: Canvas, guest: PretixGuest) -> None:
        values = pretix_values(guest, self.event)
        for page in range(1, self.background.page_count + 1):
            for element in self.layout.elements:
                if int(element.get("page", 1)) == page:
                    self._draw_element(canvas, element, values)
            canvas.showPage()

    def _draw_element(self, canvas: Canvas, element: Mapping[str, Any], values: Mapping[str, str]) -> None:
        kind = element.get("type")
        if kind in ("textarea", "textcontainer"):
            text = content_text(element, values, self._unknown_content)
            (draw_textarea if kind == "textarea" else draw_textcontainer)(canvas, element, text)
        elif kind == "barcodearea":
            self._draw_barcode(canvas, element, values)
        elif kind == "imagearea":
            self._warn(f"image {element.get('content')!r} (not kept offline; a grey box as pretix shows it)")
            _grey_box(canvas, element)
        else:
            self._warn(f"element {kind!r}")

    def _draw_barcode(self, canvas: Canvas, element: Mapping[str, Any], values: Mapping[str, str]) -> None:
        """pretix's QR: error correction H up to 32 characters, M up to 128, else L; 4 modules of
        quiet zone unless ``nowhitespace``."""
        content = element.get("content", "secret")
        payload = values["secret"] if content == "secret" else content_text(element, values, self._unknown_content)
        payload = payload if content == "secret" else payload.strip()
        if not payload:
            return
        level = "H" if len(payload) <= 32 else "M" if len(payload) <= 128 else "L"
        color = element.get("color") or [0, 0, 0]
        size = float(element["size"]) * mm
        border = 0 if element.get("nowhitespace", False) else QR_BORDER
        draw_matrix(canvas, make_qr(payload, level).get_matrix(), float(element["left"]) * mm,
                    float(element["bottom"]) * mm, size, border, rgb=(color[0] / 255, color[1] / 255, color[2] / 255))

    def _unknown_content(self, name: str) -> None:
        self._warn(f"content {name!r} (a plugin's, or data the desk does not keep)")

    def _warn(self, what: str) -> None:
        if what not in self._warned:
            self._warned.add(what)
            message = f"pretix layout {self.layout.name!r}: left out {what}"
            self.warnings.append(message)
            if message not in _logged:
                _logged.add(message)
                log.warning(message)


def write_pdf(writer: PdfWriter, target: str | Path | BinaryIO) -> None:
    if isinstance(target, (str, Path)):
        with open(target, "wb") as handle:
            writer.write(handle)
    else:
        writer.write(target)


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _grey_box(canvas: Canvas, element: Mapping[str, Any]) -> None:
    canvas.saveState()
    canvas.setFillColorRGB(.8, .8, .8)
    canvas.rect(float(element["left"]) * mm, float(element["bottom"]) * mm, float(element["width"]) * mm,
                float(element["height"]) * mm, stroke=0, fill=1)
    canvas.restoreState()

"""Renders badges to PDF with ReportLab: one guest per label, labels filled sheet by sheet.

Layouts are scaled from their design size to the stock's label; text sizes scale with the
smaller of the two factors. Each text is fitted into its box (checkin.badges.text) and, when
asked, every placement is recorded so tests and the editor can see where ink went.
"""
from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from checkin.badges.fonts import starts_right_to_left
from checkin.core.badge_guest import BadgeGuest
from checkin.badges.images import usable_picture
from checkin.badges.layout import BandElement, ImageElement, Layout, QrElement, TextElement, fill_template
from checkin.badges.qr import draw_qr
from checkin.badges.stock import Stock
from checkin.badges.text import FittedText, TextStyle, fit_text, ink_bottom_offset

Box = tuple[float, float, float, float]  # x, y (bottom-left), width, height in points
BAND_PADDING_MM = 1.5


@dataclass(frozen=True)
class Placement:
    """Where one text landed: its element's box and the box its ink covers, in page points."""
    page: int
    badge: int
    element: int
    text: str
    box: Box
    ink: Box
    font_size: float
    truncated: bool


@dataclass
class RenderResult:
    pages: int = 0
    badges: int = 0
    placements: list[Placement] = field(default_factory=list)
    #: What was left out, one sentence each (a missing or broken picture).
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Frame:
    """One label on the page: its top-left corner and the layout's scale factors."""
    left: float
    top: float
    scale_x: float
    scale_y: float

    @property
    def text_scale(self) -> float:
        return min(self.scale_x, self.scale_y)

    def box(self, x: float, y: float, width: float, height: float) -> Box:
        width, height = width * self.scale_x * mm, height * self.scale_y * mm
        return self.left + x * self.scale_x * mm, self.top - y * self.scale_y * mm - height, width, height


class BadgeRenderer:
    def __init__(self, layout: Layout, stock: Stock, *, offset: tuple[float, float] = (0.0, 0.0),
                 record: bool = False, outlines: bool = False):
        self.layout, self.stock, self.offset = layout, stock, offset
        self.record, self.outlines = record, outlines
        #: Each image element's file, or None when it is missing or no picture (drawn without it).
        self._images: dict[int, str | None] = {}
        self.warnings: list[str] = []
        for index, element in enumerate(layout.elements):
            if isinstance(element, ImageElement):
                self._images[index], warning = usable_picture(layout, element.path)
                if warning:
                    self.warnings.append(warning)

    def render(self, guests: Iterable[BadgeGuest], target: str | Path | BinaryIO) -> RenderResult:
        """Write the badges of ``guests`` (any iterable, consumed once) to ``target`` as PDF."""
        stock = self.stock
        canvas = Canvas(target if not isinstance(target, Path) else str(target),
                        pagesize=(stock.page_width * mm, stock.page_height * mm), pageCompression=1)
        canvas.setTitle(f"Badges: {self.layout.name} on {stock.title}")
        canvas.setCreator("Check-in Desk")
        result = RenderResult(warnings=list(self.warnings))
        for index, guest in enumerate(guests):
            slot = 0 if stock.back_panel else index % stock.per_page
            if index and slot == 0:
                canvas.showPage()
            self._draw_badge(canvas, guest, self._frame(stock.label_origin(slot)), result, index)
            if stock.back_panel:
                self._draw_badge(canvas, guest, self._frame(stock.back_panel), result, index)
            result.badges += 1
        canvas.showPage()
        canvas.save()
        result.pages = canvas.getPageNumber() - 1
        return result

    def render_bytes(self, guests: Iterable[BadgeGuest]) -> tuple[bytes, RenderResult]:
        buffer = io.BytesIO()
        result = self.render(guests, buffer)
        return buffer.getvalue(), result

    def _frame(self, origin: tuple[float, float]) -> _Frame:
        stock, layout = self.stock, self.layout
        left = (origin[0] + self.offset[0]) * mm
        top = (stock.page_height - origin[1] - self.offset[1]) * mm
        return _Frame(left, top, stock.label_width / layout.width, stock.label_height / layout.height)

    def _draw_badge(self, canvas: Canvas, guest: BadgeGuest, frame: _Frame, result: RenderResult,
                    badge: int) -> None:
        values = guest.values()
        self._draw_background(canvas, frame)
        for index, element in enumerate(self.layout.elements):
            if isinstance(element, TextElement):
                self._draw_text(canvas, element, frame, values, result, badge, index)
            elif isinstance(element, BandElement):
                self._draw_band(canvas, element, frame, values, result, badge, index)
            elif isinstance(element, QrElement):
                x, y, size, _h = frame.box(element.x, element.y, element.size, element.size)
                side = min(size, _h)
                payload = fill_template(element.value, values)
                if payload:
                    draw_qr(canvas, payload, x, y, side)
            elif isinstance(element, ImageElement) and self._images[index] is not None:
                x, y, width, height = frame.box(element.x, element.y, element.width, element.height)
                canvas.drawImage(self._images[index], x, y, width, height, preserveAspectRatio=True,
                                 anchor="c", mask="auto")

    def _draw_background(self, canvas: Canvas, frame: _Frame) -> None:
        x, y, width, height = frame.box(0, 0, self.layout.width, self.layout.height)
        radius = self.stock.corner_radius * mm
        if self.layout.background.upper() != "#FFFFFF":
            canvas.setFillColor(self.layout.background)
            canvas.roundRect(x, y, width, height, radius, stroke=0, fill=1)
        if self.outlines:
            canvas.saveState()
            canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
            canvas.setLineWidth(0.3)
            canvas.setDash(2, 2)
            canvas.roundRect(x, y, width, height, radius, stroke=1, fill=0)
            canvas.restoreState()

    def _draw_band(self, canvas: Canvas, element: BandElement, frame: _Frame, values: dict[str, str],
                   result: RenderResult, badge: int, index: int) -> None:
        x, y, width, height = frame.box(element.x, element.y, element.width, element.height)
        canvas.setFillColor(element.color_for(values["ticket_type"]))
        canvas.rect(x, y, width, height, stroke=0, fill=1)
        if element.text:
            padding = min(BAND_PADDING_MM * mm, width / 4)
            style = TextStyle(element.font_size * frame.text_scale, element.min_font_size * frame.text_scale,
                              element.bold, element.text_color, "center", 1)
            box = (x + padding, y, width - 2 * padding, height)
            self._place_text(canvas, fill_template(element.text, values), box, style, result, badge, index)

    def _draw_text(self, canvas: Canvas, element: TextElement, frame: _Frame, values: dict[str, str],
                   result: RenderResult, badge: int, index: int) -> None:
        box = frame.box(element.x, element.y, element.width, element.height)
        text = fill_template(element.text, values)
        style = TextStyle(element.font_size * frame.text_scale, element.min_font_size * frame.text_scale,
                          element.bold, element.color, _reading_align(text, element.align), element.max_lines)
        self._place_text(canvas, text, box, style, result, badge, index)

    def _place_text(self, canvas: Canvas, text: str, box: Box, style: TextStyle, result: RenderResult,
                    badge: int, index: int) -> None:
        x, y, width, height = box
        fitted = fit_text(text, width, height, style)
        if fitted is None:
            return
        ink_bottom = y + (height - fitted.ink_height) / 2
        fitted.paragraph.drawOn(canvas, x, ink_bottom - ink_bottom_offset(fitted, style.bold))
        if self.record:
            ink_left = x + _ink_left(fitted, width, style.align)
            result.placements.append(Placement(
                canvas.getPageNumber() - 1, badge, index, fitted.text, box,
                (ink_left, ink_bottom, fitted.width, fitted.ink_height), fitted.font_size, fitted.truncated))


def _reading_align(text: str, align: str) -> str:
    """Left and right mean "where reading starts": a right-to-left name starts at the right."""
    if align == "center" or not starts_right_to_left(text):
        return align
    return "right" if align == "left" else "left"


def _ink_left(fitted: FittedText, width: float, align: str) -> float:
    if align == "left":
        return 0.0
    if align == "right":
        return width - fitted.width
    return (width - fitted.width) / 2

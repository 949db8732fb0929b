"""Per-printer position correction: every printer feeds paper a little differently.

The organiser prints the calibration page on the real stock, measures how far the printed
frames sit from the labels, and enters that offset for the printer; badges then move by it.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from checkin.badges.fonts import LATIN, font_name
from checkin.badges.stock import Stock
from checkin.settings import config_dir

MAX_OFFSET_MM = 20.0


@dataclass(frozen=True)
class Offset:
    """Millimetres to move the print: positive x moves right, positive y moves down."""

    x: float = 0.0
    y: float = 0.0


class Calibrations:
    """The offsets per printer name, kept in ``badge-printers.json`` in the config folder."""

    def __init__(self, path: Path | None = None):
        self.path = path or config_dir() / "badge-printers.json"

    def _load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def offset(self, printer: str) -> Offset:
        entry = self._load().get(printer) or {}
        try:
            return Offset(float(entry.get("x", 0.0)), float(entry.get("y", 0.0)))
        except (TypeError, ValueError, AttributeError):
            return Offset()

    def set_offset(self, printer: str, offset: Offset) -> None:
        if abs(offset.x) > MAX_OFFSET_MM or abs(offset.y) > MAX_OFFSET_MM:
            raise ValueError(f"an offset above {MAX_OFFSET_MM:g} mm means the wrong stock is selected")
        data = self._load()
        data[printer] = {"x": offset.x, "y": offset.y}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(temporary, self.path)


def draw_calibration_page(stock: Stock, target: str | Path | BinaryIO, offset: Offset = Offset()) -> None:
    """One page with every label's outline, a centre cross and a millimetre scale on each edge."""
    canvas = Canvas(str(target) if isinstance(target, Path) else target,
                    pagesize=(stock.page_width * mm, stock.page_height * mm))
    canvas.setTitle(f"Calibration: {stock.title}")
    slots = [stock.label_origin(index) for index in range(stock.per_page)]
    if stock.back_panel:
        slots.append(stock.back_panel)
    for number, (left, top) in enumerate(slots, start=1):
        _draw_label_marks(canvas, stock, left + offset.x, top + offset.y, number)
    canvas.showPage()
    canvas.save()


def _draw_label_marks(canvas: Canvas, stock: Stock, left: float, top: float, number: int) -> None:
    width, height = stock.label_width * mm, stock.label_height * mm
    x, y = left * mm, (stock.page_height - top) * mm - height
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, width, height)
    centre_x, centre_y = x + width / 2, y + height / 2
    canvas.line(centre_x - 5 * mm, centre_y, centre_x + 5 * mm, centre_y)
    canvas.line(centre_x, centre_y - 5 * mm, centre_x, centre_y + 5 * mm)
    for step in range(1, 11):  # a 10 mm scale inward from the top-left corner, 1 mm apart
        length = 3 * mm if step % 5 == 0 else 1.5 * mm
        canvas.line(x + step * mm, y + height, x + step * mm, y + height - length)
        canvas.line(x, y + height - step * mm, x + length, y + height - step * mm)
    size = max(4.0, min(8.0, height / 12))
    canvas.setFont(font_name(LATIN), size)
    canvas.drawCentredString(centre_x, centre_y - 5 * mm - size * 1.3, f"{number}")
    lines = ("Frame edge = label edge when calibrated.", "Measure the gap in mm:",
             "right/down positive, left/up negative.")
    for index, line in enumerate(lines):
        canvas.drawCentredString(centre_x, centre_y + 5 * mm + size * (len(lines) - index) * 1.2, line)

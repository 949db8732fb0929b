"""pretix's text elements (``textarea``, ``textcontainer``) set as pretix sets them.

This follows ``pretix.base.pdf.Renderer._text_paragraph``, ``_draw_textarea`` and
``_draw_textcontainer`` step by step: the same Paragraph style, leading, ascent offsets and
autoresize loop, in Open Sans (the font pretix's editor offers, bundled here with the same
metrics). Where pretix would print missing glyphs, runs of other scripts are set in our bundled
fonts for those scripts; right-to-left runs are shaped by HarfBuzz instead of pretix's reshaper.
"""
from __future__ import annotations

import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import getAscentDescent
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from checkin.badges.fonts import LATIN, RIGHT_TO_LEFT, font_name, font_runs
from checkin.resources import resource_path

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_OPEN_SANS = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
_lock = threading.Lock()


def open_sans(bold: bool, italic: bool) -> str:
    """The ReportLab name of an Open Sans style, registered on first use (thread-safe)."""
    style = _OPEN_SANS[bool(bold), bool(italic)]
    name = f"CheckinDesk-OpenSans-{style}"
    with _lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"OpenSans-{style}.ttf"))))
    return name


@dataclass(frozen=True)
class SetText:
    paragraph: Paragraph
    ascent_descent: tuple[float, float]
    lineheight: float


def markup(text: str, bold: bool) -> tuple[str, bool]:
    """pretix's paragraph markup of ``text`` (escaped, line breaks, a hair space after hyphens so
    ReportLab may break there); runs of scripts Open Sans lacks get their own font. Also says
    whether a right-to-left run needs shaping."""
    lines, shaped = [], False
    for line in unicodedata.normalize("NFC", text).split("\n"):
        parts = []
        for script, value in font_runs(line, bold):
            piece = escape(value, {'"': "&quot;", "'": "&#x27;"}).replace("-", "-&hairsp;")
            shaped = shaped or script in RIGHT_TO_LEFT
            parts.append(piece if script == LATIN else f'<font name="{font_name(script, bold)}">{piece}</font>')
        lines.append("".join(parts))
    return "<br/>\n".join(lines), shaped


def set_text(element: Mapping[str, Any], text: str, *, legacy_lineheight: bool = False,
             font_size: float | None = None) -> SetText:
    """The paragraph as ``_text_paragraph`` builds it."""
    font = open_sans(element.get("bold", False), element.get("italic", False))
    size = float(element["fontsize"]) if font_size is None else font_size
    explicit = not legacy_lineheight or "lineheight" in element
    lineheight = float(element.get("lineheight", 1)) * 1.15 if explicit else 1.0
    color = element.get("color") or [0, 0, 0, 1]
    body, shaped = markup(text, bool(element.get("bold")))
    style = ParagraphStyle(
        name="pretix", fontName=font, fontSize=size, leading=lineheight * size,
        autoLeading="off" if explicit else "max",
        textColor=Color(color[0] / 255, color[1] / 255, color[2] / 255),
        alignment=_ALIGN.get(element.get("align", "left"), TA_LEFT),
        splitLongWords=element.get("splitlongwords", True), shaping=1 if shaped else 0,
    )
    return SetText(Paragraph(body, style), getAscentDescent(font, size), lineheight)


def draw_textarea(canvas: Canvas, element: Mapping[str, Any], text: str) -> None:
    """A text box anchored at its bottom edge that grows upwards (or downwards, if asked)."""
    setting = set_text(element, text, legacy_lineheight=True)
    _width, height = setting.paragraph.wrapOn(canvas, float(element["width"]) * mm, 1000 * mm)
    ascent, descent = setting.ascent_descent
    canvas.saveState()
    if element.get("downward", False):
        canvas.translate(float(element["left"]) * mm, float(element["bottom"]) * mm)
        canvas.rotate(-float(element.get("rotation", 0)))
        setting.paragraph.drawOn(canvas, 0, -height - descent / 2.5)
    else:
        if setting.lineheight != 1.0:  # pretix's empirical correction for the browser editor's look
            descent = descent + (setting.lineheight - 1.0) * float(element["fontsize"]) * 1.05
        canvas.translate(float(element["left"]) * mm, float(element["bottom"]) * mm + height)
        canvas.rotate(-float(element.get("rotation", 0)))
        setting.paragraph.drawOn(canvas, 0, -height - descent)
    canvas.restoreState()


def fit_container(canvas: Canvas, element: Mapping[str, Any], text: str) -> tuple[SetText, float]:
    """pretix's autoresize: shrink by 10% while too high, by 2.5% while too wide, 25 tries at most."""
    size = float(element["fontsize"])
    width, height = float(element["width"]) * mm, float(element["height"]) * mm
    for _attempt in range(25):
        setting = set_text(element, text, font_size=size)
        _w, set_height = setting.paragraph.wrapOn(canvas, width, 1000 * mm)
        widths = setting.paragraph.getActualLineWidths0()
        if not widths:
            break
        fits = set_height <= height and max(widths) <= width
        if not element.get("autoresize", False) or fits or size <= 1.0:
            break
        size -= max(1.0, size * .1) if set_height > height else max(.25, size * .025)
    return setting, set_height


def draw_textcontainer(canvas: Canvas, element: Mapping[str, Any], text: str) -> None:
    """A fixed box, text aligned to its top, middle or bottom."""
    setting, set_height = fit_container(canvas, element, text)
    height = float(element["height"]) * mm
    canvas.saveState()
    canvas.translate(float(element["left"]) * mm, float(element["bottom"]) * mm + height)
    canvas.rotate(-float(element.get("rotation", 0)))
    align = element.get("verticalalign", "top")
    offset = {"top": -set_height, "middle": (-height - set_height) / 2, "bottom": -height}.get(align)
    if offset is not None:
        setting.paragraph.drawOn(canvas, 0, offset)
    canvas.restoreState()

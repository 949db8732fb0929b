"""Fits one piece of guest text into its box: shrink to a minimum size, then wrap, then cut.

The box is a hard limit. Sizes are checked against the fonts' own ascent and descent, not
the nominal point size, so accents, Vietnamese stacked marks and Arabic never poke out.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from checkin.badges.fonts import HAN, HANGUL, LATIN, font_name, font_runs, paragraph_markup, single_line_width

LEADING = 1.15
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
_SHRINK = 0.94
ELLIPSIS = "…"


@dataclass(frozen=True)
class FittedText:
    """A paragraph ready to draw, with the box its ink occupies (points, relative to the element box)."""

    paragraph: Paragraph
    text: str
    font_size: float
    lines: int
    line_widths: tuple[float, ...]
    ink_height: float
    truncated: bool

    @property
    def width(self) -> float:
        return max(self.line_widths, default=0.0)


@dataclass(frozen=True)
class TextStyle:
    font_size: float
    min_font_size: float
    bold: bool = False
    color: str = "#000000"
    align: str = "center"
    max_lines: int = 2


def fit_text(text: str, width: float, height: float, style: TextStyle) -> FittedText | None:
    """The largest setting of ``text`` that fits ``width`` × ``height`` points; None if nothing to print."""
    text = " ".join(text.split())
    if not font_runs(text, style.bold):
        return None
    fitted = _fit_one_line(text, width, height, style)
    if fitted is None and style.max_lines > 1:
        fitted = _fit_wrapped(text, width, height, style)
    return fitted or _fit_cut(text, width, height, style)


def _fit_one_line(text: str, width: float, height: float, style: TextStyle) -> FittedText | None:
    per_point = single_line_width(text, 1.0, style.bold)
    size = min(style.font_size, height / _ink_ratio(text, style.bold), width / per_point if per_point else width)
    return _shrink_until_fits(text, width, height, style, size, 1)


def _fit_wrapped(text: str, width: float, height: float, style: TextStyle) -> FittedText | None:
    lines = style.max_lines
    size = min(style.font_size, height / ((lines - 1) * LEADING + _ink_ratio(text, style.bold)))
    return _shrink_until_fits(text, width, height, style, size, lines)


def _shrink_until_fits(text: str, width: float, height: float, style: TextStyle, size: float,
                       lines: int) -> FittedText | None:
    size = _round_down(size)
    while size >= style.min_font_size - 1e-6:
        fitted = _set(text, width, style, size)
        if fitted.lines <= lines and _fits(fitted, width, height):
            return fitted
        size = _round_down(size * _SHRINK)
    return None


def _fit_cut(text: str, width: float, height: float, style: TextStyle) -> FittedText:
    """Cut the text and end it with "…" so it fits at the minimum size (or smaller in a tiny box)."""
    ink = _ink_ratio(text, style.bold)
    lines = max(1, min(style.max_lines, int((height / style.min_font_size - ink) / LEADING) + 1))
    size = _round_down(min(style.min_font_size, height / ((lines - 1) * LEADING + ink)))
    low, high = 0, len(text)
    best = _set(ELLIPSIS, width, style, size)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = _set(text[:middle].rstrip() + ELLIPSIS, width, style, size)
        if candidate.lines <= lines and _fits(candidate, width, height):
            best, low = candidate, middle
        else:
            high = middle - 1
    return FittedText(best.paragraph, best.text, best.font_size, best.lines, best.line_widths, best.ink_height,
                      truncated=True)


def _fits(fitted: FittedText, width: float, height: float) -> bool:
    return fitted.width <= width + 0.01 and fitted.ink_height <= height + 0.01


def _set(text: str, width: float, style: TextStyle, size: float) -> FittedText:
    paragraph = Paragraph(paragraph_markup(text, style.bold), _paragraph_style(text, style, size))
    paragraph.wrap(width, 1e6)
    line_widths = tuple(paragraph.getActualLineWidths0())
    lines = len(line_widths)
    ink = (lines - 1) * size * LEADING + _ink_ratio(text, style.bold) * size
    return FittedText(paragraph, text, size, lines, line_widths, ink, truncated=False)


def _paragraph_style(text: str, style: TextStyle, size: float) -> ParagraphStyle:
    scripts = {script for script, _value in font_runs(text, style.bold)}
    return ParagraphStyle(
        "badge", fontName=font_name(LATIN, style.bold), fontSize=size, leading=size * LEADING,
        textColor=style.color, alignment=_ALIGN[style.align], shaping=1, splitLongWords=1,
        wordWrap="CJK" if scripts & {HAN, HANGUL} else None,
    )


def _ink_ratio(text: str, bold: bool) -> float:
    """Highest ascent plus deepest descent, in ems, of the fonts the text uses."""
    ascent, descent = _extent(text, bold)
    return ascent + descent


def _extent(text: str, bold: bool) -> tuple[float, float]:
    extents = [_font_extent(script, bold) for script, _value in font_runs(text, bold)] or [(1.0, 0.3)]
    return max(a for a, _d in extents), max(d for _a, d in extents)


@lru_cache(maxsize=None)
def _font_extent(script: str, bold: bool) -> tuple[float, float]:
    face = pdfmetrics.getFont(font_name(script, bold)).face
    return face.ascent / 1000.0, -face.descent / 1000.0


def _round_down(size: float) -> float:
    return int(size * 4) / 4.0


def ink_bottom_offset(fitted: FittedText, bold: bool) -> float:
    """How far the lowest ink sits above the point where the paragraph is drawn (drawOn's y)."""
    size = fitted.font_size
    return size * LEADING - size - _extent(fitted.text, bold)[1] * size

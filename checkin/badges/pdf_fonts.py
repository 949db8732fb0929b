"""The Unicode TTF fonts the file route's PDFs use, registered with ReportLab once."""
from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from checkin.badges.fonts import LATIN, font_name, font_runs
from checkin.badges.text import TextStyle, fit_text, ink_bottom_offset


def register_fonts() -> tuple[str, str]:
    """(regular, bold) names of the bundled Noto Sans (Latin, Greek, Cyrillic), registered once with
    the badge fonts; names in other scripts go through :func:`draw_cell`."""
    return font_name(LATIN), font_name(LATIN, bold=True)


def fit(text: str, font: str, size: float, width: float, smallest: float = 6.0) -> tuple[str, float]:
    """Shrink ``text`` until it fits ``width`` points, then cut it with an ellipsis."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    if stringWidth(text, font, size) <= width:
        return text, size
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…", size


def draw_cell(canvas: Canvas, text: str, x: float, bottom: float, width: float, height: float, size: float,
              font: str) -> None:
    """One line of ``text`` in a table cell: Noto Sans when it has every glyph, else each script in
    its own font (Arabic shaped, CJK, Hebrew) through the badge text fitting, never empty boxes."""
    runs = font_runs(text)
    if all(script == LATIN for script, _ in runs):
        shown, fitted_size = fit(text, font, size, width)
        canvas.setFont(font, fitted_size)
        canvas.drawString(x, bottom + height / 2 - 0.38 * size, shown)  # baseline: capitals centred
        return
    fitted = fit_text(text, width, height * 0.8, TextStyle(size, 5.0, align="left", max_lines=1))
    if fitted is not None:
        ink_bottom = bottom + (height - fitted.ink_height) / 2
        fitted.paragraph.drawOn(canvas, x, ink_bottom - ink_bottom_offset(fitted, False))

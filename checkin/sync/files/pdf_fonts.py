"""The Unicode TTF fonts the file route's PDFs use, registered with ReportLab once."""
from __future__ import annotations

from functools import cache

from checkin.resources import resource_path

REGULAR, BOLD = "CheckinNotoSans", "CheckinNotoSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """(regular, bold) font names; the bundled Noto Sans covers Latin, Greek and Cyrillic."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "NotoSans-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "NotoSans-Bold.ttf"))))
    return REGULAR, BOLD


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

"""New elements for the layout editor, each placed where it suits a badge of the layout's size
and kept wholly on it (plain Python: the window only adds what these return)."""
from __future__ import annotations

from checkin.badges.layout import BandElement, ImageElement, Layout, QrElement, TextElement


def new_text(layout: Layout, key: str = "") -> TextElement:
    """A text line across the middle showing the guest field ``key`` (or a sample text)."""
    text = "{" + key + "}" if key else "Text"
    return TextElement(round(layout.width * 0.1, 2), round(layout.height * 0.4, 2), round(layout.width * 0.8, 2),
                       round(layout.height * 0.18, 2), text, font_size=14, min_font_size=6)


def new_qr(layout: Layout) -> QrElement:
    side = round(min(layout.width, layout.height) * 0.4, 2)
    return QrElement(round(layout.width - side - 2, 2), 2.0, side)


def new_band(layout: Layout) -> BandElement:
    """A band along the bottom edge naming the ticket type, its colour following the type."""
    height = round(max(layout.height * 0.15, 4.0), 2)
    return BandElement(0.0, round(layout.height - height, 2), layout.width, height, text="{ticket_type}")


def new_picture(layout: Layout, path: str, pixels: tuple[int, int]) -> ImageElement:
    """A picture in the top-left corner at most half the badge wide, in the picture's proportions."""
    ratio = pixels[1] / max(pixels[0], 1)
    width = layout.width * 0.5
    height = width * ratio
    if height > layout.height * 0.4:
        height = layout.height * 0.4
        width = height / ratio
    return ImageElement(2.0, 2.0, round(min(width, layout.width - 2), 2), round(min(height, layout.height - 2), 2),
                        path)

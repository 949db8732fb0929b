"""Independent checks of rendered badge PDFs: extracted text (pypdf) and where the ink landed
(rasterised with poppler's pdftoppm), without trusting the renderer's own bookkeeping."""
from __future__ import annotations

import io
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw
from pypdf import PdfReader

from checkin.badges.layout import BandElement, Layout, TextElement
from checkin.badges.stock import Stock

DPI = 100
#: Distinct colours for the text elements: an ink pixel is attributed to the nearest one.
PALETTE = ("#FF0000", "#00FF00", "#0000FF", "#00FFFF", "#FF00FF", "#000000", "#FFFF00")
#: Anti-aliasing may smear a glyph edge into the next pixel.
TOLERANCE_PX = 1
#: A channel below this is dark: the glyph's core, not its anti-aliased fringe.
LOW = 150


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, NFKC-normalised (ligatures and Arabic presentation forms undone), no spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return ["".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages]


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def rainbow(layout: Layout) -> Layout:
    """The layout's texts only, each in its own palette colour; band texts become plain texts."""
    elements = []
    for element in layout.elements:
        if isinstance(element, BandElement) and element.text:
            element = TextElement(element.x, element.y, element.width, element.height, element.text,
                                  element.font_size, element.min_font_size, element.bold, max_lines=1)
        if isinstance(element, TextElement):
            elements.append(replace(element, color=PALETTE[len(elements) % len(PALETTE)]))
    return replace(layout, elements=elements)


@dataclass(frozen=True)
class Stray:
    page: int
    element: int
    pixels: int
    sample: tuple[int, int]


def rasterise(pdf: bytes, directory: Path) -> list[Image.Image]:
    if shutil.which("pdftoppm") is None:
        from tests.conftest import skip_or_fail

        skip_or_fail("pdftoppm is missing (Debian: poppler-utils)")
    source = directory / "badges.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(source), str(directory / "page")], check=True)
    return [Image.open(path).convert("RGB") for path in sorted(directory.glob("page-*.png"))]


def dark_bbox(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The pixel box around everything dark on a page."""
    return image.convert("L").point(lambda value: 255 if value < 128 else 0).getbbox()


def element_boxes_px(layout: Layout, stock: Stock, slots: list[tuple[float, float]]) -> list[list[tuple]]:
    """Per text element, its boxes in pixels (left, top, right, bottom) on every slot of a page."""
    scale_x, scale_y = stock.label_width / layout.width, stock.label_height / layout.height
    px = DPI / 25.4
    boxes = []
    for element in layout.elements:
        boxes.append([((left + element.x * scale_x) * px, (top + element.y * scale_y) * px,
                       (left + (element.x + element.width) * scale_x) * px,
                       (top + (element.y + element.height) * scale_y) * px) for left, top in slots])
    return boxes


def _colour_masks(image: Image.Image) -> list[Image.Image]:
    """Per palette colour, a mask (255 = ink) of the pixels whose dark channels are exactly that colour's."""
    low = [channel.point(lambda value: 255 if value < LOW else 0) for channel in image.split()]
    high = [ImageChops.invert(mask) for mask in low]
    masks = []
    for colour in PALETTE:
        mask = None
        for index, start in enumerate((1, 3, 5)):
            part = low[index] if int(colour[start:start + 2], 16) < 128 else high[index]
            mask = part if mask is None else ImageChops.logical_and(mask.convert("1"), part.convert("1"))
        masks.append(mask.convert("L"))
    return masks


def stray_ink(images: list[Image.Image], boxes: list[list[tuple]]) -> tuple[list[Stray], dict[int, int]]:
    """Ink outside the box of the element whose colour it has; and the ink pixels per element."""
    strays, inked = [], {}
    for page, image in enumerate(images):
        for element, mask in enumerate(_colour_masks(image)[:len(boxes)]):
            inked[element] = inked.get(element, 0) + mask.histogram()[255]
            draw = ImageDraw.Draw(mask)
            for left, top, right, bottom in boxes[element]:
                draw.rectangle((left - TOLERANCE_PX, top - TOLERANCE_PX, right + TOLERANCE_PX,
                                bottom + TOLERANCE_PX), fill=0)
            bbox = mask.getbbox()
            if bbox:
                strays.append(Stray(page, element, mask.histogram()[255], bbox[:2]))
    return strays, inked

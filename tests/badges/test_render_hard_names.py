"""Every stock × the hard names: page counts, the text a PDF reader extracts, and no ink
outside its box (measured on a rasterised page, independently of the renderer)."""
from __future__ import annotations

import math

import pytest

from checkin.badges.library import default_layout, find_layout, layout_entries
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import STOCKS, Stock, get_stock
from tests.badges.hard_names import HARD_NAMES
from tests.badges.pdf_checks import element_boxes_px, page_texts, rainbow, rasterise, squeeze, stray_ink

GUESTS = [hard.guest for hard in HARD_NAMES]


def expected_pages(stock: Stock, badges: int) -> int:
    return badges if stock.back_panel else math.ceil(badges / stock.per_page)


def page_of(stock: Stock, index: int) -> int:
    return index if stock.back_panel else index // stock.per_page


def slots(stock: Stock, badges_on_page: int) -> list[tuple[float, float]]:
    if stock.back_panel:
        return [stock.label_origin(0), stock.back_panel]
    return [stock.label_origin(index) for index in range(badges_on_page)]


@pytest.mark.parametrize("stock_name", sorted(STOCKS))
def test_hard_names_on_every_stock(stock_name, tmp_path):
    stock = get_stock(stock_name)
    pdf, result = BadgeRenderer(default_layout(stock), stock).render_bytes(GUESTS)

    assert result.badges == len(GUESTS)
    assert result.pages == expected_pages(stock, len(GUESTS))
    texts = page_texts(pdf)
    assert len(texts) == result.pages
    for index, hard in enumerate(HARD_NAMES):
        page = texts[page_of(stock, index)]
        for piece in hard.expected:
            assert squeeze(piece) in page, f"{piece!r} missing from page {page_of(stock, index) + 1} on {stock_name}"
        for piece in hard.absent:
            assert piece not in page
    assert squeeze("…") in texts[page_of(stock, 0)], "the over-long name must be cut visibly, not silently"


@pytest.mark.parametrize("stock_name", sorted(STOCKS))
def test_no_text_leaves_its_box(stock_name, tmp_path):
    stock = get_stock(stock_name)
    layout = rainbow(default_layout(stock))
    pdf, result = BadgeRenderer(layout, stock).render_bytes(GUESTS)
    images = rasterise(pdf, tmp_path)
    assert len(images) == result.pages

    for page, image in enumerate(images):
        on_page = min(stock.per_page, len(GUESTS) - page * stock.per_page) if not stock.back_panel else 1
        strays, inked = stray_ink([image], element_boxes_px(layout, stock, slots(stock, on_page)))
        assert strays == [], f"{stock_name} page {page + 1}: ink outside its box {strays}"
        names = [index for index, element in enumerate(layout.elements) if "name" in element.text]
        assert all(inked.get(index, 0) > 0 for index in names), f"{stock_name} page {page + 1}: a name is missing"


@pytest.mark.parametrize("layout_key", [entry.key for entry in layout_entries() if entry.builtin])
def test_every_builtin_layout_keeps_text_in_its_boxes(layout_key, tmp_path):
    stock = get_stock("durable-1456")
    layout = rainbow(find_layout(layout_key))
    pdf, result = BadgeRenderer(layout, stock).render_bytes(GUESTS)
    images = rasterise(pdf, tmp_path)
    for page, image in enumerate(images):
        on_page = min(stock.per_page, len(GUESTS) - page * stock.per_page)
        strays, _inked = stray_ink([image], element_boxes_px(layout, stock, slots(stock, on_page)))
        assert strays == [], f"{layout_key} page {page + 1}: ink outside its box {strays}"


def test_recorded_placements_stay_inside_their_boxes():
    stock = get_stock("dymo-11356")
    layout = find_layout("classic")
    _pdf, result = BadgeRenderer(layout, stock, record=True).render_bytes(GUESTS)
    assert result.placements
    for placement in result.placements:
        box_x, box_y, box_w, box_h = placement.box
        ink_x, ink_y, ink_w, ink_h = placement.ink
        assert box_x - 0.01 <= ink_x and ink_x + ink_w <= box_x + box_w + 0.01, placement
        assert box_y - 0.01 <= ink_y and ink_y + ink_h <= box_y + box_h + 0.01, placement
    long_name = [p for p in result.placements if p.badge == 0 and "Hubert" in p.text]
    assert long_name and long_name[0].truncated and long_name[0].text.endswith("…")
    company = [p for p in result.placements if p.badge == 7 and p.element == 3]
    assert company == [], "an empty company draws nothing"


def test_the_ink_measure_catches_text_outside_a_box(tmp_path):
    """The raster check itself: against boxes half as wide, the same badge shows stray ink."""
    stock = get_stock("a6")
    layout = rainbow(find_layout("conference-a6"))
    pdf, _result = BadgeRenderer(layout, stock).render_bytes(GUESTS[:1])
    narrowed = layout.with_elements([type(e)(**{**e.__dict__, "width": e.width / 2}) for e in layout.elements])
    strays, _inked = stray_ink(rasterise(pdf, tmp_path), element_boxes_px(narrowed, stock, slots(stock, 1)))
    assert strays

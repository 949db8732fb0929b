"""The stock catalogue matches the label makers' data sheets, and labels fit their pages."""
from __future__ import annotations

import pytest

from checkin.badges.stock import STOCKS, UnknownStockError, get_stock

#: name: (label width, label height, labels per page, page size) as the issue and data sheets give them.
CATALOGUE = {
    "a6": (105, 148, 1, (105, 148)),
    "a4-4xa6": (105, 148.5, 4, (210, 297)),
    "a6-fold": (105, 148.5, 1, (210, 297)),
    "cr80": (85.6, 54, 1, (85.6, 54)),
    "herma-4412": (80, 50, 10, (210, 297)),
    "durable-1445": (90, 54, 10, (210, 297)),
    "durable-1456": (90, 60, 8, (210, 297)),
    "avery-l4785": (80, 50, 10, (210, 297)),
    "brother-ql-62": (62, 100, 1, (62, 100)),
    "brother-dk-11234": (86, 60, 1, (86, 60)),
    "dymo-11356": (89, 41, 1, (89, 41)),
    "zebra-4x3": (101.6, 76.2, 1, (101.6, 76.2)),
    "zebra-4x6": (101.6, 152.4, 1, (101.6, 152.4)),
}


def test_catalogue_is_complete():
    assert set(STOCKS) == set(CATALOGUE)


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_stock_sizes(name):
    stock = get_stock(name)
    width, height, per_page, page = CATALOGUE[name]
    assert (stock.label_width, stock.label_height) == (width, height)
    assert stock.per_page == per_page
    assert (stock.page_width, stock.page_height) == page


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_labels_lie_on_the_page_and_never_overlap(name):
    stock = get_stock(name)
    origins = [stock.label_origin(index) for index in range(stock.per_page)]
    if stock.back_panel:
        origins.append(stock.back_panel)
    for left, top in origins:
        assert 0 <= left and left + stock.label_width <= stock.page_width + 1e-6
        assert 0 <= top and top + stock.label_height <= stock.page_height + 1e-6
    for index, (left, top) in enumerate(origins):
        for other_left, other_top in origins[index + 1:]:
            apart_x = abs(left - other_left) >= stock.label_width - 1e-6
            apart_y = abs(top - other_top) >= stock.label_height - 1e-6
            assert apart_x or apart_y


def test_sheet_margins_and_pitch():
    herma = get_stock("herma-4412")
    assert herma.pitch_x == 95 and herma.margin_left == pytest.approx(17.5)
    assert herma.label_origin(1) == (pytest.approx(112.5), pytest.approx(23.5))
    assert herma.label_origin(9) == (pytest.approx(112.5), pytest.approx(223.5))
    durable = get_stock("durable-1456")
    assert (durable.columns, durable.rows) == (2, 4)


def test_media_for_cups():
    assert get_stock("durable-1445").media == "A4"
    assert get_stock("dymo-11356").media == "Custom.89x41mm"
    assert get_stock("zebra-4x6").media == "Custom.101.6x152.4mm"


def test_unknown_stock_names_the_known_ones():
    with pytest.raises(UnknownStockError) as error:
        get_stock("herma-9999")
    assert "herma-4412" in str(error.value) and "dymo-11356" in str(error.value)

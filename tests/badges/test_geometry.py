"""The editor's placement rules without a window: moving, resizing, arrow keys and guides."""
from __future__ import annotations

import pytest

from checkin.badges.geometry import (MIN_SIZE_MM, Box, Guide, element_box, kept_on_badge, nudged, resized_on_badge,
                                     snapped_move, snapped_resize, with_box)
from checkin.badges.layout import QrElement, TextElement
from checkin.badges.library import find_layout
from checkin.badges.new_elements import new_band, new_picture, new_qr, new_text


def test_arrow_steps_are_half_a_millimetre_and_five_with_shift():
    box = Box(10, 10, 20, 5)
    assert nudged(box, 1, 0, False, 90, 54) == Box(10.5, 10, 20, 5)
    assert nudged(box, 0, -1, True, 90, 54) == Box(10, 5, 20, 5)
    assert nudged(Box(0.2, 0, 20, 5), -1, -1, False, 90, 54) == Box(0, 0, 20, 5), "never off the badge"
    assert nudged(Box(69.8, 48.8, 20, 5), 1, 1, True, 90, 54) == Box(70, 49, 20, 5)


def test_a_move_snaps_to_the_badge_centre_and_edges():
    box, guides = snapped_move(Box(35.6, 20, 20, 5), [], 90, 54, 1.0)  # its centre 45.6 → 45
    assert box.x + box.width / 2 == 45 and guides == [Guide(True, 45)]
    box, guides = snapped_move(Box(0.7, 48.6, 20, 5), [], 90, 54, 1.0)
    assert (box.x, box.bottom) == (0, 54) and set(guides) == {Guide(True, 0), Guide(False, 54)}
    box, guides = snapped_move(Box(12, 20, 20, 5), [], 90, 54, 1.0)
    assert box == Box(12, 20, 20, 5) and guides == [], "nothing near: no pull, no guide"


def test_a_move_snaps_to_other_elements_nearest_first():
    other = Box(5, 10, 40, 8)
    box, guides = snapped_move(Box(5.4, 18.3, 10, 4), [other], 90, 54, 1.0)
    assert (box.x, box.y) == (5, 18) and set(guides) == {Guide(True, 5), Guide(False, 18)}


def test_a_resize_snaps_its_far_edges_and_keeps_its_corner():
    box, guides = snapped_resize(Box(10, 10, 34.6, 10), [], 90, 54, 1.0)
    assert box == Box(10, 10, 35, 10) and guides == [Guide(True, 45)]
    assert resized_on_badge(Box(80, 50, 30, 0.5), 90, 54) == Box(80, 50, 10, MIN_SIZE_MM)
    assert resized_on_badge(Box(10, 10, 30, 12), 90, 54, square=True) == Box(10, 10, 12, 12)
    assert kept_on_badge(Box(85, -3, 10, 10), 90, 54) == Box(80, 0, 10, 10)


def test_boxes_of_every_element_type_round_trip():
    qr = QrElement(1, 2, 20)
    assert element_box(qr) == Box(1, 2, 20, 20)
    assert with_box(qr, Box(3, 4, 15, 18)) == QrElement(3, 4, 15), "a QR code stays square"
    text = TextElement(1, 2, 3, 4, "{name}")
    assert with_box(text, Box(1.23456, 2, 30.5, 6)).x == 1.23, "hundredths of a millimetre"


@pytest.mark.parametrize("name", ["classic", "conference-a6", "label-compact", "minimal"])
def test_new_elements_lie_on_the_badge(name):
    layout = find_layout(name)
    for element in (new_text(layout, "company"), new_qr(layout), new_band(layout),
                    new_picture(layout, "x.png", (600, 60)), new_picture(layout, "y.png", (60, 600))):
        box = element_box(element)
        assert 0 <= box.x and box.right <= layout.width + 1e-9 and 0 <= box.y and box.bottom <= layout.height + 1e-9
    assert new_text(layout, "company").text == "{company}"
    assert new_band(layout).text == "{ticket_type}"

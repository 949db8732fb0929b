"""The versioned JSON layout format: round trips, clear errors, the organiser's own layouts."""
from __future__ import annotations

import json

import pytest

from checkin.core.badge_guest import BadgeGuest
from checkin.badges.layout import (FORMAT, VERSION, LayoutError, TextElement, fill_template, layout_from_json,
                                   load_layout, save_layout)
from checkin.badges.library import find_layout, layout_entries, save_user_layout


def minimal(**changes):
    data = {"format": FORMAT, "version": 1, "name": "Test", "width": 90, "height": 54,
            "elements": [{"type": "text", "x": 5, "y": 5, "width": 80, "height": 10, "text": "{name}"}]}
    data.update(changes)
    return data


def test_builtin_layouts_load_and_round_trip(tmp_path):
    entries = [entry for entry in layout_entries() if entry.builtin]
    assert len(entries) >= 3
    for entry in entries:
        layout = find_layout(entry.key)
        copy = save_layout(layout, tmp_path / f"{entry.key}.json")
        assert load_layout(copy).to_json() == layout.to_json()


@pytest.mark.parametrize("change, message", [
    ({"format": "something-else"}, "not a Check-in Desk badge layout"),
    ({"version": VERSION + 1}, "newer Check-in Desk"),
    ({"width": -3}, "positive"),
    ({"background": "red"}, "#1F4E79"),
    ({"elements": [{"type": "text", "x": 5, "y": 5, "width": 80, "height": 10, "text": "{nmae}"}]},
     "unknown placeholder {nmae}"),
    ({"elements": [{"type": "text", "x": 5, "y": 5, "width": 80, "height": 10, "text": "{name"}]}, "bad template"),
    ({"elements": [{"type": "text", "x": 50, "y": 5, "width": 80, "height": 10, "text": "x"}]}, "reaches outside"),
    ({"elements": [{"type": "circle"}]}, "\"type\" must be one of"),
    ({"elements": [{"type": "qr", "x": 1, "y": 1}]}, "missing size"),
    ({"elements": [{"type": "qr", "x": 1, "y": 1, "size": 9, "colour": "#000000"}]}, "unknown keys colour"),
])
def test_bad_layouts_are_refused_with_a_clear_message(change, message):
    with pytest.raises(LayoutError, match=message.replace("{", r"\{").replace("(", r"\(")):
        layout_from_json(minimal(**change), "my.json")


def test_bad_files(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(LayoutError, match="not valid JSON"):
        load_layout(broken)
    with pytest.raises(LayoutError, match="cannot read"):
        load_layout(tmp_path / "missing.json")
    with pytest.raises(LayoutError, match="no layout named 'nope'; known: classic"):
        find_layout("nope")


def test_placeholders_take_guest_values_verbatim():
    guest = BadgeGuest("CODE1", "Ann", "<b>Lee</b>", "Dr.", "A & B", "VIP", "Expo", {"t_shirt": "XL"})
    values = guest.values()
    assert fill_template("{title} {name} ({company}) {custom.t_shirt}{custom.unknown}", values) == \
        "Dr. Ann <b>Lee</b> (A & B) XL"
    assert fill_template("{{literal}} {event}", values) == "{literal} Expo"


def test_organisers_save_their_own_layouts():
    layout = find_layout("classic")
    own = layout.with_elements([*layout.elements, TextElement(5, 40, 50, 4, "Welcome, {given_name}!")])
    own.name = "Summer School 2027"
    path = save_user_layout(own)
    assert path.name == "summer-school-2027.json"
    assert [entry.key for entry in layout_entries() if not entry.builtin] == ["user:summer-school-2027"]
    assert find_layout("user:summer-school-2027").elements[-1].text == "Welcome, {given_name}!"
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == VERSION

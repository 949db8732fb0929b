"""Pictures on badges: a missing or broken logo never stops a batch; the CLI says what it left out."""
from __future__ import annotations

import pytest
from PIL import Image

from checkin.badges.images import picture_size, usable_picture
from checkin.badges.layout import FORMAT, PLACEHOLDERS, LayoutError, layout_from_json, save_layout
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import get_stock
from checkin.cli import main
from checkin.core.badge_guest import GUEST_FIELDS, BadgeGuest

GUEST = BadgeGuest("CODE1", "Anna", "Müller", company="Fraunhofer", ticket_type="Speaker", event="Summit")


def layout_with_picture(tmp_path, name="sponsor.png"):
    data = {"format": FORMAT, "version": 1, "name": "Pictured", "width": 90, "height": 54, "elements": [
        {"type": "image", "x": 2, "y": 2, "width": 30, "height": 10, "path": name},
        {"type": "text", "x": 5, "y": 20, "width": 80, "height": 10, "text": "{name}"}]}
    return layout_from_json(data, "test", tmp_path)


def test_a_missing_picture_leaves_it_out_and_says_so(tmp_path):
    layout = layout_with_picture(tmp_path)
    result = BadgeRenderer(layout, get_stock("durable-1445"), record=True).render_bytes([GUEST, GUEST])[1]
    assert result.badges == 2 and [p.text for p in result.placements] == ["Anna Müller"] * 2
    assert result.warnings == ["layout 'Pictured': the picture 'sponsor.png' is missing; badges print without it"]


def test_a_file_that_is_no_picture_is_left_out_too(tmp_path):
    (tmp_path / "sponsor.png").write_text("not a picture")
    with pytest.raises(LayoutError, match="sponsor.png is not a picture that can be printed"):
        picture_size(tmp_path / "sponsor.png")
    result = BadgeRenderer(layout_with_picture(tmp_path), get_stock("a6")).render_bytes([GUEST])[1]
    assert result.badges == 1 and "not a picture" in result.warnings[0]


def test_a_good_picture_is_drawn_without_warnings(tmp_path):
    Image.new("RGB", (300, 100), (200, 0, 0)).save(tmp_path / "sponsor.png")
    assert usable_picture(layout_with_picture(tmp_path), "sponsor.png") == (str(tmp_path / "sponsor.png"), "")
    assert BadgeRenderer(layout_with_picture(tmp_path), get_stock("a6")).render_bytes([GUEST])[1].warnings == []


def test_the_cli_prints_a_batch_without_the_missing_logo_and_warns(database, demo, db_url, tmp_path, capsys):
    path = save_layout(layout_with_picture(tmp_path, "gone.png"), tmp_path / "pictured.json")
    out = tmp_path / "badges.pdf"
    assert main(["--db", db_url, "badges", "--layout", str(path), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "warning: layout 'Pictured': the picture 'gone.png' is missing" in captured.err
    assert out.read_bytes().startswith(b"%PDF")


def test_the_placeholders_are_the_guest_fields_declared_once():
    keys = [guest_field.key for guest_field in GUEST_FIELDS]
    assert PLACEHOLDERS == (*keys, "custom.<field>")
    assert list(GUEST.values()) == keys

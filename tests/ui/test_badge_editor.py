"""The layout editor: live preview through the PDF path, numeric editing, longest names, saving."""
from __future__ import annotations

import pytest

from checkin.badges.library import find_layout
from checkin.store.registrations import insert_registrations
from checkin.ui.badge_editor import BadgeEditor
from checkin.ui.badge_preview import PREVIEW_DPI

LONGEST = ("Maximiliane-Alexandra-Friederike", "von Hohenzollern-Sigmaringen-Wittelsbach-Oettingen")


@pytest.fixture
def editor(qtbot, settings, database, demo):
    with database.session() as session:
        insert_registrations(session, demo.event_id, [{"source": "test", "code": "LONGEST1", "given_name": LONGEST[0],
                                                       "family_name": LONGEST[1], "company": "Acme"}])
    settings.set("badge_stock", "durable-1445")
    widget = BadgeEditor(settings, database, demo.event_id)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.previewer.guests_loaded, timeout=20000):
        pass
    yield widget
    widget.previewer.wait_for_done()


def wait_preview(qtbot, editor):
    with qtbot.waitSignal(editor.preview_updated, timeout=20000) as signal:
        editor.refresh_preview()
    return signal.args[0]


def mm(pixels: int) -> float:
    return pixels / PREVIEW_DPI * 25.4


def test_preview_shows_one_label_of_the_stock(qtbot, editor):
    assert editor.layout_box.currentData() == "classic", "with no choice, the layout that suits the stock"
    image = wait_preview(qtbot, editor)
    assert (round(mm(image.width())), round(mm(image.height()))) == (90, 54)
    editor.stock_box.setCurrentIndex(editor.stock_box.findData("dymo-11356"))
    image = wait_preview(qtbot, editor)
    assert (round(mm(image.width())), round(mm(image.height()))) == (89, 41)


def test_longest_names_in_the_database_are_offered_first(editor):
    assert editor.current_guest().family_name == LONGEST[1]
    assert LONGEST[0] in editor.guest_box.itemText(0)
    assert any("王" in editor.guest_box.itemText(i) for i in range(editor.guest_box.count()))


def test_numeric_editing_changes_the_element_and_the_preview(qtbot, editor):
    before = wait_preview(qtbot, editor)
    editor.element_list.setCurrentRow(1)  # the given name
    element = editor.selected_element()
    editor.form.fields["font_size"].setValue(10)
    editor.form.fields["x"].setValue(20)
    assert (element.font_size, element.x) == (10, 20)
    editor.form.fields["color"].setText("#B0")  # half typed: ignored
    editor.form.fields["color"].textEdited.emit("#B0")
    assert element.color == "#000000"
    after = wait_preview(qtbot, editor)
    assert after != before
    assert editor.form.fields["x"].maximum() == editor.layout_data.width


def test_fields_follow_the_element_type(editor):
    qr_row = next(i for i, e in enumerate(editor.layout_data.elements) if e.type == "qr")
    editor.element_list.setCurrentRow(qr_row)
    assert editor.form.form.isRowVisible(editor.form.fields["size"])
    assert not editor.form.form.isRowVisible(editor.form.fields["font_size"])


def test_save_as_own_layout(qtbot, editor):
    editor._add_text()
    editor.form.fields["text"].setText("Welcome, {given_name}!")
    editor.form.fields["text"].textEdited.emit("Welcome, {given_name}!")
    editor.name_edit.setText("Summer School")
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    assert saved.args == ["user:summer-school"]
    assert find_layout("user:summer-school").elements[-1].text == "Welcome, {given_name}!"
    assert editor.layout_box.currentData() == "user:summer-school"


def test_a_bad_placeholder_is_not_saved(editor):
    editor.element_list.setCurrentRow(1)
    editor.form.fields["text"].textEdited.emit("{nickname}")
    assert editor.save() is None
    assert "unknown placeholder {nickname}" in editor.status.text()


def test_a_missing_layout_file_falls_back_to_a_builtin(qtbot, settings, tmp_path):
    settings.set("badge_layout", str(tmp_path / "deleted.json"))
    settings.set("badge_stock", "a6")
    widget = BadgeEditor(settings)
    qtbot.addWidget(widget)
    assert widget.layout_box.currentData() == "conference-a6"
    image = wait_preview(qtbot, widget)
    assert image.pixelColor(2, 2).name() == "#ffffff", "the badge is previewed on white"
    widget.previewer.wait_for_done()


def test_band_colours_per_ticket_type_and_a_new_qr_code(qtbot, editor):
    band_row = next(i for i, e in enumerate(editor.layout_data.elements) if e.type == "band")
    editor.element_list.setCurrentRow(band_row)
    band = editor.selected_element()
    assert "Speaker=#B03A2E" in editor.form.fields["colors"].text()
    editor.form.fields["colors"].textEdited.emit("Speaker=#00")  # half typed: kept as it was
    assert band.colors["Speaker"] == "#B03A2E"
    editor.form.fields["colors"].textEdited.emit("Speaker=#00aa00; Sponsor=#123456")
    assert band.colors == {"Speaker": "#00AA00", "Sponsor": "#123456"}
    editor.add_qr_button.click()
    qr = editor.selected_element()
    assert qr.type == "qr" and qr.x + qr.size <= editor.layout_data.width
    assert editor.save() == "user:classic"

"""The layout editor: live preview through the PDF path, dragging and resizing on the badge,
arrow keys, guides, colour picker, pictures, bands per ticket type, undo/redo, reset, saving."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QColorDialog, QFileDialog, QMessageBox

from checkin.badges.geometry import element_box
from checkin.badges.layout import ImageElement
from checkin.badges.library import default_layout, find_layout, layout_entries
from checkin.store.registrations import insert_registrations
from checkin.ui.badge_editor import BadgeEditor, picture_folder

LONGEST = ("Maximiliane-Alexandra-Friederike", "von Hohenzollern-Sigmaringen-Wittelsbach-Oettingen")


@pytest.fixture
def editor(qtbot, settings, database, demo):
    with database.session() as session:
        insert_registrations(session, demo.event_id, [{"source": "test", "code": "LONGEST1", "given_name": LONGEST[0],
                                                       "family_name": LONGEST[1], "company": "Acme"}])
    settings.set("badge_stock", "durable-1445")
    widget = BadgeEditor(settings, database, demo.event_id, ticket_types=["Participant", "Speaker", "Sponsor"])
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.previewer.guests_loaded, timeout=20000):
        pass
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.undo_stack.setClean()  # closed by pytest-qt without asking
    widget.previewer.wait_for_done()


def wait_preview(qtbot, editor):
    with qtbot.waitSignal(editor.preview_updated, timeout=20000) as signal:
        editor.refresh_preview()
    return signal.args[0]


def row_of(editor, kind):
    return next(i for i, e in enumerate(editor.layout_data.elements) if e.type == kind)


def on_screen(editor, x_mm, y_mm) -> QPoint:
    return editor.canvas.mapFromScene(editor.canvas.scene_point(x_mm, y_mm))


def drag(editor, start: QPoint, end: QPoint, check_midway=None) -> None:
    viewport = editor.canvas.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, (start + end) / 2)
    QTest.mouseMove(viewport, end)
    if check_midway:
        check_midway()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_the_window_fills_the_screen_and_fits_a_small_one(editor):
    assert editor.isMaximized()
    hint = editor.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768
    assert editor.canvas.width() > editor.element_list.width(), "the badge is the largest part"


def test_a_larger_window_renders_a_sharper_badge(qtbot, editor):
    editor.showNormal()
    editor.resize(700, 500)
    small = wait_preview(qtbot, editor)
    editor.resize(1300, 740)  # renders again by itself (earlier renders may still arrive first)
    qtbot.waitUntil(lambda: editor.preview_image.width() > small.width(), timeout=20000)


def test_preview_shows_one_label_of_the_stock(qtbot, editor):
    assert editor.layout_box.currentData() == "classic", "with no choice, the layout that suits the stock"
    image = wait_preview(qtbot, editor)
    size_mm = (image.width() / editor.preview_dpi * 25.4, image.height() / editor.preview_dpi * 25.4)
    assert (round(size_mm[0]), round(size_mm[1])) == (90, 54)
    editor.stock_box.setCurrentIndex(editor.stock_box.findData("dymo-11356"))
    image = wait_preview(qtbot, editor)
    assert (round(image.width() * 25.4 / editor.preview_dpi), round(image.height() * 25.4 / editor.preview_dpi)) == \
        (89, 41)
    assert editor.canvas.paper.rect().width() == pytest.approx(89)


def test_longest_names_in_the_database_are_offered_first(editor):
    assert editor.current_guest().family_name == LONGEST[1]
    assert LONGEST[0] in editor.guest_box.itemText(0)
    assert any("王" in editor.guest_box.itemText(i) for i in range(editor.guest_box.count()))


def test_dragging_an_element_with_the_mouse_moves_it_and_can_be_undone(qtbot, editor):
    before = element_box(editor.layout_data.elements[3])  # the company, 5,33 58×9 mm
    start = on_screen(editor, before.x + 20, before.y + 4)
    drag(editor, start, on_screen(editor, before.x + 27.3, before.y + 4))
    after = editor.layout_data.elements[3]
    assert editor.element_list.currentRow() == 3, "the dragged element is chosen"
    assert after.x == pytest.approx(before.x + 7.3, abs=0.4) and after.y == pytest.approx(before.y, abs=0.4)
    assert (after.width, after.height) == (before.width, before.height)
    assert editor.canvas.visible_guides() == [], "guides only while dragging"
    editor.undo_action.trigger()
    assert element_box(editor.layout_data.elements[3]) == before
    editor.redo_action.trigger()
    assert editor.layout_data.elements[3].x == pytest.approx(before.x + 7.3, abs=0.4)


def test_dragging_snaps_to_the_badge_centre_and_shows_the_guide(qtbot, editor):
    company = element_box(editor.layout_data.elements[3])
    centre_x = company.x + company.width / 2
    seen, previewed = [], []
    drag(editor, on_screen(editor, centre_x, company.y + 4), on_screen(editor, 45.4, company.y + 4),
         lambda: (seen.extend(editor.canvas.visible_guides()), previewed.append(editor.layout_data.elements[3].x)))
    assert previewed != [company.x], "the badge previewed follows the drag before it is dropped"
    moved = element_box(editor.layout_data.elements[3])
    assert moved.x + moved.width / 2 == pytest.approx(45.0, abs=0.01), "snapped onto the badge's centre line"
    assert any(line.line().x1() == line.line().x2() == pytest.approx(45.0) for line in seen)


def test_resizing_with_the_corner_handle(qtbot, editor):
    editor.element_list.setCurrentRow(3)
    box = element_box(editor.layout_data.elements[3])
    drag(editor, on_screen(editor, box.right, box.bottom), on_screen(editor, box.right - 11.2, box.bottom - 2.3))
    resized = editor.layout_data.elements[3]
    assert (resized.x, resized.y) == (box.x, box.y)
    assert resized.width == pytest.approx(box.width - 11.2, abs=0.4)
    assert resized.height == pytest.approx(box.height - 2.3, abs=0.4)


def test_arrow_keys_move_half_a_millimetre_shift_more_and_undo_as_one_step(qtbot, editor):
    editor.element_list.setCurrentRow(1)
    element = editor.layout_data.elements[1]
    x, y = element.x, element.y
    editor.canvas.setFocus()
    QTest.keyClick(editor.canvas, Qt.Key.Key_Right)
    QTest.keyClick(editor.canvas, Qt.Key.Key_Right)
    QTest.keyClick(editor.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    moved = editor.layout_data.elements[1]
    assert (moved.x, moved.y) == (x + 1.0, y + 5.0)
    assert editor.form.fields["x"].value() == x + 1.0
    editor.undo_action.trigger()
    assert (editor.layout_data.elements[1].x, editor.layout_data.elements[1].y) == (x, y)
    for _ in range(40):  # never off the badge
        QTest.keyClick(editor.canvas, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert editor.layout_data.elements[1].x == 0


def test_the_delete_key_removes_the_chosen_element(editor):
    editor.element_list.setCurrentRow(2)
    count = len(editor.layout_data.elements)
    editor.canvas.setFocus()
    QTest.keyClick(editor.canvas, Qt.Key.Key_Delete)
    assert len(editor.layout_data.elements) == count - 1
    editor.undo_action.trigger()
    assert len(editor.layout_data.elements) == count


def test_colour_picker_sets_the_colour_and_undo_restores_it(qtbot, editor, monkeypatch):
    editor.element_list.setCurrentRow(1)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args: QColor("#00aa00"))
    editor.form.fields["color"].click()
    assert editor.layout_data.elements[1].color == "#00AA00"
    assert editor.form.fields["color"].text() == "#00AA00"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args: QColor())  # cancelled
    editor.form.fields["color"].click()
    assert editor.layout_data.elements[1].color == "#00AA00"
    editor.undo_action.trigger()
    assert editor.layout_data.elements[1].color == "#000000"


def test_numeric_editing_changes_the_element_and_the_preview(qtbot, editor):
    before = wait_preview(qtbot, editor)
    editor.element_list.setCurrentRow(1)  # the given name
    editor.form.fields["font_size"].setValue(10)
    editor.form.fields["x"].setValue(8)
    element = editor.layout_data.elements[1]
    assert (element.font_size, element.x) == (10, 8)
    assert editor.canvas.boxes[1].x == 8
    assert editor.form.fields["x"].maximum() == editor.layout_data.width - element.width
    after = wait_preview(qtbot, editor)
    assert after != before


def test_band_colour_per_ticket_type(qtbot, editor, monkeypatch):
    band_row = row_of(editor, "band")
    editor.element_list.setCurrentRow(band_row)
    colours = editor.form.fields["colors"]
    assert {"Participant", "Speaker", "Sponsor", "Press"} <= set(colours.types)
    colours.list.setCurrentRow(colours.types.index("Sponsor"))
    monkeypatch.setattr(QColorDialog, "getColor", lambda *_args: QColor("#123456"))
    colours.choose_button.click()
    band = editor.layout_data.elements[band_row]
    assert band.colors["Sponsor"] == "#123456"
    assert band.color_for("Sponsor") == "#123456" and band.color_for("Participant") == band.default_color
    colours.list.setCurrentRow(colours.types.index("Speaker"))
    colours.clear_button.click()
    assert "Speaker" not in editor.layout_data.elements[band_row].colors
    editor.undo_action.trigger()
    assert editor.layout_data.elements[band_row].colors["Speaker"] == "#B03A2E"
    speaker = next(i for i, g in enumerate(editor.guests) if g.ticket_type == "Speaker")
    editor.guest_box.setCurrentIndex(speaker)
    image = wait_preview(qtbot, editor)
    y = round((band.y + band.height / 2) / 25.4 * editor.preview_dpi)
    assert image.pixelColor(3, y).name() == "#b03a2e", "the preview's band takes the speaker's colour"


def test_text_elements_for_every_guest_field(editor):
    actions = [a for a in editor.tools.add_text_button.menu().actions() if not a.isSeparator()]
    labels = [action.text() for action in actions]
    assert {"Given name", "Family name", "Company", "Ticket type", "Event", "Title"} <= set(labels)
    actions[labels.index("Company")].trigger()
    added = editor.selected_element()
    assert added.text == "{company}" and editor.element_list.currentRow() == len(editor.layout_data.elements) - 1
    editor.form.fields["insert"].activated.emit(editor.form.fields["insert"].findData("ticket_type"))
    assert editor.layout_data.elements[-1].text == "{company}{ticket_type}"


def png(path, size=(60, 20), colour=(200, 30, 30)):
    from PIL import Image

    Image.new("RGB", size, colour).save(path)
    return path


def test_pictures_from_png_svg_and_pdf(qtbot, editor, tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    svg = tmp_path / "sponsor.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60">'
                   '<rect width="300" height="60" fill="#0a5"/></svg>')
    pdf = tmp_path / "strip.pdf"
    canvas = Canvas(str(pdf), pagesize=(200, 50))
    canvas.rect(0, 0, 200, 50, fill=1)
    canvas.save()
    for source in (png(tmp_path / "logo.png"), svg, pdf):
        assert editor.add_picture(source), editor.status.text()
        element = editor.selected_element()
        assert isinstance(element, ImageElement) and element.path.startswith("images/")
        stored = picture_folder() / element.path.removeprefix("images/")
        assert stored.suffix == (".png") and stored.is_file()
        assert element.x + element.width <= editor.layout_data.width
    assert element.width / element.height == pytest.approx(4.0, rel=0.05), "a PDF strip keeps its proportions"
    image = wait_preview(qtbot, editor)
    assert editor.status.text() == ""
    key = editor.save()
    assert [e.path for e in find_layout(key).elements if e.type == "image"][-1] == element.path
    assert image.pixelColor(round((element.x + element.width / 2) / 25.4 * editor.preview_dpi),
                            round((element.y + element.height / 2) / 25.4 * editor.preview_dpi)).name() == "#000000"


def test_add_picture_asks_for_the_file(qtbot, editor, tmp_path, monkeypatch):
    chosen = str(png(tmp_path / "sponsors.png", (400, 40)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (chosen, ""))
    editor.tools.add_picture_button.click()
    assert editor.selected_element().path.startswith("images/sponsors-")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: ("", ""))  # cancelled
    count = len(editor.layout_data.elements)
    editor.tools.add_picture_button.click()
    assert len(editor.layout_data.elements) == count


@pytest.mark.parametrize("name, content", [("logo.png", b"hello, not a picture"), ("logo.svg", b"<html>no</html>"),
                                           ("logo.pdf", b"%PDF-1.4 broken"), ("logo.gif", b"GIF89a")])
def test_a_file_that_is_not_a_picture_is_refused_and_nothing_is_written(qtbot, editor, tmp_path, name, content):
    saved = editor.save()
    layout_file = find_layout(saved).to_json()
    source = tmp_path / name
    source.write_bytes(content)
    count = len(editor.layout_data.elements)
    assert not editor.add_picture(source)
    assert editor.status.text().startswith("Picture not added: ") and name in editor.status.text()
    assert len(editor.layout_data.elements) == count and editor.undo_stack.isClean()
    assert not picture_folder().exists() or list(picture_folder().iterdir()) == []
    assert find_layout(saved).to_json() == layout_file


def test_a_missing_picture_is_said_and_the_badge_still_previews(qtbot, editor, tmp_path):
    assert editor.add_picture(png(tmp_path / "logo.png"))
    element = editor.selected_element()
    (picture_folder() / element.path.removeprefix("images/")).unlink()
    image = wait_preview(qtbot, editor)
    assert "is missing" in editor.status.text() and not image.isNull()


def test_reset_to_the_stocks_layout_and_undo(editor):
    editor.stock_box.setCurrentIndex(editor.stock_box.findData("a6"))
    editor.remove_element()
    editor.remove_element()
    editor.tools.reset_button.click()
    assert editor.layout_data.to_json()["elements"] == default_layout(editor.stock).to_json()["elements"]
    assert editor.canvas.paper.rect().height() == pytest.approx(148)
    editor.undo_action.trigger()
    assert editor.layout_data.to_json()["elements"] == find_layout("classic").to_json()["elements"][2:] or \
        len(editor.layout_data.elements) == len(find_layout("classic").elements) - 2


def test_save_and_load_round_trip(qtbot, editor):
    editor.tools.add_band_button.click()
    editor.tools.add_qr_button.click()
    editor.name_edit.setText("Summer School")
    with qtbot.waitSignal(editor.saved) as saved:
        editor.save()
    assert saved.args == ["user:summer-school"]
    assert find_layout("user:summer-school").to_json()["elements"] == editor.layout_data.to_json()["elements"]
    assert editor.layout_box.currentData() == "user:summer-school"
    editor.layout_box.setCurrentIndex(editor.layout_box.findData("classic"))
    editor.layout_box.setCurrentIndex(editor.layout_box.findData("user:summer-school"))
    assert editor.layout_data.elements[-1].type == "qr" and editor.undo_stack.isClean()
    assert editor.name_edit.text() == "Summer School"


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


def test_opening_another_layout_can_be_undone_with_the_unsaved_changes(editor):
    editor.tools.add_qr_button.click()
    editor.name_edit.setText("Draft")
    editor.layout_box.setCurrentIndex(editor.layout_box.findData("minimal"))
    assert editor.name_edit.text() == find_layout("minimal").name and editor.undo_stack.isClean()
    editor.undo_action.trigger()
    assert editor.name_edit.text() == "Draft" and editor.layout_data.elements[-1].type == "qr"
    assert not editor.undo_stack.isClean()


@pytest.mark.parametrize("answer, closed, saved", [(QMessageBox.StandardButton.Save, True, True),
                                                    (QMessageBox.StandardButton.Discard, True, False),
                                                    (QMessageBox.StandardButton.Cancel, False, False)])
def test_closing_with_unsaved_changes_asks(qtbot, editor, answer, closed, saved):
    editor.close()
    assert editor.isHidden(), "nothing changed: closes at once"
    editor.show()
    editor.tools.add_band_button.click()
    editor.name_edit.setText("Unsaved")
    editor.close()
    question = editor.close_question
    assert editor.isVisible() and question.isVisible()
    question.button(answer).click()
    assert editor.isHidden() == closed
    assert any(entry.key == "user:unsaved" for entry in layout_entries()) == saved

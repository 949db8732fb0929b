"""Notes typed in guest details are never lost without a word: closing asks Save / Discard / Cancel."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.keys import Keyboard
from tests.ui.test_desk_flows import guest

BUTTONS = QMessageBox.StandardButton


def open_details(qtbot, window, registration_id: int):  # noqa: ANN001, ANN201
    window.dialogs.show_guest(registration_id)
    qtbot.waitUntil(lambda: window.dialogs.guest is not None and window.dialogs.guest.isVisible())
    return window.dialogs.guest


def type_notes(qtbot, dialog, text: str) -> None:  # noqa: ANN001
    """Typed at a person's pace (a fast burst would be taken for a scanner; the wedge filter
    hands a person's first keys on a moment later)."""
    dialog.activateWindow()
    dialog.notes.setFocus()
    Keyboard().person(text, dialog.notes)
    qtbot.waitUntil(lambda: dialog.notes.toPlainText() == text)


def escape_then(qtbot, dialog, answer: QMessageBox.StandardButton) -> None:  # noqa: ANN001
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.notes_question is not None and dialog.notes_question.isVisible())
    dialog.notes_question.button(answer).click()


@pytest.fixture
def target(database, codes):  # noqa: ANN001, ANN201
    return guest(database, codes["valid"][0])


def test_cancel_keeps_the_dialog_and_the_typed_notes(qtbot, window, target, database):
    dialog = open_details(qtbot, window, target.id)
    type_notes(qtbot, dialog, "Needs a receipt")
    escape_then(qtbot, dialog, BUTTONS.Cancel)
    assert dialog.isVisible() and dialog.notes.toPlainText() == "Needs a receipt"
    assert guest(database, target.code).notes == ""
    escape_then(qtbot, dialog, BUTTONS.Save)
    qtbot.waitUntil(lambda: guest(database, target.code).notes == "Needs a receipt")
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def test_discard_closes_without_saving(qtbot, window, target, database):
    dialog = open_details(qtbot, window, target.id)
    type_notes(qtbot, dialog, "typo")
    escape_then(qtbot, dialog, BUTTONS.Discard)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    qtbot.wait(100)
    assert guest(database, target.code).notes == ""


def test_closing_after_saving_asks_nothing(qtbot, window, target, database):
    dialog = open_details(qtbot, window, target.id)
    type_notes(qtbot, dialog, "VIP table 3")
    dialog.save_button.click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.notes_question is None and not dialog.isVisible()
    qtbot.waitUntil(lambda: guest(database, target.code).notes == "VIP table 3")


def test_a_refresh_does_not_overwrite_notes_being_typed(qtbot, window, target, keyboard):
    dialog = open_details(qtbot, window, target.id)
    type_notes(qtbot, dialog, "half a sentence")
    dialog.save_button.setFocus()  # focus left the notes, nothing saved yet
    with qtbot.waitSignal(window.controller.answered):
        dialog.check_in_button.click()  # the check-in refreshes the dialog
    qtbot.waitUntil(lambda: dialog.undo_button.isEnabled())
    assert dialog.notes.toPlainText() == "half a sentence" and dialog.has_unsaved_notes()
    escape_then(qtbot, dialog, BUTTONS.Discard)

"""Scanner bursts with Shift around capitals, as QKeyEvents through the real wedge filter:
whatever has focus, the code arrives whole and none of it stays in the widget; a fast person
keeps their text; a code typed with the wrong keyboard layout checks in the right guest."""
from __future__ import annotations

import random

from PySide6.QtWidgets import QApplication

from checkin.core.decision import Decision, Outcome
from checkin.scanning.keyboard_layouts import typed_as
from checkin.scanning.wedge_check import TEST_CODE, analyse
from checkin.ui.answer_text import layout_hint
from checkin.ui.i18n import Translations
from checkin.ui.scanner_check import findings_lines
from tests.scanning.test_layout_recovery import give_codes
from tests.scanning.test_wedge_check import presses
from tests.ui.conftest import answers

CODE = "Ab-Yz/09xY+Q="


def focus(qtbot, widget) -> None:  # noqa: ANN001
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_a_code_with_capitals_is_one_scan_in_the_scan_field(qtbot, window, keyboard, database, demo):
    [guest_id] = give_codes(database, demo.event_id, CODE)
    results = answers(window)
    keyboard.scanner(CODE)
    qtbot.waitUntil(lambda: len(results) == 1)
    qtbot.wait(200)  # nothing else comes (no second, split-off code)
    assert len(results) == 1 and results[0].registration_id == guest_id and results[0].code == CODE
    assert window.scan_field.text() == ""


def test_a_code_with_capitals_in_the_search_box_is_a_scan_not_a_search(qtbot, window, keyboard, database, demo):
    [guest_id] = give_codes(database, demo.event_id, CODE)
    window.toolbar.focus_search.trigger()
    keyboard.person("Kow", window.search.box)
    keyboard.now += 1000
    results = answers(window)
    keyboard.scanner(CODE, window.search.box, terminator="\t")
    qtbot.waitUntil(lambda: len(results) == 1)
    qtbot.wait(200)
    assert [(r.registration_id, r.code) for r in results] == [(guest_id, CODE)]
    assert window.search.box.text() == "Kow"


def test_a_code_while_the_guest_notes_have_focus_leaves_the_notes_alone(qtbot, window, keyboard, database, demo):
    first, second = give_codes(database, demo.event_id, "NOTES-Guest-1", CODE)
    window.dialogs.show_guest(first)  # the details are read off the UI thread first
    qtbot.waitUntil(lambda: window.dialogs.current is not None and window.dialogs.current.isVisible())
    dialog = window.dialogs.current
    focus(qtbot, dialog.notes)
    keyboard.person("Vegan", dialog.notes)
    qtbot.waitUntil(lambda: dialog.notes.toPlainText() == "Vegan")
    keyboard.now += 1000
    results = answers(window)
    keyboard.scanner(CODE, dialog.notes, terminator=None)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].registration_id == second
    assert dialog.notes.toPlainText() == "Vegan"


def test_a_person_typing_fast_into_the_search_keeps_every_letter(qtbot, window, keyboard):
    rng = random.Random(30)
    window.toolbar.focus_search.trigger()
    results = answers(window)
    typed = ""
    for name in ("Kowalski", "Müller", "Schmidt", "Dvořák", "Nguyen"):
        window.search.box.clear()
        for ch in name:
            keyboard.now += max(8, round(rng.gauss(30, 12)))
            keyboard.shifted_key(window.search.box, ch)
        keyboard.now += 400
        qtbot.waitUntil(lambda n=name: window.search.box.text() == n, timeout=2000)
        typed += name
    qtbot.wait(200)
    assert results == [] and window.scan_field.text() == ""


def test_a_us_scanner_on_a_german_computer_checks_in_and_says_how_to_fix_it_once(qtbot, window, keyboard,
                                                                               database, demo):
    ids = give_codes(database, demo.event_id, "Ab-Yz/09xY", "zebra-yak/1")
    results = answers(window)
    keyboard.scanner(typed_as("Ab-Yz/09xY", "us", "de"))
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].registration_id == ids[0] and results[0].decision.outcome is Outcome.OK
    assert window.card.severity == "ok"
    hint = window.card.advice.text()
    assert "US keyboard layout" in hint and "German" in hint
    keyboard.scanner(typed_as("zebra-yak/1", "us", "de"))
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results[1].registration_id == ids[1] and window.card.severity == "ok"
    assert "keyboard layout" not in window.card.advice.text()  # told once is enough


def test_the_layout_hint_and_the_scanner_check_speak_german(qapp):
    translations = Translations(qapp)
    assert translations.apply("de")
    try:
        decision = Decision(Outcome.OK, "", extra={"scanner_layout": "us", "computer_layout": "de"})
        assert layout_hint(decision) == ("Dieser Scanner tippt mit dem Tastaturlayout „US“, dieser Computer verwendet "
                                         "aber „Deutsch“: Stellen Sie den Scanner auf „Deutsch“ um (oder den Computer "
                                         "auf „US“).")
        lines = findings_lines(analyse(presses(TEST_CODE.swapcase())))
        assert "Der Scanner hat den Testcode gelesen." in lines and "Beendet jeden Code mit: Enter" in lines
        assert any("Feststelltaste" in line for line in lines)
    finally:
        translations.remove()

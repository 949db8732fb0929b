"""Scanning at the desk: the answer card for ok, refused and duplicate scans, typed codes,
and scanner bursts that arrive while a dialog has focus or without a terminator."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import func, select

from checkin.core.decision import Outcome
from checkin.store.models import CheckIn
from tests.ui.conftest import answers, scan


def test_scanner_burst_checks_the_guest_in_and_shows_a_green_card(qtbot, window, keyboard, codes):
    [result] = scan(qtbot, window, keyboard, codes["valid"][0])
    assert result.decision.outcome is Outcome.OK
    assert window.card.severity == "ok"
    assert window.card.headline.text() == "Welcome!"
    assert window.card.name.text() == result.decision.guest.name
    assert window.scan_field.text() == ""


def test_a_cancelled_ticket_is_refused_in_red_with_its_reason(qtbot, window, keyboard, codes):
    [result] = scan(qtbot, window, keyboard, codes["cancelled"][0])
    assert result.decision.outcome is Outcome.CANCELLED
    assert window.card.severity == "refused"
    assert window.card.headline.text() == "Registration cancelled"
    assert "cancelled" in window.card.advice.text()


def test_unknown_code_is_refused(qtbot, window, keyboard):
    [result] = scan(qtbot, window, keyboard, "NOSUCHCODE12345")
    assert result.decision.outcome is Outcome.UNKNOWN
    assert window.card.severity == "refused"


def test_second_scan_of_a_ticket_warns_with_time_and_desk(qtbot, window, keyboard, codes):
    results = scan(qtbot, window, keyboard, codes["valid"][1], codes["valid"][1])
    assert [r.decision.outcome for r in results] == [Outcome.OK, Outcome.ALREADY_CHECKED_IN]
    assert window.card.severity == "warning"
    assert window.card.headline.text() == "Already checked in"
    assert "Desk A" in window.card.advice.text()


def test_typing_a_code_by_hand_and_pressing_enter_scans_it(qtbot, window, keyboard, codes):
    results = answers(window)
    keyboard.person(codes["valid"][2], window.scan_field)
    qtbot.waitUntil(lambda: window.scan_field.text() == codes["valid"][2], timeout=2000)
    keyboard.enter(window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].decision.outcome is Outcome.OK
    assert results[0].code == codes["valid"][2]


def test_a_burst_while_a_modal_dialog_has_focus_reaches_the_scan_handler(qtbot, window, keyboard, codes):
    window.dialogs.walk_in()
    dialog = window.dialogs.current
    qtbot.waitUntil(lambda: dialog.isVisible())
    dialog.activateWindow()
    dialog.given_name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.given_name)
    assert dialog.isModal()
    results = answers(window)
    keyboard.scanner(codes["valid"][3])
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].decision.outcome is Outcome.OK
    assert dialog.given_name.text() == "", "the code must not leak into the dialog's field"
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_a_scanner_without_terminator_is_recognised_by_its_pause(qtbot, window, keyboard, codes):
    results = answers(window)
    keyboard.scanner(codes["valid"][4], terminator=None)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].code == codes["valid"][4]
    assert window.scan_field.text() == ""


def test_a_tab_terminated_burst_is_one_scan(qtbot, window, keyboard, codes):
    results = answers(window)
    keyboard.scanner(codes["valid"][5], terminator="\t")
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].decision.outcome is Outcome.OK and results[0].code == codes["valid"][5]


def test_ten_scans_a_second_nothing_lost_nothing_counted_twice(qtbot, window, keyboard, codes, database):
    batch = codes["valid"][10:20]
    results = answers(window)
    for code in batch:
        keyboard.scanner(code)
        keyboard.now -= 1000 - 100  # the next scan 100 ms later, not a second
    qtbot.waitUntil(lambda: len(results) == len(batch), timeout=10_000)
    assert [r.code for r in results] == batch
    assert all(r.decision.outcome is Outcome.OK for r in results)
    with database.reader() as session:
        rows = session.scalar(select(func.count(CheckIn.id)).where(CheckIn.outcome == "ok"))
    assert rows == len(batch)



def test_typed_keys_reach_a_text_field_at_once(qtbot, window, keyboard):
    window.toolbar.focus_search.trigger()
    keyboard.person("Mü", window.search.box)
    assert window.search.box.text() == "Mü"  # no waiting for the scanner timeout


def test_a_burst_into_a_field_with_text_leaves_the_text_as_it_was(qtbot, window, keyboard, codes):
    window.toolbar.walk_in.trigger()
    dialog = window.dialogs.current
    qtbot.waitUntil(dialog.isVisible)
    keyboard.person("Ann", dialog.given_name)
    dialog.given_name.setCursorPosition(1)
    keyboard.now += 1000  # the scan comes a moment after the typing
    results = answers(window)
    keyboard.scanner(codes["valid"][6], dialog.given_name)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].code == codes["valid"][6]
    assert dialog.given_name.text() == "Ann" and dialog.given_name.cursorPosition() == 1


def test_a_burst_while_searching_leaves_the_search_alone(qtbot, window, keyboard, codes):
    window.toolbar.focus_search.trigger()
    keyboard.person("Kow", window.search.box)
    keyboard.now += 1000
    results = answers(window)
    keyboard.scanner(codes["valid"][7], window.search.box, terminator=None)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert window.search.box.text() == "Kow" and results[0].code == codes["valid"][7]


def test_the_answer_clears_after_the_configured_timeout(qtbot, make_window, demo, window_settings, keyboard, codes):
    window_settings.set("answer_timeout_s", 1)
    window = make_window()
    scan(qtbot, window, keyboard, codes["valid"][8])
    assert window.card.severity == "ok"
    qtbot.waitUntil(lambda: window.card.severity == "idle", timeout=3000)
    assert window.card.headline.text() == "Ready to scan"

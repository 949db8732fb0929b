"""Exit mode cannot be missed: keys from the text fields, the whole window says EXIT, a guest
who never entered is recorded but warned about, and the desk falls back to entry when idle."""
from __future__ import annotations

from PySide6.QtCore import Qt

from checkin.core.decision import Direction, Outcome
from checkin.ui.exit_mode import DeskMode
from tests.ui.conftest import answers

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_exit_keys_from_the_scan_field_and_the_search_box_change_the_whole_window(qtbot, window):
    window.activateWindow()
    window.scan_field.setFocus()
    qtbot.keyClick(window.scan_field, Qt.Key.Key_E, CTRL | SHIFT)
    assert window.controller.direction is Direction.EXIT and window.toolbar.exit.isChecked()
    assert window.card.mode_banner.isVisible() and "EXIT" in window.card.mode_banner.text()
    assert window.card.look() == "exit" and window.card.headline.text().startswith("EXIT")
    assert window.windowTitle().startswith("EXIT MODE – Check-in Desk")
    assert "EXIT" in window.scan_field.placeholderText() and "4px solid" in window.scan_field.styleSheet()
    assert "EXIT" in window.scan_label.text()
    window.toolbar.focus_search.trigger()
    qtbot.keyClick(window.search.box, Qt.Key.Key_E, CTRL)
    assert window.controller.direction is Direction.ENTRY and window.toolbar.entry.isChecked()
    assert not window.card.mode_banner.isVisible() and window.card.look() == "idle"
    assert "EXIT" not in window.windowTitle() and window.scan_field.styleSheet() == ""


def test_exit_of_a_guest_who_never_entered_is_recorded_in_amber(qtbot, window, keyboard, codes):
    results = answers(window)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_E, CTRL | SHIFT)
    keyboard.scanner(codes["valid"][0], window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 1)
    decision = results[0].decision
    assert decision.outcome is Outcome.OK and results[0].check_in_id is not None, "recorded as pretix does"
    assert window.card.severity == "warning" and window.card.look() == "warning"
    name = decision.guest.name
    assert window.card.advice.text() == f"{name} was never checked in. Is this desk in exit mode by mistake?"


def test_a_guest_leaving_after_entry_gets_exit_colours_not_green(qtbot, window, keyboard, codes):
    results = answers(window)
    keyboard.scanner(codes["valid"][1], window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 1)
    qtbot.keyClick(window.scan_field, Qt.Key.Key_E, CTRL | SHIFT)
    keyboard.scanner(codes["valid"][1], window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 2)
    assert window.card.severity == "ok" and window.card.look() == "exit"
    assert window.card.headline.text() == "Goodbye!" and window.card.mode_banner.isVisible()


def test_exit_mode_falls_back_to_entry_when_idle_and_waits_while_used(qtbot):
    mode = DeskMode(2, minute_ms=100)
    mode.set(Direction.EXIT)
    assert mode.idle_ms == 200 and mode.falls_back_in_ms > 0
    qtbot.wait(120)
    mode.touch()  # a scan: the idle time starts again
    assert mode.falls_back_in_ms > 150 and mode.direction is Direction.EXIT
    with qtbot.waitSignal(mode.changed, timeout=2000) as changed:
        pass
    assert changed.args == [Direction.ENTRY] and mode.direction is Direction.ENTRY


def test_exit_mode_without_idle_time_stays(qtbot):
    mode = DeskMode(0, minute_ms=10)
    mode.set(Direction.EXIT)
    assert mode.falls_back_in_ms == -1
    qtbot.wait(50)
    assert mode.direction is Direction.EXIT


def test_the_idle_setting_reaches_the_window(qtbot, window):
    window.settings.set("exit_mode_idle_min", 7)
    window.apply_settings()
    window.toolbar.exit.trigger()
    assert window.mode.idle_ms == 7 * 60_000 and window.mode.falls_back_in_ms > 6 * 60_000

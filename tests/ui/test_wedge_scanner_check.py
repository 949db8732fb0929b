"""Settings → Check scanner…: the test code scanned with QKeyEvents (Shift around capitals),
findings shown in plain words, settings applied, nothing checked in."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from checkin.scanning.keyboard_layouts import typed_as
from checkin.scanning.wedge_check import TEST_CODE
from tests.ui.conftest import answers


def open_check(qtbot, window):  # noqa: ANN001, ANN201
    window.dialogs.edit_settings()
    settings_dialog = window.dialogs.current
    qtbot.waitUntil(settings_dialog.isVisible)
    check = settings_dialog.open_scanner_check()
    qtbot.waitUntil(check.isVisible)
    return settings_dialog, check


def test_a_scan_of_the_test_code_is_reported_and_nothing_is_checked_in(qtbot, window, keyboard):
    settings_dialog, check = open_check(qtbot, window)
    results = answers(window)
    keyboard.scanner("]Q1" + TEST_CODE, QApplication.focusWidget() or check, step_ms=6, terminator="\t")
    qtbot.waitUntil(lambda: check.report is not None, timeout=3000)
    text = check.findings.text()
    assert "Ends each code with: Tab" in text and "Prefix: “]Q1”" in text and "Suffix: none" in text
    assert "Key interval (median): 6" in text and "the same as this computer's" in text
    assert "Capitals: correct." in text
    check.apply_button.click()
    assert settings_dialog.editors["scanner_prefix"].text() == "]Q1"
    qtbot.wait(200)
    assert results == [] and window.scan_field.text() == ""
    check.reject()


def test_a_us_scanner_on_a_german_computer_and_caps_lock_are_named(qtbot, window, keyboard):
    _settings_dialog, check = open_check(qtbot, window)
    keyboard.scanner(typed_as(TEST_CODE, "us", "de", dead_keys="drop"), check)
    qtbot.waitUntil(lambda: check.report is not None, timeout=3000)
    assert "US keyboard layout but this computer uses German" in check.findings.text()
    assert "dead keys" in check.findings.text()
    check.report = None
    keyboard.scanner(TEST_CODE.swapcase(), check)
    qtbot.waitUntil(lambda: check.report is not None, timeout=3000)
    assert "Caps Lock is on" in check.findings.text()
    check.reject()


def test_after_the_check_closes_scans_reach_the_desk_again(qtbot, window, keyboard, codes):
    settings_dialog, check = open_check(qtbot, window)
    check.reject()
    settings_dialog.reject()
    qtbot.waitUntil(lambda: not settings_dialog.isVisible())
    window.scan_field.setFocus()
    results = answers(window)
    keyboard.scanner(codes["valid"][0], window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 1)

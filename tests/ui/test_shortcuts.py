"""The desk's shortcuts work from the scan and search fields too (line edits claim some keys)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from checkin.core.decision import Direction

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("field", ["scan_field", "search_box"])
def test_desk_shortcuts_from_the_text_fields(qtbot, window, field):
    target = window.scan_field if field == "scan_field" else window.search.box
    window.activateWindow()
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.controller.direction is Direction.EXIT
    qtbot.keyClick(target, Qt.Key.Key_E, CTRL)
    assert window.controller.direction is Direction.ENTRY
    qtbot.keyClick(target, Qt.Key.Key_D, CTRL)
    assert window.tabs.currentWidget() is window.dashboard
    qtbot.keyClick(window.scan_field, Qt.Key.Key_F, CTRL)
    assert window.tabs.currentWidget() is window.search and window.search.box.hasFocus()
    qtbot.keyClick(window.search.box, Qt.Key.Key_L, CTRL)
    assert window.scan_field.hasFocus()
    qtbot.keyClick(target, Qt.Key.Key_N, CTRL)
    assert window.dialogs.current is not None and window.dialogs.current.isVisible()

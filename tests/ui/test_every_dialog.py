"""Every dialog of the desk, opened and closed as a user does it: none can stop the live counts
(German throughout is checked in test_german_everywhere.py)."""
from __future__ import annotations

import pytest

from tests.ui.conftest import answers
from tests.ui.every_dialog import OPENERS, close_dialog, open_dialog


def scan(qtbot, window, keyboard, code: str) -> None:  # noqa: ANN001
    """A scanner burst into the scan field (after the dialogs, no widget may have the focus)."""
    results = answers(window)
    keyboard.scanner(code, widget=window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=5000)


def _in(desk, count: int) -> bool:
    return desk.window.dashboard.headline.text().startswith(f"{count} of ")


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_counts_stay_live_after_every_dialog_was_opened_and_closed(qtbot, composed_desk, keyboard, codes):
    """The old bug: after the guest dialog was closed once, "GuestDialog already deleted" froze
    the dashboard. Now every dialog comes and goes, and a scan still moves every count."""
    desk = composed_desk
    window = desk.window
    for name in OPENERS:
        close_dialog(desk, open_dialog(desk, name))
    window.toolbar.show_dashboard.trigger()
    qtbot.waitUntil(lambda: _in(desk, 1), timeout=5000)  # the guest the undo question named, kept in
    scan(qtbot, window, keyboard, codes["valid"][1])
    qtbot.waitUntil(lambda: _in(desk, 2), timeout=5000)
    window.toolbar.focus_search.trigger()
    window.search.box.setText(codes["valid"][1])
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1 and window.search.model.rows[0].checked_in,
                    timeout=5000)


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_an_open_guest_dialog_follows_scans_and_its_closing_breaks_nothing(qtbot, composed_desk, keyboard, codes):
    desk = composed_desk
    guest = open_dialog(desk, "guest details")
    assert guest.log.item(0).text() == "No check-ins yet."
    scan(qtbot, desk.window, keyboard, codes["valid"][0])
    qtbot.waitUntil(lambda: "No check-ins yet." not in guest.log.item(0).text(), timeout=5000)
    close_dialog(desk, guest)
    desk.window.toolbar.show_dashboard.trigger()
    scan(qtbot, desk.window, keyboard, codes["valid"][1])
    qtbot.waitUntil(lambda: _in(desk, 2), timeout=5000)

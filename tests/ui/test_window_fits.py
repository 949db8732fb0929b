"""The desk window fits its screen, remembers where it was, and its status bar says what it must
at 1024 px. (A real window manager's title bar: tests/xtest/test_window_fits_x.py.)"""
from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from checkin.ui import window_geometry


def frame_on_screen(window) -> QRect:  # noqa: ANN001
    """The window with its (guessed, offscreen) frame."""
    return QRect(window.pos(), window.size().grownBy(window_geometry.decoration(window)))


def available() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def test_the_window_opens_within_the_available_geometry(window):
    assert available().contains(frame_on_screen(window))
    assert window.statusBar().isVisible()


def test_size_and_place_are_remembered(make_window, demo, window_settings):
    first = make_window()
    first.resize(700, 540)
    first.move(30, 20)
    size, inner = first.size(), first.geometry()
    first.close()
    second = make_window()
    assert second.size() == size and size.width() == 700
    # Qt's restoreGeometry may shift by the frame's few pixels where the platform only estimates the frame.
    shift = second.geometry().topLeft() - inner.topLeft()
    assert abs(shift.x()) <= 8 and abs(shift.y()) <= 8, shift


def test_a_window_on_a_screen_that_is_gone_comes_back(make_window, demo, window_settings):
    first = make_window()
    first.move(available().right() + 2000, available().bottom() + 1500)  # e.g. an unplugged second monitor
    first.close()
    second = make_window()
    assert available().contains(frame_on_screen(second))


def test_the_status_bar_shows_connection_and_uploads_at_1024_px(qtbot, window):
    window.status.database = "/home/volunteer/Documents/Events/2026/Annual members meeting/desk.sqlite3"
    window.set_connection_state(False, "pretix.example.org did not answer")
    window.set_pending_uploads(12)
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.status.width() == 1024)
    bar = window.status.rect()
    for label in (window.status.connection, window.status.uploads, window.status.clock):
        assert label.isVisible() and bar.contains(label.geometry())
        assert label.width() >= label.sizeHint().width(), f"{label.text()!r} is cut"
    window.status.showMessage("Badge not printed: the printer is out of labels")
    assert window.status.uploads.isVisible() and "12" in window.status.uploads.text()


def test_the_venues_sync_owner_fits_beside_them_at_1024_px(qtbot, window):
    from datetime import datetime, timezone

    from checkin.store.sync_lock import OwnerState

    at = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)
    window.set_connection_state(False, "pretix.example.org did not answer")
    window.status.set_sync_owner(False, OwnerState(True, "checkin sync --watch", "venue-server.example.org",
                                                   "watch", at, at, at, "pretix.example.org did not answer", at))
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: window.status.width() == 1024)
    assert window.status.sync_owner.text().startswith("Sync: checkin sync --watch (venue-ser… · failed ")
    assert "venue-server.example.org" in window.status.sync_owner.toolTip()
    bar = window.status.rect()
    for label in (window.status.connection, window.status.sync_owner, window.status.uploads, window.status.clock):
        assert label.isVisible() and bar.contains(label.geometry())
        assert label.width() >= label.sizeHint().width(), f"{label.text()!r} is cut"

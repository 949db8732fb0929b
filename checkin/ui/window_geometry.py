"""The desk window fits the screen it is on: opened within the screen's available geometry
(below the panels, title bar included), remembered between runs, and brought back onto a
screen when the one it was on is gone."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from checkin.settings import Settings

PREFERRED = QSize(1366, 768)
#: Title bar and borders before the window manager has told us (typical for openbox, GNOME, Windows).
DECORATION_GUESS = QMargins(4, 36, 4, 4)


def restore(window: QWidget, settings: Settings) -> None:
    """The size and place remembered, else the preferred size; either way on a screen."""
    saved = settings.get("window_geometry")
    if not (saved and window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))):
        window.resize(PREFERRED)
        centre(window)
    fit(window)


def remember(window: QWidget, settings: Settings) -> None:
    settings.set("window_geometry", bytes(window.saveGeometry().toBase64().data()).decode("ascii"))


def fit(window: QWidget) -> None:
    """Shrinks and moves the window so that its frame lies inside its screen's available geometry."""
    available = screen_of(window).availableGeometry()
    margins = decoration(window)
    inner = QSize(min(window.width(), available.width() - margins.left() - margins.right()),
                  min(window.height(), available.height() - margins.top() - margins.bottom()))
    window.resize(inner)
    frame = QRect(window.frameGeometry().topLeft(), window.size().grownBy(margins))
    window.move(_clamp(frame.left(), available.left(), available.right() - frame.width() + 1),
                _clamp(frame.top(), available.top(), available.bottom() - frame.height() + 1))


def centre(window: QWidget) -> None:
    available = screen_of(window).availableGeometry()
    frame = window.size().grownBy(DECORATION_GUESS)
    window.move(available.left() + (available.width() - frame.width()) // 2,
                available.top() + (available.height() - frame.height()) // 2)


def screen_of(window: QWidget) -> QScreen:
    """The screen under the window's centre; the primary one when no screen is there any more."""
    return QGuiApplication.screenAt(window.frameGeometry().center()) or QGuiApplication.primaryScreen()


def decoration(window: QWidget) -> QMargins:
    """The window manager's frame around the window, or a guess while there is none yet."""
    frame, inner = window.frameGeometry(), window.geometry()
    if frame == inner:
        return DECORATION_GUESS
    return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                    frame.right() - inner.right(), frame.bottom() - inner.bottom())


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(value, high))

"""Synthetic keyboards for the desk window: a scanner (fast keys) and a person (slow keys).

Keys are sent as QKeyEvents with explicit timestamps and the text of each character, so
non-ASCII names work (qtbot.keyClicks aborts on them, see STACK-NOTES). Like a USB scanner
(and a person), capitals and shifted symbols come with the Shift key pressed before and
released after, as separate key events, and with the Shift modifier on the character.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class Keyboard:
    def __init__(self, start_ms: int = 1_000_000):
        self.now = start_ms

    def key(self, widget: QWidget, text: str, key: Qt.Key = Qt.Key.Key_unknown, at: int | None = None,
            modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.now = at if at is not None else self.now
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, text)
            event.setTimestamp(self.now)
            QCoreApplication.sendEvent(widget, event)

    def shifted_key(self, widget: QWidget, text: str) -> None:
        """``text`` as a keyboard types it: Shift pressed around it when it needs Shift."""
        if not needs_shift(text):
            self.key(widget, text, qt_key(text))
            return
        shift = Qt.KeyboardModifier.ShiftModifier
        self._single(widget, QEvent.Type.KeyPress, Qt.Key.Key_Shift, shift)
        self.key(widget, text, qt_key(text), modifiers=shift)
        self._single(widget, QEvent.Type.KeyRelease, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)

    def _single(self, widget: QWidget, kind: QEvent.Type, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        event = QKeyEvent(kind, key, modifiers, "")
        event.setTimestamp(self.now)
        QCoreApplication.sendEvent(widget, event)

    def scanner(self, text: str, widget: QWidget | None = None, step_ms: int = 4, terminator: str | None = "\r",
                pause_after: bool = True) -> None:
        """A USB scanner typing ``text`` (then Enter, Tab or nothing) into the focused widget."""
        target = widget or QApplication.focusWidget()
        for ch in text:
            self.now += step_ms
            self.shifted_key(target, ch)
        self.now += step_ms
        if terminator == "\r":
            self.key(target, "\r", Qt.Key.Key_Return)
        elif terminator == "\t":
            self.key(target, "\t", Qt.Key.Key_Tab)
        if pause_after:
            self.now += 1000  # the next action comes later

    def person(self, text: str, widget: QWidget | None = None, step_ms: int = 150) -> None:
        """A person typing ``text`` at ``step_ms`` between keys."""
        target = widget or QApplication.focusWidget()
        for ch in text:
            self.now += step_ms
            self.shifted_key(target, ch)

    def enter(self, widget: QWidget | None = None, step_ms: int = 150) -> None:
        self.now += step_ms
        self.key(widget or QApplication.focusWidget(), "\r", Qt.Key.Key_Return)


#: Characters a US keyboard types with Shift.
_US_SHIFTED = set('~!@#$%^&*()_+{}|:"<>?')


def needs_shift(text: str) -> bool:
    return text.isupper() or text in _US_SHIFTED


def qt_key(text: str) -> Qt.Key:
    """The Qt key code of a printable ASCII character (Key_unknown for others, e.g. ü)."""
    if len(text) == 1 and " " <= text <= "~":
        return Qt.Key(ord(text.upper()))
    return Qt.Key.Key_unknown

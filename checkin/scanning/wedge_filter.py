"""An application-wide key filter that takes scanner bursts out of the key stream.

Installed on the QApplication, it sees every key before any widget, whatever has focus,
modal dialogs included. Bursts go out through :attr:`WedgeFilter.scanned`; keys a person
typed are given back to the widget they were meant for, in order.

Text fields get the keys the detector holds at once ("early"), so typing into the search box
has no delay; if the keys turn out to be a scan, the field is put back as it was.

Modifier keys (Shift pressed and released around each capital, as a scanner does; AltGr,
Caps Lock, Meta) pass through untouched: they neither end nor split a burst.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from checkin.scanning.wedge import Verdict, WedgeConfig, WedgeDetector

_TERMINATORS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab}
#: Modifiers a character may come with: Shift for capitals, AltGr (group switch) for symbols.
_TYPING_MODIFIERS = (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
                     | Qt.KeyboardModifier.GroupSwitchModifier)
#: Keys that only change what the next key types; they are no part of the burst.
MODIFIER_KEYS = frozenset({
    Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Meta, Qt.Key.Key_Alt, Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock, Qt.Key.Key_ScrollLock, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
    Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R, Qt.Key.Key_Mode_switch, Qt.Key.Key_Dead_Circumflex,
    Qt.Key.Key_Dead_Acute, Qt.Key.Key_Dead_Grave, Qt.Key.Key_Dead_Diaeresis, Qt.Key.Key_Dead_Tilde,
})


class WedgeFilter(QObject):
    #: One complete scanned code (prefix/suffix still attached; the payload rules strip them).
    scanned = Signal(str)

    def __init__(self, config: WedgeConfig, parent: QObject | None = None):
        super().__init__(parent)
        self.detector = WedgeDetector(config)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._replaying = False
        self._target: QWidget | None = None
        #: How many of the held keys are shown in the target text field, and the field before them.
        self._shown = 0
        self._before: tuple[str, int] = ("", 0)

    def configure(self, config: WedgeConfig) -> None:
        self._apply(self.detector.timeout())
        self.detector = WedgeDetector(config)

    def install(self, app: QCoreApplication | None = None) -> None:
        (app or QApplication.instance()).installEventFilter(self)

    def uninstall(self, app: QCoreApplication | None = None) -> None:
        (app or QApplication.instance()).removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if self._replaying or event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if event.key() in MODIFIER_KEYS:
            return False
        # Printable keys are always consumed, so only passed keys propagate to parents and
        # come back here; for them the detector holds nothing and the call is a no-op.
        return self._on_key(watched, event)

    def _on_key(self, watched: QWidget, event: QKeyEvent) -> bool:
        at_ms = event.timestamp() or time.monotonic() * 1000
        text = event.text()
        if event.key() in _TERMINATORS and not event.modifiers() & ~_TYPING_MODIFIERS:
            verdict = self.detector.terminator(at_ms)
        elif text and text.isprintable() and not event.modifiers() & ~_TYPING_MODIFIERS:
            verdict = self.detector.key(text, at_ms)
            self._apply(verdict)  # the burst this key ended (if any) goes to its own target first
            if len(self.detector.held) == 1:
                self._target = watched  # the focus widget: key events are sent to it
            if self.detector.scanning:
                self._take_back_early()  # at once, so the field is clean while the rest comes in
            elif self.detector.holding:
                self._show_early(text)
            return verdict.consume
        elif event.key() == Qt.Key.Key_unknown and not text:
            return False  # e.g. a dead key's press: what it types comes with the next key
        else:
            verdict = self.detector.other_key()
        self._apply(verdict)
        return verdict.consume

    def _on_timeout(self) -> None:
        self._apply(self.detector.timeout())

    def _apply(self, verdict: Verdict) -> None:
        if verdict.timer_ms is not None:
            self._timer.start(verdict.timer_ms)
        elif not self.detector.holding:
            self._timer.stop()
        if verdict.replay:
            shown, self._shown = self._shown, 0
            self._replay(verdict.replay[shown:])  # typing after all: the shown keys stay in the field
        if verdict.burst:
            self._take_back_early()
            self.scanned.emit(verdict.burst)

    def _show_early(self, text: str) -> None:
        """Show a held key in a text field now, if every key held before it is shown too."""
        field = self._target
        if not isinstance(field, QLineEdit) or field.isReadOnly() or not _alive(field):
            return
        if self._shown != len(self.detector.held) - 1:
            return  # earlier keys were taken back: this one waits with them
        if not self._shown:
            self._before = (field.text(), field.cursorPosition())
        self._shown += 1
        self._send(field, (text,))

    def _take_back_early(self) -> None:
        if not self._shown:
            return
        field, self._shown = self._target, 0
        if isinstance(field, QLineEdit) and _alive(field) and field.text() != self._before[0]:
            field.setText(self._before[0])
            field.setCursorPosition(self._before[1])

    def _replay(self, texts: tuple[str, ...]) -> None:
        if not texts:
            return
        target = self._target if self._target is not None and _alive(self._target) else QApplication.focusWidget()
        if target is not None:
            self._send(target, texts)

    def _send(self, target: QWidget, texts: tuple[str, ...]) -> None:
        self._replaying = True
        try:
            for text in texts:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, text))
        finally:
            self._replaying = False


def _alive(widget: QWidget) -> bool:
    try:
        return widget.isVisible() and widget.isEnabled()
    except RuntimeError:  # the C++ widget is gone
        return False

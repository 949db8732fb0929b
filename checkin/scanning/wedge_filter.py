"""An application-wide key filter that takes scanner bursts out of the key stream.

Installed on the QApplication, it sees every key before any widget, whatever has focus,
modal dialogs included. Bursts go out through :attr:`WedgeFilter.scanned`; keys a person
typed are given back to the widget they were meant for, in order.

Text fields get the keys the detector holds at once ("early"), so typing into the search box
has no delay; if the keys turn out to be a scan, the field is put back as it was.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from checkin.scanning.wedge import Verdict, WedgeConfig, WedgeDetector

_TERMINATORS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab}
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


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
        #: Held keys already shown in the target text field, and the field before them.
        self._early: list[str] = []
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
        # Printable keys are always consumed, so only passed keys propagate to parents and
        # come back here; for them the detector holds nothing and the call is a no-op.
        return self._on_key(watched, event)

    def _on_key(self, watched: QWidget, event: QKeyEvent) -> bool:
        at_ms = event.timestamp() or time.monotonic() * 1000
        text = event.text()
        if event.key() in _TERMINATORS and not event.modifiers() & ~_TYPING_MODIFIERS:
            verdict = self.detector.terminator(at_ms)
        elif text and text.isprintable() and not event.modifiers() & ~_TYPING_MODIFIERS:
            if not self.detector.holding:
                self._target = watched  # the focus widget: key events are sent to it
            verdict = self.detector.key(text, at_ms)
            self._apply(verdict)
            if self.detector.scanning:
                self._take_back_early()  # at once, so the field is clean while the rest comes in
            elif self.detector.holding:
                self._show_early(text)
            return verdict.consume
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
            if self._early:  # typing after all: the keys are in the field already
                self._early = []
            else:
                self._replay(verdict.replay)
        if verdict.burst:
            self._take_back_early()
            self.scanned.emit(verdict.burst)

    def _show_early(self, text: str) -> None:
        field = self._target
        if not isinstance(field, QLineEdit) or field.isReadOnly() or not _alive(field):
            return
        if not self._early:
            self._before = (field.text(), field.cursorPosition())
        self._early.append(text)
        self._send(field, (text,))

    def _take_back_early(self) -> None:
        if not self._early:
            return
        field, self._early = self._target, []
        if isinstance(field, QLineEdit) and _alive(field) and field.text() != self._before[0]:
            field.setText(self._before[0])
            field.setCursorPosition(self._before[1])

    def _replay(self, texts: tuple[str, ...]) -> None:
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

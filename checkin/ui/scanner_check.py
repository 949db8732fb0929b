"""Settings → Check scanner…: scan a test code, see what the scanner sends, apply the fix.

While the dialog is open it takes every key press of the application (before the wedge
filter: nothing is checked in, nothing lands in a field) and, a moment after the last one,
compares them with the test code (``checkin.scanning.wedge_check``).
"""
from __future__ import annotations

import time

import qrcode
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget
from qrcode.constants import ERROR_CORRECT_M

from checkin.scanning.wedge_check import (
    CAPITALS_CAPS_LOCK,
    CAPITALS_LOST,
    CAPS_LOCK,
    CHARACTER,
    ENTER,
    OTHER,
    SHIFT,
    TAB,
    TEST_CODE,
    KeyPress,
    ScannerReport,
    analyse,
    suggested_settings,
)
from checkin.ui.answer_text import layout_advice

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls

#: After the last key this long, the scan is complete (longer than any scanner's pause).
SETTLE_MS = 400
_KINDS = {Qt.Key.Key_Return: ENTER, Qt.Key.Key_Enter: ENTER, Qt.Key.Key_Tab: TAB, Qt.Key.Key_Shift: SHIFT,
          Qt.Key.Key_CapsLock: CAPS_LOCK}
_MODIFIERS = {Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta, Qt.Key.Key_Dead_Acute,
              Qt.Key.Key_Dead_Grave, Qt.Key.Key_Dead_Circumflex, Qt.Key.Key_Dead_Diaeresis}


class KeyRecorder(QObject):
    """Takes every key press of the application (Escape excepted) and records it."""

    pressed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.presses: list[KeyPress] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or event.key() == Qt.Key.Key_Escape:
            return False
        if not event.isAutoRepeat():
            self.presses.append(self._record(event))
            self.pressed.emit()
        return True

    def _record(self, event: QKeyEvent) -> KeyPress:
        at_ms = event.timestamp() or time.monotonic() * 1000
        kind = _KINDS.get(event.key())
        if kind is None:
            printable = event.text() and event.text().isprintable()
            kind = CHARACTER if printable else (SHIFT if event.key() in _MODIFIERS else OTHER)
        return KeyPress(at_ms, kind, event.text() if kind == CHARACTER else "")


class ScannerCheckDialog(QDialog):
    #: The settings matching the scanner (key → value), chosen with "Apply these settings".
    settings_chosen = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.report: ScannerReport | None = None
        self.recorder = KeyRecorder(self)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._analyse)
        self.recorder.pressed.connect(self._settle.start)
        self._build()
        self.finished.connect(lambda _result: self._stop_listening())
        self._listening = False

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Check scanner"))
        self.intro = QLabel(self.tr("Scan this code with the scanner. The desk listens to the keys the scanner "
                                    "sends and tells you what it saw; nothing is checked in."), self)
        self.intro.setWordWrap(True)
        self.code = QLabel(self)
        self.code.setPixmap(qr_pixmap(TEST_CODE, 6))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(self.tr("Test code {0}").format(TEST_CODE))
        self.findings = QLabel(self.tr("Waiting for a scan…"), self)
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.PlainText)
        self.findings.setMinimumWidth(460)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.apply_button = QPushButton(self.tr("Apply these settings"), self)
        self.apply_button.setEnabled(False)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.buttons():
            button.setAutoDefault(False)  # a scanner's Enter must never press a button
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.apply_button.clicked.connect(self._apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.code, self.findings, buttons):
            layout.addWidget(widget)

    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._listening:
            QApplication.instance().installEventFilter(self.recorder)  # last installed: sees keys first
            self._listening = True

    def _stop_listening(self) -> None:
        if self._listening:
            QApplication.instance().removeEventFilter(self.recorder)
            self._listening = False

    def _analyse(self) -> None:
        self.report = analyse(self.recorder.presses)
        self.recorder.presses = []
        self.findings.setText("\n".join(findings_lines(self.report)))
        self.apply_button.setEnabled(bool(suggested_settings(self.report)))
        self.adjustSize()  # the findings are longer than "Waiting for a scan…": room for all of them

    def _apply(self) -> None:
        if self.report is not None:
            self.settings_chosen.emit(suggested_settings(self.report))
            self.findings.setText(self.findings.text() + "\n\n" + self.tr(
                "Applied to the settings: press Save there to keep them."))
            self.adjustSize()


def findings_lines(report: ScannerReport) -> list[str]:
    """What the check saw, one plain sentence a line, for the volunteer setting the desk up."""
    if not report.recognised:
        if not report.typed:
            return [translate("ScannerCheck", "No characters arrived. Is the scanner set to USB keyboard mode?")]
        return [translate("ScannerCheck", "This was not the test code: the scanner sent “{0}”. Scan the code shown here.").format(report.typed)]
    lines = [translate("ScannerCheck", "The scanner read the test code."), _terminator_line(report)]
    lines.append(translate("ScannerCheck", "Prefix: “{0}”").format(report.prefix) if report.prefix else translate("ScannerCheck", "Prefix: none"))
    lines.append(translate("ScannerCheck", "Suffix: “{0}”").format(report.suffix) if report.suffix else translate("ScannerCheck", "Suffix: none"))
    if report.median_interval_ms is not None:
        lines.append(translate("ScannerCheck", "Key interval (median): {0} ms").format(f"{report.median_interval_ms:.3g}"))
    lines.append(layout_advice(*report.layout) if report.layout else translate("ScannerCheck", "Keyboard layout: the same as this computer's."))
    if report.characters_lost:
        lines.append(translate("ScannerCheck", "Some characters (such as + and =) were lost to this computer's dead keys: codes with "
                        "them cannot be read until the layouts match."))
    lines.append(_capitals_line(report))
    return lines


def _terminator_line(report: ScannerReport) -> str:
    return {"enter": translate("ScannerCheck", "Ends each code with: Enter"), "tab": translate("ScannerCheck", "Ends each code with: Tab")}.get(
        report.terminator, translate("ScannerCheck", "Ends each code with: nothing (the desk waits for a pause)"))


def _capitals_line(report: ScannerReport) -> str:
    if report.capitals == CAPITALS_CAPS_LOCK:
        return translate("ScannerCheck", "Capitals arrive in the wrong case: Caps Lock is on. Switch it off.")
    if report.capitals == CAPITALS_LOST:
        return translate("ScannerCheck", "Capitals arrive in lower case: the scanner sends no Shift. Set it to keep upper and lower case.")
    return translate("ScannerCheck", "Capitals: correct.")


def qr_pixmap(payload: str, module_px: int, quiet_modules: int = 4) -> QPixmap:
    """A crisp QR code: each module ``module_px`` pixels, with a white quiet zone around it."""
    symbol = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    symbol.add_data(payload)
    symbol.make(fit=True)
    matrix = symbol.get_matrix()
    side = (len(matrix) + 2 * quiet_modules) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for row, cells in enumerate(matrix):
        for column, dark in enumerate(cells):
            if dark:
                painter.fillRect((column + quiet_modules) * module_px, (row + quiet_modules) * module_px,
                                 module_px, module_px, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)

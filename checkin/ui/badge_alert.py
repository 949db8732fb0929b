"""A badge that did not print is said in a dialog, not only in the status bar, yet the desk goes on:
the dialog opens without taking the keyboard (a wedge scanner keeps typing into the scan field),
and one dialog counts further failures instead of piling up a dialog per guest.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


class BadgeFailureAlert(QObject):
    """``show(message)`` for each badge that failed; one dialog at a time, kept until closed."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.window = parent
        self.box: QMessageBox | None = None
        self.failures = 0

    def show(self, message: str) -> None:
        if self.box is None:
            self.box = self._new_box()
        if not self.box.isVisible():
            self.failures = 0
        self.failures += 1
        self.box.setText(self.tr("A badge was not printed.") if self.failures == 1
                         else self.tr("%n badge(s) were not printed.", "", self.failures))
        self.box.setInformativeText(self.tr("{0}\n\nCheck the printer; the guests are checked in, "
                                            "and each badge can be printed again from the guest's details.")
                                    .format(message))
        keyboard = QApplication.focusWidget()
        self.box.show()
        if keyboard is not None and keyboard.window() is not self.box:  # a window manager may activate it anyway
            keyboard.activateWindow()
            keyboard.setFocus(Qt.FocusReason.OtherFocusReason)

    def _new_box(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Badge not printed"), "", QMessageBox.StandardButton.Ok,
                          self.window)
        box.setObjectName("badge-failure")
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # scans keep going to the scan field
        box.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)  # closed with the mouse
        return box

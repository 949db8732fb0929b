"""What the organiser's tools may use of the desk window, handed to them instead of the window.

The tools are built before the window (their menu actions go into it), so they receive a
:class:`DeskHandle` once the window exists. :class:`ShownDialogs` keeps their dialogs alive.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from checkin.ui.desk_controller import DeskController

ScanTaker = Callable[[str], None]


@dataclass(frozen=True)
class DeskHandle:
    """The desk's parts a tool needs: the parent for its dialogs, the controller (event, lane),
    the status line, the scanner routing and the first-run choices."""

    parent: QWidget
    controller: DeskController
    show_status: Callable[[str, int], None]
    route_scans: Callable[[ScanTaker | None], None]
    scan_route: Callable[[], ScanTaker | None]
    first_run: Callable[[], None]


class ShownDialogs:
    """Dialogs open with open(), never exec(): scans arriving meanwhile are still answered."""

    def __init__(self) -> None:
        self.widgets: list[QWidget] = []  # kept alive while shown

    def show(self, widget: QWidget, modal: bool = False) -> None:
        # A dialog deleted meanwhile (closed with WA_DeleteOnClose, its parent gone) is only forgotten.
        self.widgets = [w for w in self.widgets if shiboken6.isValid(w) and w.isVisible()] + [widget]
        widget.open() if modal else widget.show()

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        self.show(QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent),
                  modal=True)


class ToolAction(QAction):
    """A Tools menu action that says its text again in the language now installed: the tools
    are built before the window installs the translation, and a QAction gets no LanguageChange."""

    def __init__(self, text: Callable[[], str], owner: QObject):
        super().__init__(text(), owner)
        self._text = text

    def retranslate(self) -> None:
        self.setText(self._text())


def menu_action(owner: QObject, text: Callable[[], str], slot: Callable[[], None]) -> QAction:
    """``text`` is asked again whenever the language changes (``lambda: self.tr("…")``)."""
    action = ToolAction(text, owner)
    action.triggered.connect(lambda _checked=False: slot())
    return action

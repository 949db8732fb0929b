"""The layout editor's row of tools: add text (one entry per guest field), a QR code, a picture,
a colour band; remove; undo and redo (short labels, the step as tooltip); reset to the stock's
layout. It only says what was asked for; the editor does it."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QToolButton, QWidget

from checkin.core.badge_guest import GUEST_FIELDS
from checkin.ui.badge_element_form import field_label


class EditorTools(QWidget):
    add_text = Signal(str)  # the guest field's key ("custom.<name>" too), "" for free text
    add_qr = Signal()
    add_picture = Signal()
    add_band = Signal()
    remove = Signal()
    reset = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(parent)
        self.add_text_button = QToolButton(text=self.tr("Add text"))
        self.add_text_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_text_button.setMenu(QMenu(self.add_text_button))
        self.fill_text_menu(())
        self.add_qr_button = self._button(self.tr("Add QR code"), self.add_qr)
        self.add_picture_button = self._button(self.tr("Add picture…"), self.add_picture)
        self.add_band_button = self._button(self.tr("Add colour band"), self.add_band)
        self.remove_button = self._button(self.tr("Remove element"), self.remove)
        self.undo_action = self._history(self.tr("Undo"), QKeySequence.StandardKey.Undo, undo_stack.undo,
                                         undo_stack.canUndoChanged, undo_stack.undoTextChanged)
        self.redo_action = self._history(self.tr("Redo"), QKeySequence.StandardKey.Redo, undo_stack.redo,
                                         undo_stack.canRedoChanged, undo_stack.redoTextChanged)
        self.undo_button, self.redo_button = QToolButton(), QToolButton()
        self.undo_button.setDefaultAction(self.undo_action)
        self.redo_button.setDefaultAction(self.redo_action)
        self.reset_button = self._button(self.tr("Reset to the stock's layout"), self.reset)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.add_text_button, self.add_qr_button, self.add_picture_button, self.add_band_button,
                       self.remove_button):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.undo_button, self.redo_button, self.reset_button):
            row.addWidget(widget)

    def fill_text_menu(self, custom_keys: Iterable[str]) -> None:
        """One entry per guest field, then the custom fields the event's guests have."""
        menu = self.add_text_button.menu()
        menu.clear()
        for key in [guest_field.key for guest_field in GUEST_FIELDS] + sorted(custom_keys):
            menu.addAction(field_label(key), lambda key=key: self.add_text.emit(key))
        menu.addSeparator()
        menu.addAction(self.tr("Free text"), lambda: self.add_text.emit(""))

    def _button(self, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: signal.emit())
        return button

    def _history(self, text: str, keys: QKeySequence.StandardKey, slot: Callable[[], None],
                 can_change: SignalInstance, text_change: SignalInstance) -> QAction:
        """Undo or redo: a short fixed label; what it would undo is its tooltip."""
        action = QAction(text, self, enabled=False, shortcut=keys)
        action.triggered.connect(slot)
        can_change.connect(action.setEnabled)
        text_change.connect(action.setToolTip)
        self.addAction(action)
        return action

"""One guest in full: every field, attention, notes, the check-in log; check in, undo, print."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from checkin.store.guests import GuestDetails, LogLine
from checkin.ui.answer_text import local_time


class GuestDialog(QDialog):
    check_in_requested = Signal(int)
    undo_requested = Signal(int)
    notes_saved = Signal(int, str)
    print_requested = Signal(int)

    def __init__(self, details: GuestDetails, timezone: str, can_print: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.timezone = timezone
        self.details = details
        self.setMinimumWidth(560)
        #: The notes as last saved or loaded: anything else typed is asked about on closing.
        self._saved_notes = details.notes
        self.notes_question: QMessageBox | None = None
        self._fields = QFormLayout()
        self.attention = QLabel(self)
        self.attention.setWordWrap(True)
        self.attention.setStyleSheet("background: #fff36b; color: #000; border: 2px solid #000; padding: 6px;"
                                     "font-weight: bold;")
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.log = QListWidget(self)
        self.log.setAccessibleName(self.tr("Check-in log"))
        self.check_in_button = QPushButton(self.tr("Check &in"), self)
        self.undo_button = QPushButton(self.tr("&Undo last check-in"), self)
        self.save_button = QPushButton(self.tr("&Save notes"), self)
        self.print_button = QPushButton(self.tr("&Print badge"), self)
        self.print_button.setEnabled(can_print)
        if not can_print:
            self.print_button.setToolTip(self.tr("Badge printing is not set up on this desk."))
        self.check_in_button.clicked.connect(lambda: self.check_in_requested.emit(self.details.registration_id))
        self.undo_button.clicked.connect(self._undo)
        self.save_button.clicked.connect(self.save_notes)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.details.registration_id))
        # The actions get a row of their own: in German their labels need the whole width.
        actions = QHBoxLayout()
        for button in (self.check_in_button, self.undo_button, self.save_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The fields and, once added, the badge preview side by side: the fields' layout is placed
        # once and never moved (taking a layout out of its parent and re-adding it leaves its
        # ownership to chance, and the fields are rebuilt on every refresh).
        self._beside = QHBoxLayout()
        self._beside.setSpacing(16)
        self._beside.addLayout(self._fields, 1)
        layout.addLayout(self._beside)
        layout.addWidget(self.attention)
        layout.addWidget(QLabel(self.tr("Notes:"), self))
        layout.addWidget(self.notes)
        layout.addWidget(QLabel(self.tr("Check-ins on this list:"), self))
        layout.addWidget(self.log)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self.set_details(details)

    def add_badge_preview(self, preview: QWidget) -> None:
        """The badge as it will print, beside the guest's fields (below them the dialog has no room)."""
        self._beside.addWidget(preview, 0, Qt.AlignmentFlag.AlignTop)

    def set_details(self, details: GuestDetails) -> None:
        self.details = details
        self.setWindowTitle(self.tr("Guest: {0}").format(details.display_name))
        while self._fields.rowCount():
            self._fields.removeRow(0)
        for label, value in self._rows(details):
            field = QLabel(value or "–", self)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setAccessibleName(label)
            self._fields.addRow(label + ":", field)
        self.attention.setText(("⚠ " + (details.attention_text or self.tr("Attention"))) if details.attention else "")
        self.attention.setVisible(details.attention)
        if not self.notes.hasFocus() and not self.has_unsaved_notes():  # never overwrite what is being typed
            self.notes.setPlainText(details.notes)
            self._saved_notes = details.notes
        self.log.clear()
        for line in details.log:
            self.log.addItem(self._log_text(line))
        if not details.log:
            self.log.addItem(self.tr("No check-ins yet."))
        self.undo_button.setEnabled(details.last_undoable is not None)

    def _rows(self, d: GuestDetails) -> list[tuple[str, str]]:
        status = {"valid": self.tr("valid"), "unpaid": self.tr("not paid"), "cancelled": self.tr("cancelled")}
        present = (self.tr("in since {0}").format(local_time(d.checked_in_at, self.timezone))
                   if d.checked_in_at else self.tr("not checked in"))
        return [
            (self.tr("Name"), d.display_name), (self.tr("Company"), d.company), (self.tr("E-mail"), d.email),
            (self.tr("Ticket type"), d.ticket_type), (self.tr("Status"), status.get(d.status, d.status)),
            (self.tr("Checked in"), present), (self.tr("Code"), d.code),
            (self.tr("Walk-in"), self.tr("yes") if d.walk_in else self.tr("no")),
            (self.tr("Valid from"), local_time(d.valid_from, self.timezone) if d.valid_from else ""),
            (self.tr("Valid until"), local_time(d.valid_until, self.timezone) if d.valid_until else ""),
        ]

    def _log_text(self, line: LogLine) -> str:
        direction = self.tr("entry") if line.direction == "entry" else self.tr("exit")
        text = f"{local_time(line.happened_at, self.timezone)} · {line.desk} · {direction} · {line.outcome}"
        return text + (self.tr(" (undone)") if line.undone else "")

    def has_unsaved_notes(self) -> bool:
        return self.notes.toPlainText() != self._saved_notes

    def save_notes(self) -> None:
        self._saved_notes = self.notes.toPlainText()
        self.notes_saved.emit(self.details.registration_id, self._saved_notes)

    def done(self, result: int) -> None:  # noqa: D102 - every way of closing ends here
        if self.has_unsaved_notes():
            self._ask_about_notes(result)
        else:
            super().done(result)

    def _ask_about_notes(self, result: int) -> None:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved notes"),
                          self.tr("Save the notes you typed for {0}?").format(self.details.display_name),
                          buttons.Save | buttons.Discard | buttons.Cancel, self)
        box.setDefaultButton(buttons.Save)
        box.finished.connect(lambda _r: self._notes_answered(box.standardButton(box.clickedButton()), result))
        box.finished.connect(box.deleteLater)
        self.notes_question = box
        box.open()

    def _notes_answered(self, answer: QMessageBox.StandardButton, result: int) -> None:
        self.notes_question = None
        if answer == QMessageBox.StandardButton.Save:
            self.save_notes()
        elif answer == QMessageBox.StandardButton.Discard:
            self._saved_notes = self.notes.toPlainText()
        else:  # Cancel or Escape: back to the notes
            self.notes.setFocus()
            return
        super().done(result)

    def _undo(self) -> None:
        line = self.details.last_undoable
        if line is not None:
            self.undo_requested.emit(line.check_in_id)

"""Register a guest on the spot: a few fields and a ticket type; checked in at once."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class WalkInDialog(QDialog):
    def __init__(self, ticket_types: tuple[tuple[int, str], ...], parent: QWidget | None = None,
                 default: int | str | None = None):
        """``default``: the ticket type chosen at first, by id or name (the setting, else the
        event's most common type); otherwise the first in the list."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Walk-in guest"))
        self.given_name = QLineEdit(self)
        self.family_name = QLineEdit(self)
        self.company = QLineEdit(self)
        self.email = QLineEdit(self)
        self.ticket_type = QComboBox(self)
        for type_id, name in ticket_types:
            self.ticket_type.addItem(name, type_id)
        if not ticket_types:
            self.ticket_type.addItem(self.tr("(no ticket type)"), None)
        self.ticket_type.setCurrentIndex(max(0, default_index(ticket_types, default)))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3001b; font-weight: bold;")
        form = QFormLayout(self)
        for label, field, accessible in (
            (self.tr("&Given name:"), self.given_name, self.tr("Given name")),
            (self.tr("&Family name:"), self.family_name, self.tr("Family name")),
            (self.tr("&Company:"), self.company, self.tr("Company")),
            (self.tr("&E-mail:"), self.email, self.tr("E-mail")),
            (self.tr("&Ticket type:"), self.ticket_type, self.tr("Ticket type")),
        ):
            field.setAccessibleName(accessible)
            form.addRow(label, field)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Register and check &in"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.given_name.setFocus()

    def fields(self) -> dict:
        return {
            "given_name": self.given_name.text().strip(), "family_name": self.family_name.text().strip(),
            "company": self.company.text().strip(), "email": self.email.text().strip(),
            "ticket_type_id": self.ticket_type.currentData(),
        }

    def accept(self) -> None:
        fields = self.fields()
        if not (fields["given_name"] or fields["family_name"]):
            self.error.setText(self.tr("A walk-in needs a name."))
            self.given_name.setFocus()
            return
        if fields["email"] and "@" not in fields["email"]:
            self.error.setText(self.tr("This e-mail address has no @."))
            self.email.setFocus()
            return
        super().accept()


def default_index(ticket_types: tuple[tuple[int, str], ...], default: int | str | None) -> int:
    """The position of ``default`` (an id, or a name compared case-insensitively) or -1."""
    for index, (type_id, name) in enumerate(ticket_types):
        if default == type_id or isinstance(default, str) and default.strip().casefold() == name.casefold():
            return index
    return -1

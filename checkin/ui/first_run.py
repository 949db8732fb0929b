"""First start with an empty database: open the demo event, import a file, connect a server or join
the venue's shared database."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCommandLinkButton, QDialog, QLabel, QVBoxLayout, QWidget

#: The choices, in order. A choice without a handler is shown but disabled (its feature is
#: not installed in this build yet).
CHOICES = ("demo", "import", "server", "venue")


class FirstRunDialog(QDialog):
    def __init__(self, handlers: dict[str, Callable[[], None] | None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Check-in Desk"))
        self.setMinimumWidth(520)
        self.chosen: str | None = None
        intro = QLabel(self.tr("This desk has no event yet. How do you want to start?"), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        texts = {
            "demo": (self.tr("Open the &demo event"),
                     self.tr("500 made-up guests to try scanning, searching and walk-ins. Needs no server.")),
            "import": (self.tr("&Import a file…"), self.tr("Registrations from a CSV or Excel file.")),
            "server": (self.tr("&Connect to a server…"), self.tr("Download the registrations from pretix.")),
            "venue": (self.tr("&Join a venue database…"),
                      self.tr("Work with the other desks on the venue's shared PostgreSQL database.")),
        }
        self.buttons: dict[str, QCommandLinkButton] = {}
        for choice in CHOICES:
            title, description = texts[choice]
            button = QCommandLinkButton(title, description, self)
            button.setAccessibleName(title.replace("&", ""))
            handler = handlers.get(choice)
            button.setEnabled(handler is not None)
            if handler is None:
                button.setToolTip(self.tr("Not available in this version yet."))
            button.clicked.connect(lambda _checked=False, c=choice, h=handler: self._choose(c, h))
            self.buttons[choice] = button
            layout.addWidget(button)
        self.buttons["demo"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose(self, choice: str, handler: Callable[[], None] | None) -> None:
        self.chosen = choice
        self.accept()
        if handler is not None:
            handler()

"""The three pages of the connect dialog (layout only; the dialog holds the flow)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

SERVER, CHOOSE, DOWNLOAD = 0, 1, 2


class ConnectPages(QStackedWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.addWidget(self._server_page())
        self.addWidget(self._choice_page())
        self.addWidget(self._download_page())

    def _server_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(self.tr("In pretix, open Organizer → Devices → Connect device and scan the code it shows "
                               "(or paste its text). Without a device, use the server address and an organiser "
                               "API token (Organizer → Teams → API tokens)."), page)
        intro.setWordWrap(True)
        self.method = QTabWidget(page)
        self.handshake = QPlainTextEdit(page)
        self.handshake.setPlaceholderText('{"handshake_version": 1, "url": "https://…", "token": "…"}')
        self.handshake.setAccessibleName(self.tr("Setup code"))
        self.handshake.setTabChangesFocus(True)
        self.method.addTab(self.handshake, self.tr("&Setup code"))
        token_tab = QWidget(page)
        form = QFormLayout(token_tab)
        self.url = QLineEdit(token_tab)
        self.url.setPlaceholderText("https://pretix.eu")
        self.url.setAccessibleName(self.tr("Server address"))
        self.token = QLineEdit(token_tab)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("API token"))
        form.addRow(self.tr("Server &address:"), self.url)
        form.addRow(self.tr("API &token:"), self.token)
        self.method.addTab(token_tab, self.tr("Address and API &token"))
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addWidget(self.method)
        return page

    def _choice_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.organizer = QComboBox(page)
        self.event = QComboBox(page)
        self.check_in_list = QComboBox(page)
        for label, combo, name in ((self.tr("&Organiser:"), self.organizer, self.tr("Organiser")),
                                   (self.tr("&Event:"), self.event, self.tr("Event")),
                                   (self.tr("Check-in &list:"), self.check_in_list, self.tr("Check-in list"))):
            combo.setAccessibleName(name)
            form.addRow(label, combo)
        return page

    def _download_page(self) -> QWidget:
        page = QWidget(self)
        self.progress = QProgressBar(page)
        self.progress.setAccessibleName(self.tr("Download progress"))
        column = QVBoxLayout(page)
        column.addStretch(1)
        column.addWidget(self.progress)
        column.addStretch(1)
        return page

    def fill(self, combo: QComboBox, choices: list) -> None:
        """Replace a combo's entries (discovery.Choice) without announcing each change."""
        combo.blockSignals(True)
        combo.clear()
        for choice in choices:
            combo.addItem(f"{choice.name} ({choice.detail})" if choice.detail else choice.name, choice.key)
        combo.blockSignals(False)

    def show_progress(self, done: int, total: int) -> None:
        """0 of 0 is "busy, length unknown"."""
        self.progress.setRange(0, total)
        self.progress.setValue(done)

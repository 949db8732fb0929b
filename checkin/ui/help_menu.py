"""The Help menu: About, and Copy diagnostics (version, platform, database, the masked log)."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QMenu

from checkin.diagnostics import diagnostics
from checkin.store.database import describe
from checkin.ui.about_dialog import AboutDialog

STATUS_MS = 5000


class HelpMenu(QMenu):
    """Added to the window's menu bar by the composition root; retranslates itself."""

    def __init__(self, window: QMainWindow, database_url: str):
        super().__init__(window)
        self.window_, self.database_url = window, database_url
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.diagnostics_action = QAction(self)
        self.diagnostics_action.triggered.connect(self.copy_diagnostics)
        self.addActions([self.about_action, self.diagnostics_action])
        window.menuBar().addMenu(self)
        self.retranslate()

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(describe(self.database_url), self.window_)
        dialog.open()
        return dialog

    def copy_diagnostics(self) -> str:
        text = diagnostics(self.database_url)
        QGuiApplication.clipboard().setText(text)
        self.window_.statusBar().showMessage(self.tr("Diagnostics copied: paste them into a message."), STATUS_MS)
        return text

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Check-in Desk…"))
        self.diagnostics_action.setText(self.tr("Copy &diagnostics"))

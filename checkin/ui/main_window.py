"""The desk window (a placeholder until the front-desk issue fills it in)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from checkin.settings import Settings
from checkin.store.database import Database, describe


class MainWindow(QMainWindow):
    def __init__(self, database: Database, settings: Settings):
        super().__init__()
        self.database = database
        self.settings = settings
        self.setWindowTitle(self.tr("Check-in Desk"))
        self.setCentralWidget(QLabel(self.tr("Database: {0}").format(describe(database.url))))
        self.resize(1366, 768)

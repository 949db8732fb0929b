"""Composition root: builds settings, database, services and the desk window. Wiring only."""
from __future__ import annotations

import sys


def run_desk_app(db_url: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from checkin.settings import Settings
    from checkin.store.database import StoreOpenError, open_database
    from checkin.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Check-in Desk")
    app.setOrganizationName("checkin-desk")
    try:
        database = open_database(db_url)
    except StoreOpenError as error:
        QMessageBox.critical(None, "Check-in Desk", str(error))
        return 1
    window = MainWindow(database, Settings())
    window.show()
    return app.exec()

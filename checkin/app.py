"""Composition root: builds settings, database, services and the desk window. Wiring only."""
from __future__ import annotations

import sys


def build_desk_window(database, settings, app, **collaborators):  # noqa: ANN001, ANN201
    """The desk window with its language installed (shared by the app, tests and screenshots)."""
    from checkin.ui.i18n import Translations, pick_language
    from checkin.ui.main_window import MainWindow

    translations = Translations(app)
    translations.apply(pick_language(settings.get("language")))
    return MainWindow(database, settings, translations=translations, **collaborators)


def run_desk_app(db_url: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from checkin.settings import Settings
    from checkin.store.database import StoreOpenError, open_database
    from checkin.ui.badge_printing import BadgePrintService

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Check-in Desk")
    app.setOrganizationName("checkin-desk")
    try:
        database = open_database(db_url)
    except StoreOpenError as error:
        QMessageBox.critical(None, "Check-in Desk", str(error))
        return 1
    settings = Settings()
    badge_printer = BadgePrintService(database, settings, *settings.desk_identity())
    shown: dict = {}
    window = build_desk_window(database, settings, app, badge_printer=badge_printer,
                               extra_menu_actions=desk_tools(database, settings, badge_printer, app, shown))
    shown["window"] = window
    window.show()
    try:
        return app.exec()
    finally:
        badge_printer.wait_for_done(10_000)  # a badge being printed comes out before the database closes
        database.dispose()


def desk_tools(database, settings, badge_printer, app, shown):  # noqa: ANN001, ANN201
    """The Tools menu: the organiser's actions that are not front-desk work.

    ``shown`` holds the window once it exists: the tools act on the event it has open.
    """
    from PySide6.QtGui import QAction

    from checkin.ui.badge_editor import BadgeEditor

    editors = []

    def open_badge_editor() -> None:
        setup = shown["window"].controller.setup
        editor = BadgeEditor(settings, database, setup.event_id if setup else None)
        editors[:] = [editor]  # keep it alive while shown
        editor.show()

    layout = QAction(app.translate("DeskTools", "Badge &layout…"), app)
    layout.triggered.connect(open_badge_editor)
    printer = QAction(app.translate("DeskTools", "Choose the badge &printer…"), app)
    printer.triggered.connect(lambda: badge_printer.choose_printer())
    return [layout, printer]

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

    from checkin.heap import freeze_startup_objects
    from checkin.ui.collector import UiThreadCollector
    from checkin.settings import Settings
    from checkin.startup_probe import exit_when_shown_if_asked
    from checkin.store.database import StoreOpenError, open_database
    from checkin.ui.badge_printing import BadgePrintService
    from checkin.ui.organiser_tools import OrganiserTools
    from checkin.ui.pretix_sync import PretixSync
    from checkin.ui.safety_nets import SafetyNets

    app = QApplication.instance() or QApplication(sys.argv)
    collector = UiThreadCollector(app)  # before any pool thread runs: none of them may collect
    app.setApplicationName("Check-in Desk")
    app.setOrganizationName("checkin-desk")
    try:
        database = open_database(db_url)
    except StoreOpenError as error:
        QMessageBox.critical(None, "Check-in Desk", str(error))
        return 1
    settings = Settings()
    safety = SafetyNets(app, database.url, settings)  # log file, icon, crash dialog, backups, Help menu
    badge_printer = BadgePrintService(database, settings, *settings.desk_identity())
    sync = PretixSync(database, app, settings=settings)
    tools = OrganiserTools(database, settings, badge_printer, app, pretix=sync)
    window = build_desk_window(database, settings, app, badge_printer=badge_printer,
                               extra_menu_actions=tools.actions(), first_run_handlers=tools.first_run_handlers(),
                               desk_service_factory=sync.desk_service)
    tools.attach(window)
    sync.attach(window)
    safety.attach(window)
    window.show()
    exit_when_shown_if_asked(app)
    freeze_startup_objects()  # a later full garbage collection (during a big pull) walks less: shorter freezes
    try:
        return app.exec()
    finally:
        sync.stop()
        safety.stop()
        badge_printer.wait_for_done(10_000)  # a badge being printed comes out before the database closes
        database.dispose()
        collector.stop()

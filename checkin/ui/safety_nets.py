"""The day-of-event safety nets, wired by the composition root in three calls: the log file
(with Qt's warnings), the app icon, the crash guard, the periodic backups, and the Help menu."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from checkin.about import version_line
from checkin.logs import setup_logging, stop_logging
from checkin.settings import Settings
from checkin.ui.app_icon import app_icon
from checkin.ui.backup_scheduler import BackupScheduler
from checkin.ui.crash_dialog import CrashGuard
from checkin.ui.help_menu import HelpMenu
from checkin.ui.qt_log import QtMessagesToLog

log = logging.getLogger(__name__)


class SafetyNets(QObject):
    def __init__(self, app: QApplication, database_url: str, settings: Settings):
        super().__init__(app)
        self.log_file = setup_logging()
        log.info("started: %s", version_line())
        self.qt_messages = QtMessagesToLog()
        self.qt_messages.install()
        app.setWindowIcon(app_icon())
        app.setDesktopFileName("checkin-desk")  # matches resources/icons/checkin-desk.desktop (taskbar icon)
        self.window: QMainWindow | None = None
        self.crash_guard = CrashGuard(database_url, lambda: self.window, self)
        self.crash_guard.install()
        self.backups = BackupScheduler(database_url, settings, self)
        self.database_url = database_url
        self.help_menu: HelpMenu | None = None

    def attach(self, window: QMainWindow) -> None:
        self.window = window
        self.help_menu = HelpMenu(window, self.database_url)
        window.settings_applied.connect(self.backups.apply_settings)
        self.backups.start()

    def stop(self) -> None:
        self.backups.stop()
        self.crash_guard.uninstall()
        self.qt_messages.uninstall()
        stop_logging()

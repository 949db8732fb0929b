"""The organiser's actions in the Tools menu, which are not front-desk work: connecting a pretix
server, badge layout and printer, importing a guest file, reconciling with pretix, and the GDPR
purge with its start-up reminder. Each feature is its own small class (see the modules imported
below); this one builds them, lists their actions and hands them the desk once it exists.

The window does not know these exist; the composition root hands their actions in. Every
database job runs on the window's lane and answers by callback on the UI thread.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from checkin.settings import Settings
from checkin.store.database import Database
from checkin.store.models import utcnow
from checkin.ui.badge_printing import BadgePrintService
from checkin.ui.badge_tools import BadgeTools
from checkin.ui.connect_tool import ServerConnection
from checkin.ui.import_tool import GuestImport
from checkin.ui.main_window import MainWindow
from checkin.ui.pretix_sync import PretixSync
from checkin.ui.privacy_tools import PersonalDataTools
from checkin.ui.reconcile_tool import Reconciliation
from checkin.ui.tool_host import DeskHandle, ScanTaker, ShownDialogs


class OrganiserTools(QObject):
    def __init__(self, database: Database, settings: Settings, badge_printer: BadgePrintService | None,
                 parent: QObject, clock: Callable[[], datetime] = utcnow, pretix: PretixSync | None = None):
        super().__init__(parent)
        self.shown = ShownDialogs()
        self.badges = BadgeTools(database, settings, badge_printer, self.shown, self)
        self.importing = GuestImport(database, self.shown, self)
        self.server = ServerConnection(database, settings, pretix, self.shown, self) if pretix is not None else None
        self.reconciling = Reconciliation(database, self.shown, self,
                                          self.server.connect_to_server if self.server is not None else None)
        self.privacy = PersonalDataTools(database, settings, self.shown, self, clock)

    def features(self) -> list[QObject]:
        server = [self.server] if self.server is not None else []
        return [*server, self.importing, self.badges, self.reconciling, self.privacy]

    def actions(self) -> list[QAction]:
        server = [self.server.action] if self.server is not None else []
        return [*server, self.importing.action, self.badges.layout_action, self.badges.batch_action,
                self.badges.printer_action,
                self.reconciling.action, self.privacy.action]

    def first_run_handlers(self) -> dict[str, Callable[[], None] | None]:
        return {"import": self.importing.choose_file,
                "server": self.server.connect_to_server if self.server is not None else None}

    def attach(self, window: MainWindow) -> None:
        """Act on the event the window has open; remind of an overdue retention date once it is ready."""
        desk = desk_handle(window)
        for feature in self.features():
            feature.desk = desk
        window.ready.connect(self.privacy.remind_once)

    @property
    def shown_widgets(self) -> list[QWidget]:
        return self.shown.widgets


def desk_handle(window: MainWindow) -> DeskHandle:
    """The only place that knows which parts of the window the tools use."""
    def route_scans(taker: ScanTaker | None) -> None:
        window.scan_taker = taker

    return DeskHandle(parent=window, controller=window.controller, show_status=window.status.showMessage,
                      route_scans=route_scans, scan_route=lambda: window.scan_taker,
                      first_run=window.dialogs.first_run)

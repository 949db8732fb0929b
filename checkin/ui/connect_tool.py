"""Tools menu: connect the desk to a pretix server (while the dialog is open, scans go to it)."""
from __future__ import annotations

from PySide6.QtCore import QObject

from checkin.settings import Settings
from checkin.store.database import Database
from checkin.sync.pretix.setup import ConnectResult
from checkin.sync.pretix.sync import SyncSummary
from checkin.ui.connect_dialog import ConnectDialog
from checkin.ui.pretix_sync import PretixSync
from checkin.ui.tool_host import DeskHandle, ShownDialogs, menu_action


class ServerConnection(QObject):
    def __init__(self, database: Database, settings: Settings, pretix: PretixSync, shown: ShownDialogs,
                 parent: QObject):
        super().__init__(parent)
        self.database, self.settings, self.pretix, self.shown = database, settings, pretix, shown
        self.desk: DeskHandle | None = None
        self.action = menu_action(self, lambda: self.tr("&Connect to a pretix server…"), self.connect_to_server)

    def connect_to_server(self) -> None:
        """The connect dialog; while it is open, a scanned setup code goes to it, not to the desk."""
        dialog = ConnectDialog(self.database, self.pretix.tokens, self.desk.parent)
        dialog.connected.connect(self._connected)
        dialog.stopped.connect(self._stopped)
        self.desk.route_scans(dialog.take_scan)
        dialog.finished.connect(lambda _result: self._after_dialog(dialog))
        self.shown.show(dialog, modal=True)

    def _after_dialog(self, dialog: ConnectDialog) -> None:
        if self.desk.scan_route() == dialog.take_scan:
            self.desk.route_scans(None)
        if self.desk.controller.setup is None and not dialog.download_started:
            self.desk.first_run()  # cancelled on a desk without an event: the three choices again

    def _connected(self, result: ConnectResult, summary: SyncSummary) -> None:
        self.desk.controller.load(result.event_slug, result.list_id)
        self.pretix.start_if_connected()
        self.desk.show_status(self.tr("Connected to “{0}”: {1} registrations downloaded.")
                              .format(result.event_name, str(summary.pulled)), 15_000)

    def _stopped(self) -> None:
        self.desk.show_status(self.tr("Connecting to pretix was stopped. What was downloaded is kept; "
                                      "a connected event goes on syncing in the background."), 15_000)
        self.pretix.start_if_connected()

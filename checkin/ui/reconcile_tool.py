"""Tools menu: reconcile the desk's event with pretix (what the offline desks did)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from checkin.store.database import Database
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.reconcile_event import reconcile_event
from checkin.ui.reconcile_dialog import ReconcileDialog
from checkin.ui.tool_host import DeskHandle, ShownDialogs, menu_action


class Reconciliation(QObject):
    def __init__(self, database: Database, shown: ShownDialogs, parent: QObject,
                 connect_to_server: Callable[[], None] | None = None):
        """``connect_to_server``: opens the connect dialog, offered when the event has no server (None: not offered)."""
        super().__init__(parent)
        self.database, self.shown, self.connect_to_server = database, shown, connect_to_server
        self.desk: DeskHandle | None = None
        self.action = menu_action(self, lambda: self.tr("&Reconcile with pretix…"), self.reconcile_with_pretix)

    def reconcile_with_pretix(self, tokens: TokenStore | None = None) -> None:
        """``tokens``: the store of API tokens (tests pass theirs)."""
        setup = self.desk.controller.setup
        if setup is None:
            return
        tokens = tokens or TokenStore()
        dialog = ReconcileDialog(lambda: reconcile_event(self.database, tokens, setup.event_id, setup.list_id),
                                 self.desk.parent, can_connect=self.connect_to_server is not None)
        if self.connect_to_server is not None:
            dialog.connect_requested.connect(self.connect_to_server)
        self.shown.show(dialog)

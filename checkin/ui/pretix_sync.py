"""pretix for the desk window: syncs in the background while any event is connected to a server,
scans online-first through the server, and keeps the status bar's connection state and queued
uploads current. Without a connected event it does nothing and the desk works as it always does."""
from __future__ import annotations

from PySide6.QtCore import QObject

from checkin.store.database import Database
from checkin.sync.pretix.credentials import TokenStore
from checkin.ui.sync_worker import SyncWorker


class PretixSync(QObject):
    def __init__(self, database: Database, parent: QObject | None = None, tokens: TokenStore | None = None,
                 interval_ms: int = 60_000):
        super().__init__(parent)
        self.database = database
        self.tokens = tokens or TokenStore()
        self.worker = SyncWorker.for_database(database, self.tokens, interval_ms=interval_ms, parent=self)
        self.window = None

    def desk_service(self, setup, *desk_args, **options):  # noqa: ANN001, ANN201 - DeskController's factory
        """Runs on the desk's lane (not the UI thread): it reads the event's connection."""
        from checkin.store.desk import DeskService
        from checkin.sync.pretix.connection import SOURCE
        from checkin.sync.pretix.desk import desk_service_for

        if setup.source != SOURCE:  # revoked secrets and signed tickets exist only on pretix events
            return DeskService(*desk_args, **options)
        return desk_service_for(setup.event_id, *desk_args, tokens=self.tokens,
                                on_state=self.worker.report_online_state, **options)

    def attach(self, window) -> None:  # noqa: ANN001 - MainWindow
        self.window = window
        self.worker.connection_state_changed.connect(window.set_connection_state)
        self.worker.pending_uploads_changed.connect(window.set_pending_uploads)
        self.worker.sync_finished.connect(self._reload)
        window.controller.run(self._has_connected_event, self._start_if_connected)

    def stop(self) -> None:
        self.worker.stop()

    def _has_connected_event(self) -> bool:
        from checkin.sync.pretix.connection import connected_events

        with self.database.reader() as session:
            return bool(connected_events(session))

    def _start_if_connected(self, connected: bool) -> None:
        if connected:
            self.worker.start()

    def _reload(self, _result) -> None:  # noqa: ANN001
        """A pull may have brought guests, lists or ticket types: re-read the desk's event and list."""
        setup = self.window.controller.setup
        if setup is not None:
            self.window.controller.load(setup.event_slug, setup.list_id)

"""pretix for the desk window: syncs in the background while any event is connected to a server,
scans online-first through the server, and keeps the status bar's connection state and queued
uploads current. Without a connected event it does nothing and the desk works as it always does.

The sync interval and the online timeouts come from the settings; edited in the settings dialog
they apply at once: the timer runs on the new interval, the next scan uses the new timeouts."""
from __future__ import annotations

from PySide6.QtCore import QObject

from checkin.settings import Settings
from checkin.store.database import Database
from checkin.sync.pretix.credentials import TokenStore
from checkin.ui.sync_worker import SyncWorker
from checkin.ui.taskman import TaskManager

#: OnlineDeskService attribute ← setting.
ONLINE_TIMING = {"timeout": "online_timeout_s", "slow": "online_slow_s", "retry_after": "online_retry_s"}


class PretixSync(QObject):
    def __init__(self, database: Database, parent: QObject | None = None, tokens: TokenStore | None = None,
                 interval_ms: int | None = None, settings: Settings | None = None, tasks: TaskManager | None = None):
        super().__init__(parent)
        self.database = database
        self.tokens = tokens or TokenStore()
        self.settings = settings
        interval_ms = interval_ms if interval_ms is not None else self._interval_ms()
        self.worker = SyncWorker.for_database(database, self.tokens, interval_ms=interval_ms, parent=self, tasks=tasks)
        self.window = None
        self.online_service = None  # the desk's OnlineDeskService, once it has one

    def desk_service(self, setup, *desk_args, **options):  # noqa: ANN001, ANN201 - DeskController's factory
        """Runs on the desk's lane (not the UI thread): it reads the event's connection."""
        from checkin.store.desk import DeskService
        from checkin.sync.pretix.connection import SOURCE
        from checkin.sync.pretix.desk import desk_service_for
        from checkin.sync.pretix.online import OnlineDeskService

        if setup.source != SOURCE:  # revoked secrets and signed tickets exist only on pretix events
            return DeskService(*desk_args, **options)
        service = desk_service_for(setup.event_id, *desk_args, tokens=self.tokens,
                                   on_state=self.worker.report_online_state, **options)
        if isinstance(service, OnlineDeskService):
            self.online_service = service
            self._tune(service)
        return service

    def attach(self, window) -> None:  # noqa: ANN001 - MainWindow
        self.window = window
        self.worker.connection_state_changed.connect(window.set_connection_state)
        self.worker.pending_uploads_changed.connect(window.set_pending_uploads)
        self.worker.sync_finished.connect(self._reload)
        window.settings_applied.connect(self.apply_settings)
        self.start_if_connected()

    def start_if_connected(self) -> None:
        """Start the background sync once an event is connected (at start, or after connecting one)."""
        self.window.controller.run(self._has_connected_event, self._start_if_connected)

    def apply_settings(self) -> None:
        self.worker.set_interval(self._interval_ms())
        if self.online_service is not None:
            self._tune(self.online_service)

    def stop(self) -> None:
        self.worker.stop()

    def _interval_ms(self) -> int:
        return 1000 * (self.settings.get("sync_interval_s") if self.settings is not None else 60)

    def _tune(self, service) -> None:  # noqa: ANN001 - OnlineDeskService
        if self.settings is not None:
            for attribute, key in ONLINE_TIMING.items():
                setattr(service, attribute, self.settings.get(key))

    def _has_connected_event(self) -> bool:
        from checkin.sync.pretix.connection import connected_events

        with self.database.reader() as session:
            return bool(connected_events(session))

    def _start_if_connected(self, connected: bool) -> None:
        if connected and not self.worker.running:
            self.worker.start()

    def _reload(self, _result) -> None:  # noqa: ANN001
        """A pull may have brought guests, lists or ticket types: re-read the desk's event and list
        (a desk without an event yet opens the one a sync just brought)."""
        setup = self.window.controller.setup
        if setup is not None:
            self.window.controller.load(setup.event_slug, setup.list_id)
        else:
            self.window.controller.load()

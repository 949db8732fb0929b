"""pretix for the desk window: syncs in the background while any event is connected to a server,
scans online-first through the server, and keeps the status bar's connection state and queued
uploads current. Without a connected event it does nothing and the desk works as it always does.

The sync interval and the online timeouts come from the settings; edited in the settings dialog
they apply at once: the timer runs on the new interval, the next scan uses the new timeouts.

On a venue PostgreSQL only one desk (or a headless ``checkin sync --watch``) syncs for all
desks: :class:`~checkin.ui.sync_owner.SyncOwnership` starts and pauses this desk's background
sync as it takes or loses the sync lock, and the status bar shows the owner's state."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from checkin.core.payload import PayloadRules
from checkin.settings import Settings
from checkin.store.database import Database
from checkin.store.desk import Clock, DeskService
from checkin.store.desk_collaborators import UnknownCodeResolver
from checkin.store.desk_setup import DeskSetup
from checkin.store.models import utcnow
from checkin.store.sync_lock import SyncLock
from checkin.sync.pretix.connection import connected_events
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.desk import desk_service_for
from checkin.sync.pretix.online import OnlineTiming
from checkin.sync.pretix.owner import STANDBY_POLL_S, Owner
from checkin.sync.pretix.sync import SyncSummary
from checkin.ui.main_window import MainWindow
from checkin.ui.sync_owner import OwnerView, SyncOwnership
from checkin.ui.sync_worker import SyncWorker
from checkin.ui.taskman import TaskManager

#: OnlineTiming field ← setting.
ONLINE_TIMING = {"timeout": "online_timeout_s", "slow": "online_slow_s", "retry_after": "online_retry_s"}


class PretixSync(QObject):
    def __init__(self, database: Database, parent: QObject | None = None, tokens: TokenStore | None = None,
                 interval_ms: int | None = None, settings: Settings | None = None, tasks: TaskManager | None = None,
                 owner_poll_ms: int = int(STANDBY_POLL_S * 1000)):
        super().__init__(parent)
        self.database = database
        self.tokens = tokens or TokenStore()
        self.settings = settings
        interval_ms = interval_ms if interval_ms is not None else self._interval_ms()
        self.worker = SyncWorker.for_database(database, self.tokens, interval_ms=interval_ms, parent=self,
                                              tasks=tasks)
        self.window: MainWindow | None = None
        #: The online desk's timeouts, shared with it: edited settings apply to the next scan.
        self.timing = OnlineTiming()
        self._tune()
        #: On a venue PostgreSQL: who syncs for all desks (None on SQLite: this desk syncs its file).
        self.ownership: SyncOwnership | None = None
        if not database.is_sqlite and SyncLock.available(database):
            name = settings.desk_identity()[1] if settings is not None else "Desk"
            self.ownership = SyncOwnership(database, self.tokens, self.worker, Owner(name), self, tasks=tasks,
                                           poll_ms=owner_poll_ms)
        self._owner_shown: tuple | None = None

    def desk_service(self, setup: DeskSetup, database: Database, desk_id: str, desk_name: str,
                     clock: Clock = utcnow, *, payload_rules: PayloadRules = PayloadRules(),
                     unknown_code_resolvers: Sequence[UnknownCodeResolver] = ()) -> DeskService:
        """DeskController's factory; runs on the desk's lane (not the UI thread): it reads the event."""
        return desk_service_for(setup.event_id, database, desk_id, desk_name, clock, payload_rules=payload_rules,
                                tokens=self.tokens, on_state=self.worker.report_online_state, timing=self.timing,
                                unknown_code_resolvers=unknown_code_resolvers)

    def attach(self, window: MainWindow) -> None:
        self.window = window
        self.worker.connection_state_changed.connect(window.set_connection_state)
        self.worker.pending_uploads_changed.connect(window.set_pending_uploads)
        self.worker.sync_finished.connect(self._reload)
        window.settings_applied.connect(self.apply_settings)
        if self.ownership is not None:
            self.ownership.changed.connect(self._show_owner)
        self.start_if_connected()

    def start_if_connected(self) -> None:
        """Start the background sync once an event is connected (at start, or after connecting one)."""
        self.window.controller.run(self._has_connected_event, self._start_if_connected)

    def apply_settings(self) -> None:
        self.worker.set_interval(self._interval_ms())
        self._tune()

    def stop(self) -> None:
        if self.ownership is not None:
            self.ownership.stop()
        self.worker.stop()

    def _interval_ms(self) -> int:
        return 1000 * (self.settings.get("sync_interval_s") if self.settings is not None else 60)

    def _tune(self) -> None:
        if self.settings is not None:
            for attribute, key in ONLINE_TIMING.items():
                setattr(self.timing, attribute, self.settings.get(key))

    def _has_connected_event(self) -> bool:
        with self.window.controller.reading().reader() as session:  # the venue copy while the server is away
            return bool(connected_events(session))

    def _start_if_connected(self, connected: bool) -> None:
        if not connected:
            return
        if self.ownership is not None:
            self.ownership.start()  # syncs once it holds the venue's sync lock
        elif not self.worker.running:
            self.worker.start()

    def _show_owner(self, view: OwnerView) -> None:
        """The status bar names the owner; a desk that does not sync shows the owner's last round."""
        self.window.status.set_sync_owner(view.mine, view.state)
        state = view.state
        shown = (view.mine, state.last_error, state.last_pull_at)
        if view.mine or shown == self._owner_shown:
            self._owner_shown = shown
            return
        pulled_again = self._owner_shown is not None and state.last_pull_at != self._owner_shown[2]
        self._owner_shown = shown
        if state.last_error:
            self.worker.report_online_state(False, state.last_error)
        elif state.last_pull_at is not None:
            self.worker.report_online_state(True, "")
        if pulled_again:  # the owner's pull may have brought lists or ticket types: as after our own sync
            self._reload([])

    def _reload(self, _result: list[SyncSummary] | BaseException) -> None:
        """A pull may have brought guests, lists or ticket types: re-read the desk's event and list
        (a desk without an event yet opens the one a sync just brought)."""
        setup = self.window.controller.setup
        if setup is not None:
            self.window.controller.load(setup.event_slug, setup.list_id)
        else:
            self.window.controller.load()

"""Runs pretix sync off the UI thread and reports what the status bar shows.

``connection_state_changed(online, text)`` and ``pending_uploads_changed(n)`` carry exactly what
``MainWindow.set_connection_state`` and ``MainWindow.set_pending_uploads`` take; the composition
root connects them. One sync at a time, on the task manager's pool lane (it waits on the
network, so never on the writer lane: scans go on meanwhile); results come back by signal.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from checkin.store.database import Database
from checkin.sync.pretix.connection import connected_events
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.push import pending_count
from checkin.sync.pretix.owner import sync_as_owner
from checkin.sync.pretix.sync import SyncSummary
from checkin.ui.changes import Changes
from checkin.ui.operations import Job, Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of

#: A sync uploads check-ins (their upload state) and pulls guests, lists and ticket types.
SYNCED = Changes(check_ins=True, registrations=True, sync_state=True)
#: A sync stuck on the network is not waited for longer when the desk closes.
STOP_WAIT_MS = 60_000
SyncOutcome = tuple[list[SyncSummary] | Exception, int]


class SyncWorker(QObject):
    connection_state_changed = Signal(object, str)  # online: bool | None (unknown), text for the status bar
    pending_uploads_changed = Signal(int)
    sync_finished = Signal(object)  # list[SyncSummary], or the exception that stopped the sync

    def __init__(self, sync: Callable[[], list[SyncSummary]], pending: Callable[[], int], interval_ms: int = 60_000,
                 parent: QObject | None = None, tasks: TaskManager | None = None):
        super().__init__(parent)
        self._sync, self._pending = sync, pending
        self.tasks = tasks or tasks_of(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._running = False

    @classmethod
    def for_database(cls, database: Database, tokens: TokenStore, event_ids: list[int] | None = None,
                     **options: object) -> SyncWorker:
        def pending() -> int:
            with database.reader() as session:
                ids = event_ids or [event.id for event in connected_events(session)]
            return sum(pending_count(database, event_id) for event_id in ids)

        # On a venue PostgreSQL only the sync owner runs this; it tells the other desks how it went.
        return cls(lambda: sync_as_owner(database, tokens, event_ids), pending, **options)

    @property
    def running(self) -> bool:
        """Syncing on the timer (started and not stopped)."""
        return self._timer.isActive()

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        """From now on; a running timer starts its new interval at once."""
        self._timer.setInterval(interval_ms)

    def start(self) -> None:
        self._timer.start()
        self.sync_now()

    def pause(self) -> None:
        """No more syncs on the timer, without waiting for one running (another desk took the sync over)."""
        self._timer.stop()

    def stop(self) -> None:
        """No more syncs; one running is let finish (the desk is closing: its database with it)."""
        self._timer.stop()
        if self._running:
            self.tasks.wait(STOP_WAIT_MS)

    def sync_now(self) -> bool:
        """Start a sync unless one runs; returns whether one was started."""
        if self._running:
            return False
        self._running = True
        self.connection_state_changed.emit(None, self.tr("Syncing…"))
        Op(self, self._sync_and_count, lane=Lane.POOL, changes=SYNCED).success(self._on_finished).failure(
            lambda error: self._on_finished((error, 0))).run(self.tasks)  # even counting failed (database gone)
        return True

    def _sync_and_count(self, _job: Job) -> SyncOutcome:
        try:
            result = self._sync()
        except Exception as error:  # noqa: BLE001 - shown as offline, the pending count still matters
            result = error
        return result, self._pending()

    def report_online_state(self, online: bool, reason: str) -> None:
        """Listener for OnlineDeskService: the desk's own view of the server between syncs."""
        self.connection_state_changed.emit(online, self._state_text(online, reason))

    def _on_finished(self, outcome: SyncOutcome) -> None:
        self._running = False
        result, pending = outcome
        if isinstance(result, Exception):
            online, reason = False, str(result)
        else:
            errors = [summary.error for summary in result if summary.error]
            online, reason = not errors, "; ".join(errors)
        self.connection_state_changed.emit(online, self._state_text(online, reason))
        self.pending_uploads_changed.emit(pending)
        self.sync_finished.emit(result)

    def _state_text(self, online: bool, reason: str) -> str:
        # Offline: only the reason; the status bar words the state (symbol and "Offline:").
        return self.tr("Online") if online else (reason or self.tr("no answer"))

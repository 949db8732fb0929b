"""The venue's one sync owner, seen from a desk window on a venue PostgreSQL.

Every few seconds (:data:`~checkin.sync.pretix.owner.STANDBY_POLL_S`) the desk asks, off the UI
thread: may it sync (an event connected, its token on this computer), does it hold the sync
lock or can it take it, and what did the owner last write. Holding the lock, it runs the
background sync (:class:`~checkin.ui.sync_worker.SyncWorker`); not holding it, the sync stays
paused and the status bar shows who syncs for the venue and how it went. When the owner goes
away (closed, crashed, killed, off the network) PostgreSQL frees its lock and the next poll of
a desk that may sync takes it. A SQLite desk owns its sync alone and needs none of this.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from checkin.store.database import Database
from checkin.store.sync_lock import OwnerState, SyncLock
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.owner import STANDBY_POLL_S, Owner, can_sync, claim_ownership, owner_state
from checkin.ui.operations import Job, Op
from checkin.ui.sync_worker import SyncWorker
from checkin.ui.taskman import Lane, TaskManager, tasks_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OwnerView:
    """What the status bar shows: whether this desk syncs, and the venue's owner state."""

    mine: bool
    state: OwnerState


class SyncOwnership(QObject):
    #: An :class:`OwnerView` after every poll.
    changed = Signal(object)

    def __init__(self, database: Database, tokens: TokenStore, worker: SyncWorker, owner: Owner,
                 parent: QObject | None = None, *, tasks: TaskManager | None = None, lock: SyncLock | None = None,
                 poll_ms: int = int(STANDBY_POLL_S * 1000)):
        super().__init__(parent)
        self.database, self.tokens, self.worker, self.owner = database, tokens, worker, owner
        self.tasks = tasks or tasks_of(parent)
        self.lock = lock or SyncLock.for_database(database, owner.name)
        #: This desk holds the lock and syncs for the venue.
        self.mine = False
        self.last: OwnerView | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)
        self._asking = False
        self._stopped = False
        self._claimed = False  # touched only by the one poll job running at a time

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._stopped = False
        if not self._timer.isActive():
            self._timer.start()
            self.poll()

    def stop(self) -> None:
        """At close: no more polls, the sync paused, the lock released for the next desk at once."""
        self._stopped = True
        self._timer.stop()
        self.worker.pause()
        self.mine = False
        self.lock.release()

    def poll(self) -> None:
        if self._asking:
            return
        self._asking = True
        Op(self, self._ask, lane=Lane.POOL).success(self._answered).failure(self._unanswered).run(self.tasks)

    def _ask(self, _job: Job) -> tuple[bool, OwnerState]:
        """Off the UI thread: take or keep the lock when this desk may sync, else let it go."""
        held = can_sync(self.database, self.tokens) and self.lock.hold()
        if not held or self._stopped:  # a desk that closed meanwhile lets it go at once
            self.lock.release()
            held = False
        if held and not self._claimed:
            claim_ownership(self.database, self.owner)
        self._claimed = held
        return held, owner_state(self.database)

    def _answered(self, answer: tuple[bool, OwnerState]) -> None:
        self._asking = False
        held, state = answer
        if not self._timer.isActive():  # stopped while asking: the lock is let go already
            return
        if held and not self.mine:
            log.info("this desk now owns the venue's pretix sync")
            self.worker.start()
        elif self.mine and not held:
            log.info("this desk no longer owns the venue's pretix sync")
            self.worker.pause()
        self.mine = held
        self.last = OwnerView(held, state)
        self.changed.emit(self.last)

    def _unanswered(self, error: Exception) -> None:
        """The database did not answer: the next poll asks again (the lock tells itself when it is lost)."""
        self._asking = False
        log.info("sync owner: the database did not answer (%s)", error)

"""The other desks, live: their commits on the venue PostgreSQL refresh this desk's views.

The store's :class:`~checkin.store.log_listener.LogListener` runs on its own thread (a
long-lived stream, like the camera's decoding); each notice is posted to the UI thread, where
notices about this desk's event from *other* desks become one ``Changes`` publish on the
window's notifier, as if this desk had written. So the counters, the dashboard and the search
rows' "checked in" follow every desk. This desk's own commits are skipped (its operations
published them already), and a burst of notices is folded into a publish every
:data:`COALESCE_MS`. A SQLite desk has nothing to listen to.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal

from checkin.store.database import Database
from checkin.store.log_listener import LogListener
from checkin.store.log_notices import LogNotice
from checkin.ui.changes import CHECK_INS, NOTHING, REGISTRATIONS
from checkin.ui.taskman import TaskManager
from checkin.ui.throttle import Throttle

log = logging.getLogger(__name__)

#: A storm of other desks' check-ins refreshes the views at most this often (the first at once).
COALESCE_MS = 250

ListenerFactory = Callable[[Database, Callable[[LogNotice], None]], LogListener]


class LiveDesks(QObject):
    """Listens while its window is open; ``stop()`` (or the window closing) ends it."""

    #: Every notice that reached the UI thread while listening, ours and other events' too.
    noticed = Signal(object)

    def __init__(self, database: Database, tasks: TaskManager, current_event: Callable[[], int | None],
                 parent: QObject, listener_factory: ListenerFactory = LogListener.for_database):
        super().__init__(parent)
        self.stopped = False
        #: Notices that reached the UI thread while listening (ours and other events' too).
        self.seen = 0
        self.origin, self.tasks, self._current_event = database.origin, tasks, current_event
        self._owed = NOTHING
        self._publish = Throttle(COALESCE_MS, self._publish_owed, self)
        self.listener = listener_factory(database, self._from_listener)
        parent.installEventFilter(self)
        parent.destroyed.connect(self.listener.stop)  # a plain callable: runs after this object is gone
        self.listener.start()

    def stop(self) -> None:
        self.stopped = True
        self.listener.stop()
        self._publish.stop()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Close:
            self.stop()
        return False

    def _from_listener(self, notice: LogNotice) -> None:
        """On the listener's thread: only hand over."""
        self.tasks.post(self._arrived, notice)

    def _arrived(self, notice: LogNotice) -> None:
        if self.stopped or not shiboken6.isValid(self):
            return
        self.seen += 1
        self.noticed.emit(notice)
        if not self._concerns_us(notice):
            return
        self._owed = self._owed | (CHECK_INS | REGISTRATIONS if notice.registrations else CHECK_INS)
        self._publish.request()

    def _concerns_us(self, notice: LogNotice) -> bool:
        if notice.origin == self.origin:  # our own commit: refreshed when our operation finished
            return False
        return notice.event_id is None or notice.event_id == self._current_event()

    def _publish_owed(self) -> None:
        owed, self._owed = self._owed, NOTHING
        self.tasks.notifier.publish(owed, self)


def watch_other_desks(window: QObject) -> LiveDesks | None:
    """Live updates for a desk window on PostgreSQL (None on SQLite: one desk per file)."""
    database: Database = window.database
    if database.is_sqlite:
        return None
    if not LogListener.available():
        log.warning("psycopg 3 is not installed: other desks' check-ins show here only after a refresh")
        return None
    controller = window.controller
    return LiveDesks(database, window.tasks, lambda: controller.setup.event_id if controller.setup else None,
                     window)


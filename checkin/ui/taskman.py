"""The one way off the UI thread: named lanes of worker threads (after Anki's taskman).

* ``Lane.WRITER``: one thread, jobs in the order they were submitted; every write to the
  database goes here, so two scans can never race each other.
* ``Lane.READER``: one thread for reads (search, counts, details); SQLite's WAL lets them run
  beside a write, so a slow count never holds up the answer to a scan.
* ``Lane.POOL``: a few threads for work that waits on something else (network, printers,
  rendering, reading a file).

Each job opens and closes its own session; only plain results travel back, by a queued signal,
so callbacks always run on the UI thread. Use it through :mod:`checkin.ui.operations`.
"""
from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from checkin.ui.changes import ChangeNotifier

log = logging.getLogger(__name__)

#: Network, printing and rendering at once; more only share the same two cores.
POOL_THREADS = 4


class Lane(enum.Enum):
    WRITER = "checkin-db"
    READER = "checkin-read"
    POOL = "checkin-pool"


class TaskManager(QObject):
    """Create on the UI thread; ``shutdown()`` before the database closes."""

    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None, notifier: ChangeNotifier | None = None):
        super().__init__(parent)
        self.notifier = notifier or ChangeNotifier(self)
        self._executors = {lane: ThreadPoolExecutor(POOL_THREADS if lane is Lane.POOL else 1, lane.value)
                           for lane in Lane}
        self._pending = 0
        self._closed = False
        #: Failures no operation handled itself: logged, and shown by whoever sets this (the window).
        self.on_unhandled: Callable[[BaseException], None] = _log_failure
        self._deliver.connect(self._run_delivery)

    @property
    def pending(self) -> int:
        """Jobs submitted whose results have not reached the UI thread yet."""
        return self._pending

    def run(self, lane: Lane, work: Callable[[], Any], on_done: Callable[[Future], None]) -> bool:
        """``work()`` on the lane, then ``on_done(future)`` on the UI thread; False once shut down."""
        if self._closed:  # the window is closing: a late timer's refresh has nowhere to go
            log.debug("job dropped after shutdown: %r", work)
            return False
        self._pending += 1
        future = self._executors[lane].submit(work)
        future.add_done_callback(lambda done: self.post(self._settle, on_done, done))
        return True

    def post(self, callback: Callable[..., None], *args: Any) -> None:
        """Thread-safe: ``callback(*args)`` runs on the UI thread."""
        try:
            self._deliver.emit(partial(callback, *args))
        except RuntimeError:  # the task manager itself is gone (the app has quit)
            log.debug("delivery after the task manager was deleted: %r", callback)

    def shutdown(self) -> None:
        """Finish what is queued (a scan in progress is written, a badge printed) and stop."""
        self._closed = True
        for executor in self._executors.values():
            executor.shutdown(wait=True)

    def _settle(self, on_done: Callable[[Future], None], future: Future) -> None:
        self._pending -= 1
        on_done(future)

    @staticmethod
    def _run_delivery(call: Callable[[], None]) -> None:
        call()


def _log_failure(error: BaseException) -> None:
    log.error("background job failed", exc_info=error)

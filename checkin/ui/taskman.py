"""The one way off the UI thread: named lanes of worker threads (after Anki's taskman).

* ``Lane.WRITER``: one thread, jobs in the order they were submitted; every write to the
  database goes here, so two scans can never race each other.
* ``Lane.READER``: one thread for reads (search, counts, details); SQLite's WAL lets them run
  beside a write, so a slow count never holds up the answer to a scan.
* ``Lane.POOL``: a few threads for work that waits on something else (network, rendering,
  reading a file).
* ``Lane.PRINTER``: one thread, so badges come out in the order they were asked for.

Each job opens and closes its own session; only plain results travel back, by a queued signal,
so callbacks always run on the UI thread. Use it through :mod:`checkin.ui.operations`.

A worker thread never holds the last reference to what a job brought along (its callable, the
dialog that callable belongs to, its result or exception): a Qt object whose last reference goes
on a worker thread is destroyed there, and Qt crashes (seen: a segmentation fault in
``concurrent.futures``' worker). So each job travels in a box that only the UI thread empties.
"""
from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from checkin.ui.changes import ChangeNotifier

log = logging.getLogger(__name__)

#: The application's task manager is found by this name (see tasks_of).
APP_TASKS = "checkin-tasks"
#: Network, printing and rendering at once; more only share the same two cores.
POOL_THREADS = 4


class Lane(enum.Enum):
    WRITER = "checkin-db"
    READER = "checkin-read"
    POOL = "checkin-pool"
    PRINTER = "checkin-print"


class TaskManager(QObject):
    """Create on the UI thread; ``shutdown()`` before the database closes."""

    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None, notifier: ChangeNotifier | None = None,
                 object_name: str = ""):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.notifier = notifier or ChangeNotifier(self)
        self._executors = {lane: ThreadPoolExecutor(POOL_THREADS if lane is Lane.POOL else 1, lane.value)
                           for lane in Lane}
        self._pending = 0
        self._running: dict[int, tuple[Lane, Future]] = {}  # by id of the job's box
        self._closed = False
        #: Failures no operation handled itself: logged, and shown by whoever sets this (the window).
        self.on_unhandled: Callable[[BaseException], None] = _log_failure
        # Queued even from the UI thread: a job that ended before its done-callback was added
        # still reports later, never inside the call that submitted it.
        self._deliver.connect(self._run_delivery, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Jobs submitted whose results have not reached the UI thread yet."""
        return self._pending

    def run(self, lane: Lane, work: Callable[[], Any], on_done: Callable[[Outcome], None]) -> bool:
        """``work()`` on the lane, then ``on_done(outcome)`` on the UI thread; False once shut down."""
        if self._closed:  # the window is closing: a late timer's refresh has nowhere to go
            log.debug("job dropped after shutdown: %r", work)
            return False
        self._pending += 1
        box = [work, on_done]
        self._running[id(box)] = lane, self._executors[lane].submit(_run_boxed, self, box)
        return True

    def submit(self, lane: Lane, work: Callable[[], Any]) -> Future:
        """Thread-safe, for a job on another lane that hands part of its work to ``lane`` (an
        import's transactions, to the writer lane) and waits for the returned future. ``work``
        must hold no Qt object; never wait for it from ``lane``'s own thread."""
        return self._executors[lane].submit(work)

    def wait(self, msecs: int, lane: Lane | None = None) -> bool:
        """Let the jobs submitted so far (on ``lane``, or all) finish running; their results are
        delivered once the event loop runs again. Blocks: only for closing the desk, and tests."""
        futures = [future for on, future in self._running.values() if lane in (None, on)]
        return not wait(futures, timeout=msecs / 1000).not_done

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

    def _settle(self, box: list) -> None:
        self._running.pop(id(box), None)
        (_work, on_done, outcome), box[:] = box, []  # emptied here, on the UI thread
        self._pending -= 1
        on_done(outcome)

    @staticmethod
    def _run_delivery(call: Callable[[], None]) -> None:
        call()


@dataclass(frozen=True)
class Outcome:
    """What a job returned, or the exception it raised."""

    result: Any = None
    error: BaseException | None = None


def _run_boxed(tasks: TaskManager, box: list) -> None:
    """On the worker: run ``box[0]``, put the outcome in the box and send the box home."""
    try:
        box.append(Outcome(box[0]()))
    except BaseException as error:  # noqa: BLE001 - delivered to the UI thread, handled there once
        box.append(Outcome(error=error))
    tasks.post(tasks._settle, box)


def _log_failure(error: BaseException) -> None:
    log.error("background job failed", exc_info=error)


def tasks_of(widget: QObject | None) -> TaskManager:
    """The task manager of the window ``widget`` belongs to, else the application's (named
    APP_TASKS; made here if the app made none, as in tests). It lives as long as the application:
    a worker never reports to a task manager that a closed dialog took with it."""
    while widget is not None:
        tasks = getattr(widget, "tasks", None)
        if isinstance(tasks, TaskManager):
            return tasks
        widget = widget.parent()
    app = QCoreApplication.instance()
    return app.findChild(TaskManager, APP_TASKS) or TaskManager(app, object_name=APP_TASKS)

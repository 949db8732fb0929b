"""Background operations: every job off the UI thread goes through :class:`Op` (after Anki's
``aqt.operations``: ``CollectionOp`` and ``QueryOp``).

    Op(self, lambda job: import_table(database, request), lane=Lane.WRITER, changes=REGISTRATIONS)
        .success(self._on_imported).failure(self._on_failed).progress(self._on_progress)
        .run(tasks)

* ``work(job)`` runs on the lane; it may call ``job.progress(done, total)`` (thread-safe) and
  should call ``job.check()`` between steps (cooperative cancel: raises :class:`OpCancelled`).
* Success, failure, progress and cancelled callbacks run on the UI thread, and only while the
  parent QObject lives: a closed dialog's results are dropped, never delivered to a dead widget.
* An error is handled once: by the op's failure callback, else by the task manager's
  ``on_unhandled`` (logged; the window shows it). Nothing is lost silently in a pool.
* A write reports what it changed: ``changes`` (a :class:`Changes`, or a function of the result)
  is published on the app-wide notifier after success, even if the parent is gone by then.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject

from checkin.ui.changes import NOTHING, Changes
from checkin.ui.taskman import Lane, Outcome, TaskManager

log = logging.getLogger(__name__)

T = TypeVar("T")


class OpCancelled(Exception):
    """Raised by ``job.check()`` once the operation is cancelled."""


class CancelToken(Protocol):
    """What an op needs of a cancel token (``checkin.sync.pretix.cancel.Cancellation`` is one)."""

    def cancel(self) -> None: ...

    @property
    def cancelled(self) -> bool: ...


class Cancel(threading.Event):
    """The default token: a thread-safe flag, set once."""

    cancel = threading.Event.set
    cancelled = property(threading.Event.is_set)


class Job:
    """What the work sees of its operation, on the worker thread."""

    def __init__(self, token: CancelToken, report: Callable[[int, int], None]):
        self.token = token
        self._report = report

    def progress(self, done: int, total: int) -> None:
        """Thread-safe; delivered to the op's progress callback on the UI thread."""
        self._report(done, total)

    def check(self) -> None:
        if self.token.cancelled:
            raise OpCancelled


class Op(Generic[T]):
    def __init__(self, parent: QObject, work: Callable[[Job], T], *, lane: Lane = Lane.POOL,
                 changes: Changes | Callable[[T], Changes] = NOTHING, token: CancelToken | None = None):
        self.parent, self.work, self.lane, self.changes = parent, work, lane, changes
        self.token: CancelToken = token or Cancel()
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_progress: Callable[[int, int], None] | None = None
        self._on_cancelled: Callable[[], None] | None = None
        self._tasks: TaskManager | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int], None]) -> Op[T]:
        self._on_progress = callback
        return self

    def cancelled(self, callback: Callable[[], None]) -> Op[T]:
        self._on_cancelled = callback
        return self

    def run(self, tasks: TaskManager) -> Op[T]:
        """Submit to the lane; returns at once (keep the op to ``cancel()`` it)."""
        self._tasks = tasks
        job = Job(self.token, lambda done, total: tasks.post(self._progressed, done, total))
        tasks.run(self.lane, lambda: self.work(job), self._settle)
        return self

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def parent_alive(self) -> bool:
        return shiboken6.isValid(self.parent)

    def _progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None and self.parent_alive and not self.token.cancelled:
            self._on_progress(done, total)

    def _settle(self, outcome: Outcome) -> None:
        error = outcome.error
        changes = NOTHING if error is not None else self._changes_of(outcome.result)
        if self.token.cancelled or isinstance(error, OpCancelled):
            self._call(self._on_cancelled)
        elif error is not None:
            self._fail(error)
        else:
            self._call(self._on_success, outcome.result)
        self._tasks.notifier.publish(changes, self.parent if self.parent_alive else None)

    def _changes_of(self, result: T) -> Changes:
        return self.changes(result) if callable(self.changes) else self.changes

    def _fail(self, error: BaseException) -> None:
        if self._on_failure is not None and self.parent_alive:
            self._on_failure(error)
        else:
            self._tasks.on_unhandled(error)

    def _call(self, callback: Callable[..., None] | None, *args: object) -> None:
        if callback is not None and self.parent_alive:
            callback(*args)
        elif callback is not None:
            log.debug("result dropped: %r is gone", type(self.parent).__name__)

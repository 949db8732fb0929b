"""Network work for a dialog, off the UI thread: results (or the exception) come back by signal.

Unlike the database lane, jobs here may wait seconds on a server, so they run on Qt's global
pool and a dialog never waits for them when it closes: a result that arrives after the dialog
is gone is dropped.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Background(QObject):
    _deliver = Signal(object)

    def __init__(self, parent: QObject, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._deliver.connect(lambda call: call())

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """``on_done(result)`` on the UI thread; an exception raised by ``work`` is passed as the result."""
        self._pool.start(_Job(work, partial(self.post, on_done)))

    def post(self, callback: Callable[..., None], *args: Any) -> None:
        """Thread-safe: ``callback(*args)`` runs on the UI thread, unless this object is gone by then."""
        try:
            self._deliver.emit(partial(callback, *args))
        except RuntimeError:  # the dialog (and this object with it) was deleted meanwhile
            pass


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], done: Callable[[Any], None]):
        super().__init__()
        self.work, self.done = work, done

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 - the dialog shows it; never lost in the pool
            result = error
        self.done(result)

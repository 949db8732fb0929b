"""The one serialized lane for database work, off the UI thread (after Anki's taskman).

Tasks run one after another on a single worker thread, in the order they were submitted,
so two scans can never race each other. The desk keeps a second lane for reads (search,
counts, details): SQLite's WAL lets them run beside a write, so a slow count never holds
up the answer to a scan. Each task opens and closes its own session there;
only plain results travel back, by a queued signal, to run the callback on the UI thread.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class TaskLane(QObject):
    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None, name: str = "checkin-db"):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        """Tasks submitted whose callbacks have not run yet."""
        return self._pending

    def run(self, task: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``task()`` on the lane; then ``on_done(result)`` or ``on_error(exc)`` on the UI thread."""
        if self._closed:  # the window is closing: a late timer's refresh has nowhere to go
            log.debug("task dropped after shutdown: %r", task)
            return
        self._pending += 1
        future = self._executor.submit(task)
        future.add_done_callback(lambda done: self._finished.emit(partial(self._settle, done, on_done, on_error)))

    def shutdown(self) -> None:
        """Finish what is queued (a scan in progress is written) and stop the worker."""
        self._closed = True
        self._executor.shutdown(wait=True)

    def _deliver(self, settle: Callable[[], None]) -> None:
        self._pending -= 1
        settle()

    @staticmethod
    def _settle(future: Future, on_done, on_error) -> None:  # noqa: ANN001
        error = future.exception()
        if error is None:
            if on_done is not None:
                on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            log.error("background task failed", exc_info=error)

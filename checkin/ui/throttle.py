"""At most one call per interval, the first at once: a burst of requests costs two calls.

A request while idle calls at once and opens a quiet period; requests during it are folded
into one call at its end (which opens the next). So one change shows without delay, and a
storm of changes refreshes a view at a steady pace instead of once per change.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    def __init__(self, interval_ms: int, call: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self._call = call
        self._owed = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(interval_ms)
        self._quiet.timeout.connect(self._quiet_over)

    def request(self) -> None:
        if self._quiet.isActive():
            self._owed = True
        else:
            self._fire()

    def stop(self) -> None:
        """Forget what is owed (the window closes)."""
        self._owed = False
        self._quiet.stop()

    def _fire(self) -> None:
        self._owed = False
        self._quiet.start()
        self._call()

    def _quiet_over(self) -> None:
        if self._owed:
            self._fire()

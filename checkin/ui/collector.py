"""Garbage is collected on the UI thread only.

Python runs its cyclic garbage collector on whichever thread happens to allocate when a
threshold is crossed: an import, a pull or a print job on a pool thread. Collected there, a
cycle that holds Qt objects of the UI thread (a closed dialog and its lambdas) is destroyed on
the wrong thread, and Qt crashes (seen: a segmentation fault in the import dialog's reading
thread, "Garbage-collecting"). So automatic collection is switched off, and a timer on the UI
thread runs the same generational collections when the same thresholds are crossed. What is
due, and whether a bulk load pauses collection meanwhile, is the policy's (checkin.heap).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from checkin import heap


class UiThreadCollector(QObject):
    """Create on the UI thread; automatic collection is off while it lives and runs."""

    def __init__(self, parent: QObject | None = None, interval_ms: int | None = None):
        super().__init__(parent)
        heap.hand_collection_to_ui_thread()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms or heap.policy.ui_interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """The collection due now, if any (see checkin.heap.collect_due)."""
        return heap.collect_due()

    def stop(self) -> None:
        """Stop collecting here; automatic collection is back if it was on before."""
        self._timer.stop()
        heap.take_collection_back()

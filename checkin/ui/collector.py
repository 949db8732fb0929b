"""Garbage is collected on the UI thread only.

Python runs its cyclic garbage collector on whichever thread happens to allocate when a
threshold is crossed: an import, a pull or a print job on a pool thread. Collected there, a
cycle that holds Qt objects of the UI thread (a closed dialog and its lambdas) is destroyed on
the wrong thread, and Qt crashes (seen: a segmentation fault in the import dialog's reading
thread, "Garbage-collecting"). So automatic collection is switched off, and a timer on the UI
thread runs the same generational collections when the same thresholds are crossed.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: Often enough that garbage never piles up for long, rare enough to cost nothing when idle.
INTERVAL_MS = 250


class UiThreadCollector(QObject):
    """Create on the UI thread; automatic collection is off while it lives and runs."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """The youngest-to-oldest collection the interpreter would have run by now; 0 if none is due.

        Returns the generation collected plus one, for tests.
        """
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation + 1
        return 0

    def stop(self) -> None:
        """Stop collecting here; automatic collection is back if it was on before."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

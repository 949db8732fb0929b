"""A scan's latency in the desk window while a 20,000-row guest list is imported into the same
event (figures, never asserts on time).

    PYTHONPATH=$PWD python -m pytest tests/perf/test_import_perf.py -o addopts="" -s

The import checks its file on the pool and hands each short transaction to the writer lane the
scans share, so a scan waits for one part at most. Baseline, measured in the same run: the same
scans with no import running.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from sqlalchemy import select

from checkin.store.models import Event, Registration
from tests.ui.import_steps import dialog_at_last_step, guest_file
from tests.perf.harness import Timing, report
from tests.ui.conftest import make_window, window, window_settings  # noqa: F401 - fixtures

ROWS = 20_000
SCAN_EVERY_MS = 40


class ScanClock:
    """Scans one code every SCAN_EVERY_MS and times each until its answer is on the controller."""

    def __init__(self, window, codes: list[str], name: str):  # noqa: ANN001
        self.window, self.codes, self.timing = window, list(codes), Timing(name)
        self.sent: float | None = None
        window.controller.answered.connect(self._answered)
        self.timer = QTimer(interval=SCAN_EVERY_MS, timeout=self._scan)

    def _scan(self) -> None:
        if self.sent is None and self.codes:
            self.sent = time.perf_counter()
            self.window.scan(self.codes.pop())

    def _answered(self, _result: object) -> None:
        if self.sent is not None:
            self.timing.seconds.append(time.perf_counter() - self.sent)
            self.sent = None


def test_scan_latency_during_a_20000_row_import(qtbot, window, database, demo, tmp_path):
    with database.reader() as session:
        codes = list(session.scalars(select(Registration.code).where(Registration.status == "valid")))
        event_name = session.get(Event, demo.event_id).name
    path = guest_file(tmp_path / "gross.csv", ROWS)
    idle = ScanClock(window, codes[:40], "scan, no import (baseline)")
    idle.timer.start()
    qtbot.waitUntil(lambda: len(idle.timing.seconds) == 40, timeout=30_000)
    idle.timer.stop()

    dialog = dialog_at_last_step(qtbot, database, path, event_name, window)
    busy = ScanClock(window, codes[40:], f"scan during a {ROWS:,}-row import")
    started = time.perf_counter()
    with qtbot.waitSignal(dialog.imported, timeout=120_000):
        dialog.next_button.click()
        busy.timer.start()
    import_seconds = time.perf_counter() - started
    qtbot.waitUntil(lambda: busy.sent is None, timeout=30_000)
    busy.timer.stop()
    report("scan latency during import", [busy.timing], idle.timing, import_seconds=round(import_seconds, 2),
           rows=ROWS, machine="shared (2 cores, ~8 engineers)")

"""Start-up measurement: with ``CHECKIN_EXIT_WHEN_SHOWN=1`` the desk prints a line once its
window is shown and quits, so a harness can time the cold start to window of ``python -m
checkin`` and of the frozen build alike (scripts/measure_startup.py)."""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QTimer

PROBE_VARIABLE = "CHECKIN_EXIT_WHEN_SHOWN"
SHOWN_LINE = "checkin: window shown"


def exit_when_shown_if_asked(app: QCoreApplication) -> None:
    if os.environ.get(PROBE_VARIABLE) != "1":
        return
    # The first turn of the event loop: the window has been laid out and painted once.
    QTimer.singleShot(0, app, lambda: (print(SHOWN_LINE, flush=True), app.quit()))

"""The connect dialog's first download against a real local pretix (figures printed and saved; no asserts on time).

    PYTHONPATH=$PWD python -m pytest tests/perf/test_connect_perf.py -o addopts="" -s

The dialog writes in smaller batches than the background sync (progress and Cancel answer
sooner): what that costs against the background sync's batches and the raw paged download,
and how late the UI thread's 10 ms timer fires while the real dialog downloads.
``CHECKIN_PERF_PRETIX_POSITIONS`` / ``CHECKIN_PERF_PRETIX_REPEAT`` as in test_pretix_perf.py.
"""
from __future__ import annotations

import gc
import threading
import time
import uuid

import pytest
from PySide6.QtCore import QTimer

from checkin.heap import freeze_startup_objects
from checkin.store.database import open_database
from checkin.sync.pretix.cancel import Cancellation
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.discovery import token_access
from checkin.sync.pretix.setup import connect_and_pull
from checkin.ui.connect_dialog import FIRST_PULL_OPTIONS, ConnectDialog
from tests.perf.harness import Timing, report
from tests.perf.test_pretix_perf import POSITIONS, REPEAT, _raw_download, big_server  # noqa: F401 - fixture

pytestmark = pytest.mark.timeout(3600)


def _database(tmp_path):  # noqa: ANN001, ANN202
    return open_database(f"sqlite:///{tmp_path / f'connect-{uuid.uuid4().hex[:6]}.sqlite3'}")


def _connect_and_pull(server, tmp_path, pull_options: dict) -> float:  # noqa: ANN001
    database = _database(tmp_path)
    started = time.perf_counter()
    _result, summary = connect_and_pull(database, TokenStore(tmp_path / "tokens.json"),
                                        token_access(server.url, server.token), organizer="ckd", event_slug="big",
                                        list_id=None, cancellation=Cancellation(), pull_options=pull_options)
    elapsed = time.perf_counter() - started
    assert summary.pulled == POSITIONS and not summary.error
    database.dispose()
    return elapsed


class LoopWatch:
    """How late a 10 ms timer on the UI thread fires: what a person would feel as a freeze."""

    def __init__(self):
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(max(0.0, now - self._last - 0.010))
        self._last = now

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()


def _dialog_download(qtbot, server, tmp_path, watch: LoopWatch) -> float:  # noqa: ANN001
    database = _database(tmp_path)
    dialog = ConnectDialog(database, TokenStore(tmp_path / "tokens.json"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pages.method.setCurrentIndex(1)
    dialog.pages.url.setText(server.url)
    dialog.pages.token.setText(server.token)
    dialog.next.click()
    qtbot.waitUntil(lambda: dialog.pages.event.findData("big") >= 0, timeout=60_000)
    dialog.pages.event.setCurrentIndex(dialog.pages.event.findData("big"))
    qtbot.waitUntil(lambda: dialog.pages.check_in_list.count() > 0 and dialog.next.isEnabled(), timeout=60_000)
    watch.start()
    started = time.perf_counter()
    with qtbot.waitSignal(dialog.connected, timeout=600_000) as done:
        dialog.next.click()
    elapsed = time.perf_counter() - started
    watch.timer.stop()
    assert done.args[1].pulled == POSITIONS
    dialog.close()
    database.dispose()
    return elapsed


def _raw_download_in_background(qtbot, server, watch: LoopWatch) -> None:  # noqa: ANN001
    """The same download on a thread while the UI loop spins: the lateness the machine causes alone."""
    done = []
    thread = threading.Thread(target=lambda: done.append(_raw_download(server)), daemon=True)
    watch.start()
    thread.start()
    qtbot.waitUntil(lambda: bool(done), timeout=600_000)
    watch.timer.stop()


def test_first_download_in_the_dialog(qtbot, big_server, tmp_path):  # noqa: F811 - the fixture
    raw = Timing(f"raw paged download ({POSITIONS} positions)")
    batches = {size: Timing(f"connect + first pull, batches of {size} pages") for size in (10, 20)}
    in_dialog = Timing(f"the real dialog ({FIRST_PULL_OPTIONS['batch_pages']} pages a batch): click → connected")
    lateness = Timing("UI-thread 10 ms timer lateness while the dialog downloads")
    noise = Timing("UI-thread 10 ms timer lateness while a thread only downloads (machine noise)")
    _raw_download(big_server)  # warm the server's caches
    for _ in range(REPEAT):
        started = time.perf_counter()
        _raw_download(big_server)
        raw.seconds.append(time.perf_counter() - started)
        for size, timing in batches.items():
            timing.seconds.append(_connect_and_pull(big_server, tmp_path, {"batch_pages": size}))
        watch = LoopWatch()
        freeze_startup_objects()  # as the app does once it has started
        try:
            in_dialog.seconds.append(_dialog_download(qtbot, big_server, tmp_path, watch))
        finally:
            gc.unfreeze()
        lateness.seconds.extend(watch.gaps)
        quiet = LoopWatch()
        _raw_download_in_background(qtbot, big_server, quiet)
        noise.seconds.extend(quiet.gaps)
    report(f"connect dialog first download {POSITIONS}", [*batches.values(), in_dialog, lateness, noise],
           baseline=raw, positions=POSITIONS)

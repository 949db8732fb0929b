"""Does the bulk-load pause of the garbage collector still pay inside the app?

The 100,000-row benchmark file (tests/perf/test_files_perf.py) is imported through the import
dialog's operations (read on the pool lane, import on the writer lane), with what the app has
running: the start-up freeze and the UI thread's collector on its timer. Each round imports once
with the pause (checkin.heap.policy.pause_bulk_loads, the app's setting) and once without, into
fresh databases, alternating (and swapping which goes first) so a busy neighbour slows both
alike; one untimed import first warms the caches (SQLAlchemy's compiled statements, the file). "Without" is what the app did
before the policy had one owner: the UI thread went on collecting during the load.

Run: PYTHONPATH=$PWD python -m pytest tests/perf/test_gc_perf.py -o addopts="" -s
"""
from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from checkin import heap
from checkin.store.database import open_database
from checkin.ui.collector import UiThreadCollector
from checkin.ui.import_dialog import ImportDialog
from checkin.ui.taskman import TaskManager
from tests.perf.harness import Timing, report
from tests.perf.test_files_perf import guest_file  # noqa: F401 - the same 100,000-row file

ROUNDS = 5


@pytest.fixture
def app_heap(qapp, monkeypatch):
    """The app's collector set-up: UI-thread collector, then the start-up freeze."""
    monkeypatch.setattr(heap.policy, "pause_bulk_loads", True)
    collector = UiThreadCollector()
    heap.freeze_startup_objects()
    yield collector
    collector.stop()
    gc.unfreeze()


def _import_once(qtbot, tasks: TaskManager, path: Path, folder: Path, pause: bool) -> tuple[float, float, int]:
    """(seconds reading, seconds importing, collections the UI thread ran meanwhile)."""
    heap.policy.pause_bulk_loads = pause
    database = open_database(f"sqlite:///{folder / f'gc-{time.monotonic_ns()}.sqlite3'}")
    collections = _count_collections()
    started = time.perf_counter()
    dialog = ImportDialog(database, path, "GC benchmark", tasks=tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=120_000):
        pass
    read = time.perf_counter() - started
    started = time.perf_counter()
    with qtbot.waitSignal(dialog.imported, timeout=300_000) as imported:
        dialog.import_button.click()
    seconds = time.perf_counter() - started
    assert imported.args[0].imported == 100_000
    database.dispose()
    return read, seconds, _count_collections() - collections


def _count_collections() -> int:
    return sum(stats["collections"] for stats in gc.get_stats())


def test_the_bulk_pause_pays_inside_the_app(qtbot, app_heap, guest_file, tmp_path):  # noqa: F811
    tasks = TaskManager()
    runs = {pause: {"read": Timing(f"read, pause={pause}"), "import": Timing(f"import, pause={pause}"),
                    "collections": []} for pause in (True, False)}
    _import_once(qtbot, tasks, guest_file, tmp_path, True)  # warm-up, untimed
    for round_number in range(ROUNDS):
        for pause in ((True, False) if round_number % 2 else (False, True)):
            read, seconds, collections = _import_once(qtbot, tasks, guest_file, tmp_path, pause)
            runs[pause]["read"].seconds.append(read)
            runs[pause]["import"].seconds.append(seconds)
            runs[pause]["collections"].append(collections)
    tasks.shutdown()
    without = runs[False]["import"]
    report("gc: 100,000-row import in the app, UI-thread collector on", [
        runs[True]["import"], without, runs[True]["read"], runs[False]["read"]], baseline=without,
        collections_with_pause=runs[True]["collections"], collections_without=runs[False]["collections"],
        rounds=ROUNDS)

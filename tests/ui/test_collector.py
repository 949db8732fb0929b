"""Cycles dropped on a pool thread are collected on the UI thread, never on the pool thread."""
import gc
import threading

from PySide6.QtCore import QRunnable, QThreadPool


class _Cycle:
    finalised_on: list[int] = []

    def __init__(self):
        self.self = self

    def __del__(self):
        _Cycle.finalised_on.append(threading.get_ident())


class _MakeGarbage(QRunnable):
    def __init__(self, done: threading.Event):
        super().__init__()
        self.done, self.thread = done, None

    def run(self) -> None:
        self.thread = threading.get_ident()
        for _ in range(3 * gc.get_threshold()[0]):  # far past the point where the interpreter would collect
            _Cycle()
        self.done.set()


def test_garbage_made_on_a_pool_thread_is_collected_on_the_ui_thread(qtbot, ui_thread_collector):
    _Cycle.finalised_on.clear()
    assert not gc.isenabled()
    done = threading.Event()
    job = _MakeGarbage(done)
    job.setAutoDelete(False)
    QThreadPool.globalInstance().start(job)
    assert done.wait(10)
    assert _Cycle.finalised_on == []  # nothing collected on the pool thread
    qtbot.waitUntil(lambda: len(_Cycle.finalised_on) >= 3 * gc.get_threshold()[0], timeout=5000)
    assert set(_Cycle.finalised_on) == {threading.get_ident()}
    assert job.thread != threading.get_ident()


def test_a_due_collection_runs_and_stopping_gives_automatic_collection_back(qapp, ui_thread_collector):
    from checkin.ui.collector import UiThreadCollector

    ui_thread_collector.stop()
    assert gc.isenabled()  # as it was before the fixture's collector
    collector = UiThreadCollector()
    assert not gc.isenabled()
    gc.collect()
    assert collector.collect_due() == 0  # nothing allocated since
    _Cycle.finalised_on.clear()
    for _ in range(gc.get_threshold()[0] + 10):
        _Cycle()
    assert collector.collect_due() >= 1  # the young generation at least
    assert len(_Cycle.finalised_on) >= gc.get_threshold()[0]
    collector.stop()
    assert gc.isenabled()

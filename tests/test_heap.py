import gc

from checkin import heap
from checkin.heap import freeze_startup_objects


def test_startup_objects_are_exempt_from_later_collections_and_new_garbage_is_still_collected():
    class Cycle:
        pass

    try:
        freeze_startup_objects()
        frozen = gc.get_freeze_count()
        assert frozen > 1000  # the interpreter, pytest and our modules
        garbage = Cycle()
        garbage.self = garbage  # a reference cycle made after start-up
        del garbage
        assert gc.collect() >= 1
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


class _Cycle:
    def __init__(self):
        self.self = self


def _make_garbage() -> None:
    for _ in range(gc.get_threshold()[0] + 10):
        _Cycle()


def test_a_bulk_load_pauses_the_ui_threads_collector_too_and_leaves_automatic_collection_off():
    assert gc.isenabled()
    heap.hand_collection_to_ui_thread()
    try:
        with heap.collector_paused():
            _make_garbage()
            assert heap.collect_due() == 0  # due, but a bulk load runs: not now
            assert not gc.isenabled()
        assert not gc.isenabled()  # the UI thread still collects, not the interpreter
        assert heap.collect_due() >= 1
    finally:
        heap.take_collection_back()
    assert gc.isenabled()


def test_the_ui_thread_stopping_during_a_bulk_load_gives_collection_back_after_it():
    with heap.collector_paused():
        heap.hand_collection_to_ui_thread()
        heap.take_collection_back()
        assert not gc.isenabled()  # the bulk load still runs
    assert gc.isenabled()


def test_without_the_pause_policy_a_bulk_load_collects_as_usual(monkeypatch):
    monkeypatch.setattr(heap.policy, "pause_bulk_loads", False)
    heap.hand_collection_to_ui_thread()
    try:
        with heap.collector_paused():
            _make_garbage()
            assert heap.collect_due() >= 1
    finally:
        heap.take_collection_back()

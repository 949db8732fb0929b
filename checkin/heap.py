"""The one owner of the garbage-collector policy (plain Python: the store uses it, the UI asks it).

Three things touch the collector, and they must agree:

* **Start-up freeze.** CPython's full collections walk every tracked object and hold the GIL
  meanwhile, so every thread stops, the UI thread included. A desk process holds ~150,000
  long-lived objects (Qt wrappers, SQLAlchemy mappers, modules) and a pull of a big event
  promotes enough short-lived page data to trigger a full collection every few thousand
  positions: measured 300-600 ms each on a loaded 2-core machine (tests/perf/test_pretix_perf.py).
  Moved to the permanent generation once the window is built, they are never walked again, and
  a full collection during a pull took 25-85 ms instead.
* **Bulk loads pause collection.** An import builds millions of small lists, tuples and dicts
  that hold no reference cycles; each 700 of them trigger a young-generation collection, and the
  older generations are rescanned over and over as the load grows. Pausing the collector for the
  load took an import of the 100,000-row benchmark file from 9.1 s to 6.5 s (without the app).
* **The UI thread collects.** In the app, automatic collection is off: run on a pool thread, it
  destroyed Qt objects of the UI thread and crashed (checkin/ui/collector.py). The UI thread's
  timer asks :func:`collect_due` instead, which honours the thresholds and the bulk pause: while
  a bulk load runs, nothing is collected (tests/perf/test_gc_perf.py measures that this pays).
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass
class CollectorPolicy:
    #: Bulk loads pause collection (switched off only to measure what the pause is worth).
    pause_bulk_loads: bool = True
    #: How often the UI thread looks whether a collection is due.
    ui_interval_ms: int = 250


#: One per process, as the collector is.
policy = CollectorPolicy()

_lock = threading.Lock()
_pauses = 0
_ui_thread_collects = False
_was_enabled = True


def freeze_startup_objects() -> None:
    """Collect once, then exempt everything alive now from all later collections; call once the
    window is built (objects made later are collected as usual)."""
    gc.collect()
    gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection during the block (a bulk load); nests, and works across threads:
    collection resumes when the last block ends, automatic or on the UI thread as before."""
    if not policy.pause_bulk_loads:
        yield
        return
    _hold(+1)
    try:
        yield
    finally:
        _hold(-1)


def collection_paused() -> bool:
    """A bulk load is running: the UI thread's collector waits too."""
    return _pauses > 0


def hand_collection_to_ui_thread() -> None:
    """Automatic collection off from now on: the UI thread's timer calls :func:`collect_due`."""
    global _ui_thread_collects, _was_enabled
    with _lock:
        if not _ui_thread_collects and _pauses == 0:
            _was_enabled = gc.isenabled()
        _ui_thread_collects = True
        gc.disable()


def take_collection_back() -> None:
    """The UI thread stops collecting: automatic collection is back if it was on before."""
    global _ui_thread_collects
    with _lock:
        _ui_thread_collects = False
        if _pauses == 0 and _was_enabled:
            gc.enable()


def collect_due() -> int:
    """The youngest-to-oldest collection the interpreter would have run by now, unless a bulk load
    pauses collection. Returns the generation collected plus one (0: none), for tests."""
    if collection_paused():
        return 0
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation + 1
    return 0


def _hold(step: int) -> None:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0 and step > 0 and not _ui_thread_collects:
            _was_enabled = gc.isenabled()
        _pauses += step
        if _ui_thread_collects:
            return  # automatic collection stays off; collect_due() looks at _pauses
        if _pauses > 0:
            gc.disable()
        elif _was_enabled:
            gc.enable()

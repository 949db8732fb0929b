"""Bulk loads without the cyclic garbage collector.

An import builds millions of small lists, tuples and dicts that hold no reference cycles;
each 700 of them trigger a young-generation collection, and the older generations are
rescanned over and over as the load grows. Pausing the collector for the load took an import
of the 100,000-row benchmark file (tests/perf/test_files_perf.py) from 9.1 s to 6.5 s.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause automatic garbage collection for the block; nests, and works across threads: the
    collector runs again when the last block ends, if it ran before the first began."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _was_enabled:
                gc.enable()

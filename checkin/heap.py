"""The garbage collector and a responsive desk.

CPython's full collections walk every tracked object and hold the GIL meanwhile, so every thread
stops, the UI thread included. A desk process holds ~150,000 long-lived objects (Qt wrappers,
SQLAlchemy mappers, modules) and a pull of a big event promotes enough short-lived page data to
trigger a full collection every few thousand positions: measured 300-600 ms each on a loaded
2-core machine (tests/perf/test_pretix_perf.py). Objects built at start-up live as long as the
process anyway; moved to the permanent generation they are never walked again, and a full
collection during a pull took 25-85 ms instead.
"""
from __future__ import annotations

import gc


def freeze_startup_objects() -> None:
    """Collect once, then exempt everything alive now from all later collections; call once the
    window is built (objects made later are collected as usual)."""
    gc.collect()
    gc.freeze()

"""Bulk loads without the cyclic garbage collector: the pause is the collector policy's
(checkin/heap.py, which also tells the UI thread's collector to wait); named here for the store."""
from __future__ import annotations

from checkin.heap import collector_paused

__all__ = ["collector_paused"]

"""A guard against PySide6 6.12.0's ``SignalInstance.emit()``, which returns ``True`` without
taking a reference to it: every emit in the process takes one reference from ``True`` for good.
``True`` starts with a few hundred; once they are used up, the interpreter aborts ("Fatal Python
error: bool_dealloc: deallocating True or False"), mid-event or while finishing. A desk emits
several signals per scan, so it would crash after a few hundred scans.

Python 3.12 makes ``True`` immortal; on 3.11 we give it so many references that no run uses them
up. Done once, when the ui package is imported, only if this PySide6 shows the fault.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

#: References added to True: more emits than a desk makes in years.
SPARE_REFERENCES = 1 << 40
_PROBES = 16


class _Probe(QObject):
    ping = Signal()


def emit_steals_true() -> bool:
    """Whether emitting a signal takes a reference from True (the PySide6 6.12.0 fault)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return sys.getrefcount(True) < before - _PROBES // 2


def guard_true() -> None:
    if sys.version_info < (3, 12) and emit_steals_true():
        ctypes.c_ssize_t.from_address(id(True)).value += SPARE_REFERENCES

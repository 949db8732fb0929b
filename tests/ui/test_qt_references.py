"""The installed PySide6 keeps Python's reference counts: 6.12.0 did not.

Its bindings dropped a reference to ``True`` on every ``Signal.emit()`` and one to ``None`` on
every call returning nothing (``processEvents``, ``QTimer.start``); the interpreter aborted
("bool_dealloc") once they ran out, in the desk after about 2,000 scans. pyproject.toml keeps
PySide6 below 6.12; this test fails if an install brings such a version back.
"""
import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

CALLS = 200


class _Probe(QObject):
    ping = Signal()
    value = Signal(int)


def _lost(singleton: object, action) -> int:  # noqa: ANN001 - a callable run CALLS times
    before = sys.getrefcount(singleton)
    for _ in range(CALLS):
        action()
    return before - sys.getrefcount(singleton)


def test_emitting_a_signal_keeps_true_and_none(qapp):
    probe = _Probe()
    received = []
    probe.value.connect(received.append)
    assert _lost(True, probe.ping.emit) < CALLS // 2
    assert _lost(True, lambda: probe.value.emit(1)) < CALLS // 2
    assert len(received) == CALLS


def test_calls_that_return_nothing_keep_none(qapp):
    timer = QTimer()

    def start_and_stop() -> None:
        timer.start(1000)
        timer.stop()

    assert _lost(None, QCoreApplication.processEvents) < CALLS // 2
    assert _lost(None, start_and_stop) < CALLS // 2

"""The throttle behind the dashboard and the live notices: the first call at once, a burst folded."""
from checkin.ui.throttle import Throttle


def test_the_first_request_calls_at_once_and_a_burst_calls_once_more(qtbot):
    calls = []
    throttle = Throttle(50, lambda: calls.append(len(calls)))
    throttle.request()
    assert calls == [0]  # no wait for a single change
    for _ in range(10):
        throttle.request()
    assert calls == [0]
    qtbot.waitUntil(lambda: calls == [0, 1])  # the burst, folded into one call after the quiet period
    qtbot.waitUntil(lambda: not throttle._quiet.isActive())
    assert calls == [0, 1]


def test_a_stopped_throttle_forgets_what_it_owed(qtbot):
    calls = []
    throttle = Throttle(50, lambda: calls.append(1))
    throttle.request()
    throttle.request()
    throttle.stop()
    throttle.request()  # after the stop: idle again, so at once
    assert calls == [1, 1]
    qtbot.waitUntil(lambda: not throttle._quiet.isActive())
    assert calls == [1, 1]

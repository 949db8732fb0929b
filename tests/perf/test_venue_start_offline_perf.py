"""A desk window started while its venue PostgreSQL is away: time from start to the answer of
the first scan (figures, not asserts), beside the normal start with the server answering.

Run: CHECKIN_TEST_PG_URL=… PYTHONPATH=. python -m pytest tests/perf/test_venue_start_offline_perf.py -o addopts="" -s

"Start" is what ``app.run_desk`` does before the window shows: open the venue database (here it
fails), find the copy, build the window; then a scan typed at once is answered (it waits for the
event to be read, on the copy). Three ways: the server answering (baseline), the venue link cut
(connections refused at once), and a server that takes connections but never answers (only
``venue_timeout_s``, 2 s by default, ends the wait on the UI thread before the window shows).
"""
from __future__ import annotations

import socket
import time

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from checkin.app import build_desk_window, open_desk_database
from checkin.store.database import open_database
from checkin.store.models import Registration
from checkin.store.venue_copy import VenueCopy
from checkin.sync.demo import create_demo_event
from tests.perf.harness import Timing, report
from tests.perf.test_venue_offline_perf import BlackHole
from tests.store.venue_link import VenueLink
from tests.ui.conftest import window_settings  # noqa: F401 - a fixture

pytestmark = pytest.mark.postgres


def _start_and_scan(qtbot, url: str, settings, code: str, offline: bool) -> float:  # noqa: ANN001
    started = time.perf_counter()
    database, started_offline = open_desk_database(url, settings)
    assert (started_offline is not None) == offline
    window = build_desk_window(database, settings, QApplication.instance(), started_offline=started_offline)
    qtbot.addWidget(window)
    window.show()
    answers: list = []
    window.controller.answered.connect(answers.append)
    window.scan(code)
    qtbot.waitUntil(lambda: bool(answers), timeout=30_000)
    seconds = time.perf_counter() - started
    assert answers[0].offline == offline and answers[0].decision.accepted
    window.close()
    database.dispose()
    return seconds


def test_start_to_first_answer_with_the_server_away(qtbot, postgres_server, window_settings):  # noqa: F811
    runs = 5
    online, cut, hole = (Timing("normal start, server answers (baseline)"), Timing("start with the link cut"),
                         Timing("start, server never answers"))
    server_url = postgres_server.create_database()
    database = open_database(server_url)
    with database.session() as session:
        demo = create_demo_event(session, 2_000, seed=17)
    link = VenueLink(server_url)
    copy = VenueCopy.open(link.url())
    copy.refresh(database, demo.event_id, window_settings.desk_identity()[0])
    copy.close()
    with database.reader() as session:
        codes = iter(session.scalars(select(Registration.code).where(
            Registration.event_id == demo.event_id, Registration.status == "valid").order_by(Registration.id)).all())
    database.dispose()
    for _run in range(runs):
        online.seconds.append(_start_and_scan(qtbot, link.url(), window_settings, next(codes), offline=False))
        link.cut()
        cut.seconds.append(_start_and_scan(qtbot, link.url(), window_settings, next(codes), offline=True))
        trap = BlackHole(link.port)
        hole.seconds.append(_start_and_scan(qtbot, link.url(), window_settings, next(codes), offline=True))
        trap.listener.shutdown(socket.SHUT_RDWR)  # wakes its accepting thread: the port is free at once
        trap.close()
        link.mend()
    report("venue: desk window start to the first answer, server away (2,000 guests)", [online, cut, hole],
           baseline=online, runs=runs, venue_timeout_s="2.0 (default)")

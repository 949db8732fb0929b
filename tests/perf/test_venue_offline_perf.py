"""A desk whose venue PostgreSQL stops answering: how long the first scan takes to be decided on
the desk's own copy, and how long merging 1,000 queued check-ins takes (figures, not asserts).

Run: CHECKIN_TEST_PG_URL=… PYTHONPATH=. python -m pytest tests/perf/test_venue_offline_perf.py -o addopts="" -s
Targets (issue 17): switch to the local copy after PostgreSQL stops: < 3 s for the first scan;
merge of 1,000 queued check-ins: < 5 s.

The switch is measured three ways: a server stopped for real (a cluster of this benchmark's own,
``pg_ctl stop -m fast``: connections refused), a venue link cut (the relay closes and refuses),
and a server that takes connections but never answers (a black hole: only ``venue_timeout_s``,
2 s by default, ends the wait). Baselines in the same run: a scan on the server, and a scan on
the copy once the desk is offline.
"""
from __future__ import annotations

import shutil
import socket
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.models import CheckIn, Registration, new_nonce, utcnow
from checkin.store.venue_copy import VenueCopy
from checkin.store.venue_desk import VenueDesk, merge_queue
from checkin.sync.demo import create_demo_event
from tests.perf.harness import Timing, report
from tests.store.venue_link import VenueLink

DESK = ("00000000-0000-4000-8000-0000000000f1", "Bench desk")
pytestmark = pytest.mark.postgres


def _event(url: str, guests: int, slug: str) -> tuple[int, int, list[str]]:
    database = open_database(url)
    with database.session() as session:
        demo = create_demo_event(session, guests, seed=17, slug=slug)
    with database.reader() as session:
        codes = session.scalars(select(Registration.code).where(
            Registration.event_id == demo.event_id, Registration.status == "valid").order_by(Registration.id)).all()
    database.dispose()
    return demo.event_id, demo.list_ids[0], list(codes)


def _desk(url: str, event_id: int, folder: Path) -> VenueDesk:
    copy = VenueCopy.open(url, folder)
    venue = DeskService(open_database(url), *DESK)
    desk = VenueDesk(venue, lambda: DeskService(copy.local, *DESK), copy, event_id, retry_s=3600)
    desk.maintain()
    return desk


def _close(desk: VenueDesk) -> None:
    desk.venue.database.dispose()
    desk.copy.close()


def _first_offline_scan(desk: VenueDesk, event_id: int, list_id: int, code: str) -> float:
    started = time.perf_counter()
    result = desk.scan(event_id, list_id, code)
    seconds = time.perf_counter() - started
    assert result.offline and result.check_in_id is not None
    return seconds


class BlackHole:
    """Takes connections on a port and never answers (a server behind a dead switch)."""

    def __init__(self, port: int):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", port))
        self.listener.listen(64)
        self.held: list[socket.socket] = []
        threading.Thread(target=self._hold, daemon=True).start()

    def _hold(self) -> None:
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self) -> None:
        self.listener.close()
        for sock in self.held:
            sock.close()


@pytest.fixture
def own_cluster():
    from tests.postgres_server import start_cluster

    home = Path(f"/var/tmp/checkin-bench-{uuid.uuid4().hex[:8]}")
    server = start_cluster(home)
    yield server
    server.stop()
    shutil.rmtree(home, ignore_errors=True)


def test_first_scan_after_postgresql_stops(own_cluster, postgres_server, tmp_path):
    runs = 4
    online, on_copy = Timing("a scan on the server (baseline)"), Timing("a scan on the copy, already offline")
    stopped = Timing("first scan after the server stopped")
    cut, hole = Timing("first scan after the link was cut"), Timing("first scan, server never answers")
    url = own_cluster.create_database()
    for run in range(runs):
        event_id, list_id, codes = _event(url, 60, f"stop{run}")
        desk = _desk(url, event_id, tmp_path / f"stop{run}")
        for code in codes[:10]:
            started = time.perf_counter()
            desk.scan(event_id, list_id, code)
            online.seconds.append(time.perf_counter() - started)
        desk.maintain()
        own_cluster.stop()
        stopped.seconds.append(_first_offline_scan(desk, event_id, list_id, codes[10]))
        for code in codes[11:21]:
            started = time.perf_counter()
            desk.scan(event_id, list_id, code)
            on_copy.seconds.append(time.perf_counter() - started)
        own_cluster.start_again()
        _close(desk)
    shared = postgres_server.create_database()
    for run in range(runs):
        event_id, list_id, codes = _event(shared, 60, f"cut{run}")
        for timing, black_hole in ((cut, False), (hole, True)):
            link = VenueLink(shared)
            desk = _desk(link.url(), event_id, tmp_path / f"cut{run}{black_hole}")
            desk.scan(event_id, list_id, codes[0 if not black_hole else 1])
            desk.maintain()
            link.cut()
            trap = BlackHole(link.port) if black_hole else None
            timing.seconds.append(_first_offline_scan(desk, event_id, list_id, codes[2 + black_hole]))
            if trap:
                trap.close()
            _close(desk)
    report("venue: first scan on the copy after PostgreSQL stops (target < 3 s)",
           [stopped, cut, hole, on_copy, online], baseline=online, runs=runs,
           venue_timeout_s="2.0 (default)")


def test_merge_of_1000_queued_check_ins(postgres_server, tmp_path):
    runs, queued = 3, 1_000
    merge, floor = Timing("merge 1,000 queued check-ins"), Timing("bare INSERT of 1,000 rows (baseline)")
    url = postgres_server.create_database()
    for run in range(runs):
        event_id, list_id, codes = _event(url, queued + 100, f"merge{run}")
        link = VenueLink(url)
        desk = _desk(link.url(), event_id, tmp_path / f"merge{run}")
        link.cut()
        for code in codes[:queued]:
            desk.scan(event_id, list_id, code)
        assert desk.copy.queue_length() == queued
        link.mend()
        started = time.perf_counter()
        merged = merge_queue(desk.copy, desk.venue.database)
        merge.seconds.append(time.perf_counter() - started)
        assert merged.merged == queued and desk.copy.queue_length() == 0
        _close(desk)
        floor.seconds.append(_bare_insert(url, event_id, list_id, queued))
    report("venue: merge of 1,000 queued check-ins (target < 5 s)", [merge, floor], baseline=floor, runs=runs)


def _bare_insert(url: str, event_id: int, list_id: int, count: int) -> float:
    """The floor: the same number of rows in one INSERT … ON CONFLICT, no locks, no checks."""
    database = open_database(url)
    rows = [dict(nonce=new_nonce(), event_id=event_id, registration_id=None, raw_code="x", check_in_list_id=list_id,
                 desk_id=DESK[0], direction="entry", happened_at=utcnow(), source="scan", outcome="unknown",
                 upload_state="local", upload_error="") for _ in range(count)]
    started = time.perf_counter()
    with database.session() as session:
        session.execute(pg_insert(CheckIn.__table__).on_conflict_do_nothing(index_elements=["nonce"]), rows)
    seconds = time.perf_counter() - started
    database.dispose()
    return seconds


def test_keeping_the_copy_current(postgres_server, tmp_path):
    """What the window pays every 2 s and after check-ins: the refresh of a 5,000-guest event."""
    url = postgres_server.create_database()
    event_id, list_id, codes = _event(url, 5_000, "big")
    database = open_database(url)
    with database.session() as session:  # imported an hour ago, as at a real event (not seconds before)
        session.execute(update(Registration).values(updated_at=utcnow() - timedelta(hours=1)))
    database.dispose()
    copy = VenueCopy.open(url, tmp_path / "copy")
    venue = DeskService(open_database(url), *DESK)
    first = Timing("first copy of the event (5,000 guests)")
    started = time.perf_counter()
    copy.refresh(venue.database, event_id, DESK[0])
    first.seconds.append(time.perf_counter() - started)
    scan, unchanged, after = (Timing("a scan on the server (baseline)"), Timing("refresh, nothing changed"),
                              Timing("refresh after 10 check-ins"))
    for round_ in range(10):
        for code in codes[round_ * 10:(round_ + 1) * 10]:
            began = time.perf_counter()
            venue.scan(event_id, list_id, code)
            scan.seconds.append(time.perf_counter() - began)
        for timing in (after, unchanged):
            began = time.perf_counter()
            copy.refresh(venue.database, event_id, DESK[0])
            timing.seconds.append(time.perf_counter() - began)
    report("venue: keeping the desk's copy current (5,000 guests)", [unchanged, after, first, scan], baseline=scan)
    venue.database.dispose()
    copy.close()

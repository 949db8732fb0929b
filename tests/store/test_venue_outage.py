"""PostgreSQL stopped and started again during a scan storm at three desks, on a cluster of the
test's own: every check-in a desk confirmed ends up on the server exactly once, and guests two
desks admitted while apart are reported.

Each desk is a thread with its own engine and its own copy (its own data folder, as on its own
computer); the scans overlap on purpose (every desk scans a shared set of guests too)."""
from __future__ import annotations

import shutil
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.double_admissions import double_admissions
from checkin.store.models import CheckIn, Registration
from checkin.store.venue_copy import VenueCopy
from checkin.store.venue_desk import VenueDesk
from checkin.sync.demo import create_demo_event
from tests.conftest import skip_or_fail

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def own_cluster():
    from tests.postgres_server import start_cluster

    home = Path(f"/var/tmp/checkin-outage-{uuid.uuid4().hex[:8]}")
    try:
        server = start_cluster(home)
    except Exception as error:  # noqa: BLE001 - no binaries, or initdb failed: say why
        shutil.rmtree(home, ignore_errors=True)
        skip_or_fail(f"cannot start a PostgreSQL cluster of our own: {error}")
    yield server
    server.stop()
    shutil.rmtree(home, ignore_errors=True)


class Storm:
    """Three desks scanning as fast as they can until told to stop; they keep what they confirmed."""

    def __init__(self, url: str, event_id: int, list_id: int, codes: list[str], folder: Path):
        self.event_id, self.list_id, self.stop = event_id, list_id, threading.Event()
        self.confirmed: list[str] = []
        self.offline_answers = 0
        self.desks = []
        for n in range(3):
            desk = (str(uuid.UUID(int=n + 1)), f"Desk {n + 1}")
            copy = VenueCopy.open(url, folder / f"desk{n}")
            venue = DeskService(open_database(url, connect_timeout_s=1), *desk)
            self.desks.append(VenueDesk(venue, lambda copy=copy, desk=desk: DeskService(copy.local, *desk), copy,
                                        event_id, retry_s=0.3))
            self.desks[-1].maintain()
        shared, own = codes[:20], codes[20:]
        # Each desk its own guests; once the server is down, the shared ones too (admitted apart).
        self.codes = [own[n::3] for n in range(3)]
        self.shared = shared
        self.server_down = threading.Event()
        self._lock = threading.Lock()
        self.threads = [threading.Thread(target=self._scan, args=(n,)) for n in range(3)]

    def _scan(self, n: int) -> None:
        desk, codes, i, refreshed = self.desks[n], self.codes[n], 0, time.monotonic()
        while not self.stop.is_set():
            if time.monotonic() - refreshed > 0.2:  # as the window's timer does, between two scans
                desk.maintain()
                refreshed = time.monotonic()
            if self.server_down.is_set() and codes[-1] is not self.shared[-1]:
                codes = codes + self.shared
            result = desk.scan(self.event_id, self.list_id, codes[i % len(codes)])
            with self._lock:
                if result.check_in_id is not None:
                    self.confirmed.append(result.nonce)
                self.offline_answers += result.offline
            i += 1
            time.sleep(0.005)

    def __enter__(self) -> Storm:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(60)

    def close(self) -> None:
        for desk in self.desks:
            desk.venue.database.dispose()
            desk.copy.close()


def test_postgresql_stopped_and_started_during_a_scan_storm_loses_and_doubles_nothing(own_cluster, tmp_path):
    url = own_cluster.create_database()
    database = open_database(url)
    with database.session() as session:
        demo = create_demo_event(session, 80, seed=11)
    with database.reader() as session:
        codes = session.scalars(select(Registration.code).where(Registration.status == "valid")
                                .order_by(Registration.id)).all()
    database.dispose()
    storm = Storm(url, demo.event_id, demo.list_ids[0], list(codes), tmp_path)
    try:
        with storm:
            time.sleep(1.0)
            own_cluster.stop()  # mid-storm: some scans meet it inside their transaction
            storm.server_down.set()
            time.sleep(1.5)
            own_cluster.start_again()
            time.sleep(1.5)
        assert storm.offline_answers > 0, "the desks went on while the server was down"
        for desk in storm.desks:
            desk.maintain()
            assert desk.copy.queue_length() == 0 and not desk.offline
    finally:
        storm.close()
    database = open_database(url)
    try:
        with database.reader() as session:
            on_server = Counter(session.scalars(select(CheckIn.nonce)).all())
            admitted = Counter(session.scalars(select(CheckIn.registration_id).where(
                CheckIn.outcome == "ok", CheckIn.reverted_by_id.is_(None))).all())
            doubles = double_admissions(session, demo.event_id)
            merged = session.scalar(select(func.count()).where(CheckIn.merged_at.is_not(None)))
    finally:
        database.dispose()
    assert all(on_server[nonce] == 1 for nonce in storm.confirmed), "every confirmed check-in, once"
    assert len(storm.confirmed) == len(set(storm.confirmed))
    assert set(on_server) == set(storm.confirmed), "nothing the desks did not confirm"
    assert merged > 0 and doubles, "the guests the desks admitted apart are reported"
    twice = {registration for registration, count in admitted.items() if count > 1}
    assert {double.registration_id for double in doubles} == twice, "every guest admitted twice is reported"

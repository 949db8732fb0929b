"""A desk's connection killed mid-scan (``pg_terminate_backend``, or cut at the COMMIT): recorded once,
or a clear error.

The desk's server process is made to wait at a chosen point by a lock the test holds, found in
``pg_stat_activity`` and terminated there; the transaction is atomic, so nothing half-written
can remain, and the desk says so instead of showing a traceback.
"""
import contextlib
import select as selectors
import socket
import threading
import time

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.log_transaction import ConnectionLost
from checkin.store.models import CheckIn, Registration
from checkin.sync.demo import create_demo_event

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

GATE = 4217  # the advisory lock a deferred trigger waits on: the desk stops inside its COMMIT
_GATED_COMMIT = f"""
CREATE FUNCTION wait_at_gate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_advisory_xact_lock_shared({GATE}); RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER check_in_gate AFTER INSERT ON check_in DEFERRABLE INITIALLY DEFERRED
FOR EACH ROW EXECUTE FUNCTION wait_at_gate();
"""


@pytest.fixture
def venue(pg_database, postgres_server):
    with pg_database.session() as session:
        demo = create_demo_event(session, 30, seed=5)
    with pg_database.reader() as session:
        code, registration_id = session.execute(select(Registration.code, Registration.id).where(
            Registration.status == "valid").limit(1)).one()
    admin = open_database(postgres_server.admin_url.replace("postgresql://", "postgresql+psycopg://"), migrate=False)
    yield pg_database, demo, code, registration_id, admin
    admin.dispose()


def _scan_in_thread(desk: DeskService, event_id: int, list_id: int, code: str) -> tuple[threading.Thread, list]:
    outcome: list = []

    def scan() -> None:
        try:
            outcome.append(desk.scan(event_id, list_id, code))
        except ConnectionLost as error:
            outcome.append(error)

    thread = threading.Thread(target=scan)
    thread.start()
    return thread, outcome


def _terminate_waiting_desk(admin, database_name: str, wait_event_type: str) -> None:
    """Terminate the desk's server process once it waits where the test holds it."""
    with admin.engine.connect() as connection:
        for _ in range(500):
            pid = connection.execute(text(
                "SELECT pid FROM pg_stat_activity WHERE datname = :name AND wait_event_type = :kind"
                " AND pid <> pg_backend_pid()"), {"name": database_name, "kind": wait_event_type}).scalar()
            if pid:
                assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
                return
            connection.rollback()
            time.sleep(0.02)
    raise AssertionError("the desk never reached the point it should wait at")


_COMMIT = b"Q\x00\x00\x00\x0bCOMMIT\x00"  # the simple-query message psycopg sends to commit


class CommitAnswerDropper:
    """A TCP relay to the real server that, once armed, passes a COMMIT on, lets the server answer
    it, and then cuts the desk off before the answer arrives: the one fault after which only the
    database knows whether the check-in landed (a real kill cannot be timed into that gap)."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.armed = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client = self.listener.accept()[0]
            except OSError:
                return
            server = socket.create_connection(self.target)
            threading.Thread(target=self._relay, args=(client, server), daemon=True).start()

    def _relay(self, client: socket.socket, server: socket.socket) -> None:
        with client, server, contextlib.suppress(OSError):  # a side that went away ends the relay
            while True:
                for sock in selectors.select([client, server], [], [], 60)[0]:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (server if sock is client else client).sendall(data)
                    if sock is client and self.armed.is_set() and data == _COMMIT:
                        self.armed.clear()
                        server.recv(65536)  # the server committed and answered; the desk never hears it
                        return

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes accept(): a bare close() leaves it listening
        self.listener.close()


def _oks(database, code: str) -> int:
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(CheckIn).where(
            CheckIn.raw_code == code, CheckIn.outcome == "ok"))


def test_killed_while_waiting_for_the_guest_records_nothing_and_says_so(venue):
    database, demo, code, registration_id, admin = venue
    desk = DeskService(database, "00000000-0000-4000-8000-0000000000a1", "Desk A")
    with database.engine.connect() as other_desk:  # holds the guest's row lock, as a desk mid-scan would
        other_desk.execute(text("SELECT id FROM registration WHERE id = :id FOR UPDATE"), {"id": registration_id})
        thread, outcome = _scan_in_thread(desk, demo.event_id, demo.list_ids[0], code)
        _terminate_waiting_desk(admin, make_url(database.url).database, "Lock")
        thread.join(timeout=30)
        other_desk.rollback()
    [error] = outcome
    assert isinstance(error, ConnectionLost) and "nothing was recorded" in str(error) and not error.maybe_recorded
    assert _oks(database, code) == 0
    assert desk.scan(demo.event_id, demo.list_ids[0], code).decision.outcome.value == "ok"  # a new connection
    assert _oks(database, code) == 1


def test_killed_inside_the_commit_leaves_no_half_check_in(venue):
    database, demo, code, _registration_id, admin = venue
    with database.engine.begin() as connection:
        connection.exec_driver_sql(_GATED_COMMIT)
    desk = DeskService(database, "00000000-0000-4000-8000-0000000000a2", "Desk B")
    with database.engine.connect() as gate:  # advisory locks belong to one database: the desk's
        gate.execute(text("SELECT pg_advisory_lock(:key)"), {"key": GATE})
        thread, outcome = _scan_in_thread(desk, demo.event_id, demo.list_ids[0], code)
        _terminate_waiting_desk(admin, make_url(database.url).database, "Lock")
        thread.join(timeout=30)
        gate.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": GATE})
    [error] = outcome
    assert isinstance(error, ConnectionLost) and "saved whole or not at all" in str(error) and error.maybe_recorded
    with database.reader() as session:  # the row, its upload state, nothing of the scan is left
        assert session.scalar(select(func.count()).select_from(CheckIn)) == 0
    assert desk.scan(demo.event_id, demo.list_ids[0], code).decision.outcome.value == "ok"
    assert _oks(database, code) == 1


@pytest.fixture
def relayed(venue):
    """A desk reaching the real server through a :class:`CommitAnswerDropper`."""
    url = make_url(venue[0].url)
    relay = CommitAnswerDropper(url.host, url.port)
    desk_database = open_database(url.set(port=relay.port).render_as_string(hide_password=False), migrate=False)
    yield relay, desk_database
    desk_database.dispose()
    relay.close()


def test_a_commit_whose_answer_is_lost_counts_once(venue, relayed):
    database, demo, code, _registration_id, _admin = venue
    relay, desk_database = relayed
    desk = DeskService(desk_database, "00000000-0000-4000-8000-0000000000a3", "Desk C")
    relay.armed.set()
    result = desk.scan(demo.event_id, demo.list_ids[0], code)  # found by its nonce on a new connection
    assert not relay.armed.is_set(), "the relay cut the desk off at the commit"
    assert result.decision.outcome.value == "ok"
    assert _oks(database, code) == 1
    assert desk.scan(demo.event_id, demo.list_ids[0], code).decision.outcome.value == "already_checked_in"


def test_a_database_that_stopped_answering_records_nothing_and_says_so(venue, relayed):
    database, demo, code, _registration_id, _admin = venue
    relay, desk_database = relayed
    desk = DeskService(desk_database, "00000000-0000-4000-8000-0000000000a4", "Desk D")
    relay.close()  # the venue database is gone: new connections are refused
    desk_database.engine.dispose()
    with pytest.raises(ConnectionLost, match="does not answer; nothing was recorded"):
        desk.scan(demo.event_id, demo.list_ids[0], code)
    assert _oks(database, code) == 0

"""Live notices between desks on a real PostgreSQL: sent at the commit only, received by the
listener on its own connection, which survives its server process being terminated."""
import queue

import pytest
from sqlalchemy import select, text

from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.log_listener import Backoff, LogListener
from checkin.store.log_notices import ANYTHING, LogNotice, announce
from checkin.store.log_transaction import log_transaction
from checkin.store.models import Registration
from checkin.sync.demo import create_demo_event

WAIT_S = 5  # a notice normally arrives in milliseconds; the machine is shared


def desk_b(database) -> DeskService:
    return DeskService(database, "00000000-0000-4000-8000-000000000002", "Desk B")


def test_a_notice_reads_back_what_was_sent():
    notice = LogNotice(7, registrations=True, origin="ab12cd34")
    assert LogNotice.from_payload(notice.payload()) == notice
    assert len(notice.payload()) < 64  # small: PostgreSQL queues every payload until it is read


@pytest.mark.parametrize("payload", ["", "not json", "[]", '{"guests": true}', '{"event": "7"}'])
def test_a_stray_payload_means_anything_may_have_changed(payload):
    assert LogNotice.from_payload(payload).event_id is None


def test_the_backoff_grows_to_its_limit_and_starts_again_after_a_success():
    backoff = Backoff(first=0.5, longest=3)
    assert [backoff.pause() for _ in range(5)] == [0.5, 1, 2, 3, 3]
    backoff.reset()
    assert backoff.pause() == 0.5



@pytest.fixture
def venue(pg_database):
    with pg_database.session() as session:
        demo = create_demo_event(session, 20, seed=3)
    with pg_database.reader() as session:
        codes = list(session.scalars(select(Registration.code).where(Registration.status == "valid")
                                     .order_by(Registration.id)))
    other = open_database(pg_database.url, migrate=False)  # another desk: its own engine and origin
    yield pg_database, other, demo, codes
    other.dispose()


@pytest.fixture
def listening(venue):
    database = venue[0]
    notices: queue.Queue[LogNotice] = queue.Queue()
    listener = LogListener.for_database(database, notices.put, backoff=Backoff(first=0.05))
    listener.start()
    assert notices.get(timeout=WAIT_S) == ANYTHING  # listening now: nothing sent before is missed
    yield listener, notices
    listener.stop()
    assert listener.join(WAIT_S)


@pytest.mark.postgres
@pytest.mark.slow
def test_another_desks_commit_is_announced_with_its_event_and_origin(venue, listening):
    _database, other, demo, codes = venue
    _listener, notices = listening
    desk_b(other).scan(demo.event_id, demo.list_ids[0], codes[0])
    assert notices.get(timeout=WAIT_S) == LogNotice(demo.event_id, registrations=False, origin=other.origin)
    desk_b(other).walk_in(demo.event_id, demo.list_ids[0], given_name="Ada", family_name="Lovelace")
    assert notices.get(timeout=WAIT_S) == LogNotice(demo.event_id, registrations=True, origin=other.origin)


@pytest.mark.postgres
@pytest.mark.slow
def test_a_rolled_back_write_announces_nothing(venue, listening):
    _database, other, demo, codes = venue
    _listener, notices = listening
    with pytest.raises(RuntimeError), log_transaction(other) as session:
        announce(session, demo.event_id)
        raise RuntimeError("the write fails before its commit")
    desk_b(other).scan(demo.event_id, demo.list_ids[0], codes[1])
    assert notices.get(timeout=WAIT_S).origin == other.origin  # the scan's notice is the first to arrive
    assert notices.empty()


@pytest.mark.postgres
@pytest.mark.slow
def test_the_listener_reconnects_after_its_server_process_is_terminated(venue, listening, postgres_server):
    database, other, demo, codes = venue
    listener, notices = listening
    first_pid = listener.backend_pid
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first_pid}).scalar()
    assert notices.get(timeout=WAIT_S) == ANYTHING  # reconnected: whatever was missed, refresh once
    assert listener.connects == 2 and listener.backend_pid not in (0, first_pid)
    desk_b(other).scan(demo.event_id, demo.list_ids[0], codes[2])
    assert notices.get(timeout=WAIT_S).event_id == demo.event_id


@pytest.mark.postgres
@pytest.mark.slow
def test_a_stopped_listener_ends_and_delivers_nothing_more(venue, listening):
    _database, other, demo, codes = venue
    listener, notices = listening
    listener.stop()
    assert listener.join(WAIT_S)
    desk_b(other).scan(demo.event_id, demo.list_ids[0], codes[3])
    with other.engine.connect() as connection:  # nobody listens on the channel any more
        assert connection.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'checkin-desk live'"
            " AND datname = current_database()")).scalar() == 0
    assert notices.empty()

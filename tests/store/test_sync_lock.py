"""One sync owner per venue database: the advisory lock on its own connection, and the owner's row."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from checkin.store.database import open_database
from checkin.store.sync_lock import SyncLock, claim, read_owner, record_round

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=timezone.utc)


def test_on_sqlite_the_one_desk_always_owns_its_sync(database):
    lock = SyncLock.for_database(database)
    assert lock.hold() and lock.held
    lock.release()
    with database.reader() as session:
        assert read_owner(session).held


@pytest.mark.postgres
def test_two_desks_one_owner_and_the_other_takes_over_once_it_lets_go(pg_database):
    other = open_database(pg_database.url, migrate=False)
    first, second = SyncLock.for_database(pg_database, "Desk A"), SyncLock.for_database(other, "Desk B")
    try:
        assert first.hold()
        assert not second.hold()
        assert first.hold(), "the owner keeps it"
        with other.reader() as session:
            assert read_owner(session).held
        first.release()
        with other.reader() as session:
            assert not read_owner(session).held
        assert second.hold()
        assert not first.hold()
    finally:
        first.release()
        second.release()
        other.dispose()


@pytest.mark.postgres
def test_an_owner_whose_session_is_killed_is_no_longer_one_and_another_takes_over(pg_database):
    first, second = SyncLock.for_database(pg_database, "Desk A"), SyncLock.for_database(pg_database, "Desk B")
    try:
        assert first.hold()
        with pg_database.session() as session:
            killed = session.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                          "application_name = 'checkin-desk sync owner: Desk A'")).scalars().all()
        assert killed == [True]
        assert second.hold()
        assert not first.hold(), "the killed owner notices and the lock is the other desk's now"
    finally:
        first.release()
        second.release()


@pytest.mark.postgres
def test_the_owner_names_itself_and_records_each_round(pg_database):
    lock = SyncLock.for_database(pg_database, "Desk A")
    try:
        with pg_database.reader() as session:
            assert read_owner(session).name == ""
        assert lock.hold()
        with pg_database.session() as session:
            claim(session, "Desk A", "laptop-a", "desk", NOW)
        with pg_database.session() as session:
            record_round(session, synced=True, error="", pending_upload=3, now=NOW + timedelta(seconds=5))
        with pg_database.session() as session:
            record_round(session, synced=False, error="pretix does not answer", pending_upload=4,
                         now=NOW + timedelta(seconds=65))
        with pg_database.reader() as session:
            state = read_owner(session)
        assert (state.held, state.name, state.host, state.kind) == (True, "Desk A", "laptop-a", "desk")
        assert state.last_pull_at == state.last_push_at == NOW + timedelta(seconds=5)
        assert (state.last_error, state.last_error_at) == ("pretix does not answer", NOW + timedelta(seconds=65))
        assert state.pending_upload == 4
        assert state.as_json()["last_pull_at"] == "2026-12-07T09:00:05+00:00"
        with pg_database.session() as session:  # a new owner: the venue's last sync time stays, the error goes
            claim(session, "checkin sync --watch", "server", "watch", NOW + timedelta(minutes=2))
        with pg_database.reader() as session:
            state = read_owner(session)
        assert (state.name, state.kind, state.last_error, state.last_pull_at) == (
            "checkin sync --watch", "watch", "", NOW + timedelta(seconds=5))
    finally:
        lock.release()

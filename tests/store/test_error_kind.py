"""The kind of a database error, from real SQLite errors (and ConnectionLost as the venue desk raises it)."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from checkin.store.database import Database, ErrorKind, StoreOpenError, error_kind, is_database_error, open_database
from checkin.store.desk import DeskService
from checkin.store.log_transaction import ConnectionLost
from tests.store.test_full_disk import FullDisk, valid_codes


def test_a_lock_held_by_another_connection_is_locked(db_url: str, demo, clock):
    database = open_database(db_url, busy_timeout_s=0.1)
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    with pytest.raises(OperationalError) as raised:
        DeskService(database, "00000000-0000-4000-8000-0000000000d2", "Locked", clock=clock).scan(
            demo.event_id, demo.list_ids[0], "anything")
    holder.rollback()
    holder.close()
    database.dispose()
    assert error_kind(raised.value) is ErrorKind.LOCKED and is_database_error(raised.value)


def test_a_full_disk_is_disk_full_also_when_opening(tmp_path, db_url: str, demo, clock):
    disk = FullDisk()
    disk.fill()
    try:
        with pytest.raises(StoreOpenError) as opening:
            open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}")
        database = open_database(db_url)
        service = DeskService(database, "00000000-0000-4000-8000-0000000000d3", "Full", clock=clock)
        with pytest.raises(OperationalError) as scanning:
            for code in valid_codes(db_url, demo.event_id):
                service.scan(demo.event_id, demo.list_ids[0], code)
        database.dispose()
    finally:
        disk.free()
    assert error_kind(opening.value) is ErrorKind.DISK_FULL
    assert error_kind(scanning.value) is ErrorKind.DISK_FULL


def test_a_read_only_database_is_read_only(database: Database, demo):
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA query_only = ON")
        with pytest.raises(OperationalError) as raised:
            connection.exec_driver_sql("DELETE FROM search_token")
    assert error_kind(raised.value) is ErrorKind.READ_ONLY


def test_a_lost_venue_connection_says_so_and_whether_it_may_have_landed():
    lost = ConnectionLost("The database postgresql://venue/desk does not answer; nothing was recorded.")
    at_commit = ConnectionLost("The connection … was lost while saving", maybe_recorded=True)
    assert error_kind(lost) is ErrorKind.CONNECTION_LOST and not lost.maybe_recorded
    assert at_commit.maybe_recorded and is_database_error(at_commit)
    assert not is_database_error(ValueError("a bug, not the database"))
    assert error_kind(StoreOpenError("Cannot open the database x: something new.")) is ErrorKind.OTHER

import os
import sqlite3
import stat

import pytest
from sqlalchemy import text

from checkin.store.database import StoreOpenError, default_database_url, open_database, resolve_url


def test_url_resolution_order(monkeypatch, tmp_path):
    monkeypatch.setenv("CHECKIN_DATA_DIR", str(tmp_path / "d"))
    assert resolve_url() == f"sqlite:///{tmp_path / 'd' / 'checkin.sqlite3'}" == default_database_url()
    monkeypatch.setenv("CHECKIN_DB", "sqlite:////env.sqlite3")
    assert resolve_url() == "sqlite:////env.sqlite3"
    assert resolve_url("sqlite:////flag.sqlite3") == "sqlite:////flag.sqlite3"


def test_default_database_is_created_with_wal_and_foreign_keys(tmp_path):
    database = open_database()
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: durable commits
    assert (tmp_path / "data" / "checkin.sqlite3").exists()
    database.dispose()


def test_a_file_that_is_not_a_database_is_named_and_left_alone(tmp_path):
    junk = tmp_path / "guests.sqlite3"
    junk.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = junk.read_bytes()
    with pytest.raises(StoreOpenError) as error:
        open_database(f"sqlite:///{junk}")
    assert str(junk) in str(error.value) and "not a Check-in Desk database" in str(error.value)
    assert junk.read_bytes() == before


def test_corrupted_database_is_reported(tmp_path, db_url):
    open_database(db_url).dispose()
    path = db_url.removeprefix("sqlite:///")
    with open(path, "r+b") as file:
        file.seek(0)
        file.write(b"\x00" * 100)
    with pytest.raises(StoreOpenError, match="Cannot open the database"):
        open_database(db_url)


def test_read_only_folder(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root writes anywhere: let the permission check see what a user would
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda path, mode: False if str(path) == str(folder) else
                            real_access(path, mode))
    with pytest.raises(StoreOpenError, match="read-only"):
        open_database(f"sqlite:///{folder / 'x.sqlite3'}")
    assert list(folder.iterdir()) == []


def test_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreOpenError, match=str(blocker)):
        open_database(f"sqlite:///{blocker / 'sub' / 'x.sqlite3'}")


def test_locked_database_is_a_clear_error(tmp_path, db_url):
    open_database(db_url).dispose()
    path = db_url.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreOpenError, match="another program holds a lock") as error:
            open_database(db_url, busy_timeout_s=0.2)
        assert path in str(error.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_opening_and_reading_never_wait_for_another_desks_write_lock(db_url):
    open_database(db_url).dispose()
    importing = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    importing.execute("BEGIN IMMEDIATE")  # another desk in the middle of a long write
    importing.execute("CREATE TABLE import_scratch (x)")
    try:
        database = open_database(db_url, busy_timeout_s=0.2)  # would fail if it wanted the lock
        with database.reader() as session:
            assert session.execute(text("SELECT count(*) FROM event")).scalar() == 0
        database.dispose()
    finally:
        importing.execute("ROLLBACK")
        importing.close()

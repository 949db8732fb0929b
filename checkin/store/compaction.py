"""Rewrites the database's storage so deleted rows leave no trace in the file, now or later.

After a purge, the deleted names still sit in SQLite's free pages and in the write-ahead log
until the file is rebuilt (VACUUM) and the log emptied. Another desk reading the file at that
moment keeps the log from being emptied: then a marker row says the job is pending, and the
next start of any desk (``open_database``) finishes it.
"""
from __future__ import annotations

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from checkin.store.models import SyncState

_MARKER = {"source": "gdpr", "resource": "compaction_pending"}


def compact(engine: Engine) -> bool:
    """Rebuild the file and empty its log; False if another connection keeps that from finishing."""
    try:
        if engine.dialect.name == "sqlite":
            return _compact_sqlite(engine)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM FULL registration, search_token, check_in")
        return True
    except DBAPIError:
        return False


def _compact_sqlite(engine: Engine) -> bool:
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("VACUUM")
        busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        cursor.close()
    finally:
        connection.close()
    return not busy


def mark_pending(session: Session, event_id: int) -> None:
    """Remember (in the caller's transaction) that a purge of the event still needs compacting."""
    if session.scalar(select(SyncState.id).filter_by(**_MARKER, event_id=event_id)) is None:
        session.add(SyncState(**_MARKER, event_id=event_id, data={}))


def finish_pending(engine: Engine) -> bool | None:
    """Compact if a purge left that to do; True when done now, False if still not possible,
    None when nothing was pending (one indexed query: every start runs this)."""
    with Session(engine.execution_options(sqlite_begin="DEFERRED")) as session, session.begin():
        if not is_pending(session):  # a read: no desk waits for the write lock at start-up
            return None
    if not compact(engine):
        return False
    with Session(engine) as session, session.begin():
        session.execute(delete(SyncState).filter_by(**_MARKER))
    # The marker's own deletion is in the log now: empty it too (it names no guest, but the
    # log should hold nothing of the purge either).
    return compact(engine)


def is_pending(session: Session) -> bool:
    return session.scalar(select(SyncState.id).filter_by(**_MARKER).limit(1)) is not None

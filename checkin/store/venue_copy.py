"""A desk's own SQLite copy of its event on the venue PostgreSQL, to go on deciding when the server
does not answer (the desk that uses it: :mod:`checkin.store.venue_desk`).

The copy is a Check-in Desk database like any other (same schema, same migrations), one file per
venue database URL in the user data folder, private to the user. It holds what a decision reads:
the event, its ticket types and lists (with their rules), the desks, the event's registrations,
revoked secrets and sync state, and the check-ins of the event seen so far, all under the ids
they have on the server.

Kept current incrementally and cheaply by :meth:`VenueCopy.refresh`: the small tables are copied
whole (a handful of rows), registrations changed since the last refresh (``updated_at``,
against the server's clock at the last read) and check-ins above the last id seen are upserted,
each with a margin that catches rows committed out of order by a slower desk, and writers'
clocks a little apart. A refresh of an unchanged event is a few indexed reads.

What the desk records while the server does not answer are the copy's check-in rows **above the
mark** (the highest server id copied): the queue. Refreshes wait while the queue holds rows, so
a server id never meets a queued one; once the queue is merged (exactly once, by nonce) its rows
are deleted here and come back with the server's ids at the next refresh. The queue is on disk
(SQLite, WAL, synchronous commits): a desk killed offline merges it at its next start.
"""
from __future__ import annotations

import hashlib
import os
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Table, bindparam, delete, func, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session

from checkin.store.database import APP_DIR_NAME, Database, describe, open_database
from checkin.store.models import (
    CheckIn,
    CheckInList,
    Desk,
    DeskChoice,
    Event,
    Registration,
    RevokedSecret,
    SyncState,
    TicketType,
    check_in_list_ticket_type,
)
from checkin.store.registrations import add_tokens, drop_tokens

#: Rows committed out of id (or time) order by another desk are caught by re-reading this far back.
ID_MARGIN = 200
# Registrations are stamped by their writer's clock (the sync owner's, an import's desk): a margin for
# clocks a little apart (`checkin desk-check` warns beyond 2 s) and for transactions still committing.
TIME_MARGIN = timedelta(seconds=30)
_MARKS = "venue_copy_mark"
_CREATE_MARKS = (f"CREATE TABLE IF NOT EXISTS {_MARKS} (event_id INTEGER PRIMARY KEY, check_in_seen INTEGER "
                 "NOT NULL, registrations_since TEXT NOT NULL)")
#: Tables copied whole (a few rows each), in foreign-key order, with the column that picks the event.
_SMALL_TABLES: tuple[tuple[Table, str | None], ...] = (
    (Event.__table__, "id"), (TicketType.__table__, "event_id"), (CheckInList.__table__, "event_id"),
    (Desk.__table__, None), (SyncState.__table__, "event_id"),
)


def copy_folder() -> Path:
    data_dir = Path(os.environ.get("CHECKIN_DATA_DIR") or user_data_dir(APP_DIR_NAME, appauthor=False))
    return data_dir / "venue-copies"


def copy_path(venue_url: str, folder: Path | None = None) -> Path:
    """The copy of one venue database: named by the URL without its password."""
    key = make_url(venue_url).render_as_string(hide_password=True)
    return (folder or copy_folder()) / f"{hashlib.sha256(key.encode()).hexdigest()[:20]}.sqlite3"


def has_copy(venue_url: str) -> bool:
    return copy_path(venue_url).exists()


def waiting_on_copy(venue_url: str) -> int:
    """Check-ins this desk recorded on its copy of ``venue_url`` and not merged yet (0: no copy)."""
    if not has_copy(venue_url):
        return 0
    copy = VenueCopy.open(venue_url)
    try:
        return copy.queue_length()
    finally:
        copy.close()


def copied_events(venue_url: str) -> list[int]:
    """The events this desk's copy of ``venue_url`` holds (none: no copy), to start on while it does not answer."""
    if not has_copy(venue_url):
        return []
    copy = VenueCopy.open(venue_url)
    try:
        return copy.events()
    finally:
        copy.close()


class VenueCopy:
    """The copy of one venue database; ``lock`` serialises refresh, merge and offline writes."""

    def __init__(self, venue_url: str, local: Database):
        self.venue_url = venue_url
        self.local = local
        self.lock = threading.RLock()
        with local.engine.begin() as connection:
            connection.exec_driver_sql(_CREATE_MARKS)

    @classmethod
    def open(cls, venue_url: str, folder: Path | None = None) -> VenueCopy:
        """Open (or create) the copy of ``venue_url`` (in ``folder``, default the user's): folder 0700, file 0600."""
        path = copy_path(venue_url, folder)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path.parent, 0o700)  # its side files (-wal, -shm) come under the program's private umask
        local = open_database(f"sqlite:///{path}")
        os.chmod(path, 0o600)
        return cls(venue_url, local)

    def describe(self) -> str:
        return describe(self.venue_url)

    def close(self) -> None:
        self.local.dispose()

    def holds(self, event_id: int) -> bool:
        """Whether the event was copied here at least once (a desk can decide on it)."""
        with self.local.reader() as session:
            return session.execute(text(f"SELECT 1 FROM {_MARKS} WHERE event_id = :e"), {"e": event_id}).first() \
                is not None

    # -- the queue --------------------------------------------------------------------------------
    def queued(self) -> list[dict[str, Any]]:
        """The check-ins recorded here while the server did not answer, oldest first."""
        with self.local.reader() as session:
            mark = _mark(session.connection())
            rows = session.execute(select(CheckIn.__table__).where(CheckIn.id > mark).order_by(CheckIn.id))
            return [dict(row._mapping) for row in rows]

    def queue_length(self) -> int:
        with self.local.reader() as session:
            return session.scalar(select(func.count()).where(CheckIn.id > _mark(session.connection()))) or 0

    def forget(self, nonces: list[str]) -> None:
        """Take merged rows out of the queue (the server holds them now; the next refresh copies them back)."""
        with self.lock, self.local.session() as session:
            mark = _mark(session.connection())
            session.execute(delete(CheckIn).where(CheckIn.id > mark, CheckIn.nonce.in_(nonces)))

    # -- the refresh ------------------------------------------------------------------------------
    def refresh(self, venue: Database, event_id: int, desk_id: str | None = None) -> int:
        """Bring the event up to date from the server; the rows copied, or -1 while a queue waits."""
        with self.lock:
            if self.queue_length():
                return -1
            with self.local.reader() as session:
                seen, since = _event_marks(session.connection(), event_id)
            with venue.reader() as server:
                batch = _read_event(server.connection(), event_id, seen, since, desk_id)
            with self.local.session() as session:
                return _write_event(session, event_id, batch)

    def events(self) -> list[int]:
        """The events copied here at least once (a desk that starts offline picks among them)."""
        with self.local.reader() as session:
            return list(session.scalars(text(f"SELECT event_id FROM {_MARKS} ORDER BY event_id")))


def _mark(connection: Connection) -> int:
    return connection.execute(text(f"SELECT coalesce(max(check_in_seen), 0) FROM {_MARKS}")).scalar_one()


def _event_marks(connection: Connection, event_id: int) -> tuple[int | None, datetime | None]:
    row = connection.execute(text(f"SELECT check_in_seen, registrations_since FROM {_MARKS} WHERE event_id = :e"),
                             {"e": event_id}).first()
    if row is None:
        return None, None
    return row[0], datetime.fromisoformat(row[1]) if row[1] else None


def _read_event(server: Connection, event_id: int, seen: int | None, since: datetime | None,
                desk_id: str | None) -> dict[Table, list[dict[str, Any]]]:
    """What changed on the server since the marks (everything, the first time)."""
    batch: dict[Any, list[dict[str, Any]]] = {"read_at": [{"now": server.execute(select(func.now())).scalar_one()}]}
    for table, column in _SMALL_TABLES:
        query = select(table) if column is None else select(table).where(table.c[column] == event_id)
        batch[table] = _rows(server, query)
    lists = select(CheckInList.id).where(CheckInList.event_id == event_id)
    batch[check_in_list_ticket_type] = _rows(server, select(check_in_list_ticket_type).where(
        check_in_list_ticket_type.c.check_in_list_id.in_(lists)))
    registrations = select(Registration.__table__).where(Registration.event_id == event_id)
    if since is not None:
        registrations = registrations.where(Registration.updated_at > since - TIME_MARGIN)
    batch[Registration.__table__] = _rows(server, registrations)
    batch[RevokedSecret.__table__] = _rows(server, select(RevokedSecret.__table__).where(
        RevokedSecret.event_id == event_id))
    check_ins = select(CheckIn.__table__).where(CheckIn.event_id == event_id)
    if seen is not None:
        check_ins = check_ins.where(CheckIn.id > seen - ID_MARGIN)
    batch[CheckIn.__table__] = new_rows = _rows(server, check_ins.order_by(CheckIn.id))
    undos = [row["id"] for row in new_rows if row["outcome"] == "undo"]
    batch["reverted"] = _rows(server, select(CheckIn.id, CheckIn.reverted_by_id).where(  # type: ignore[index]
        CheckIn.reverted_by_id.in_(undos))) if undos else []
    if desk_id:
        batch[DeskChoice.__table__] = _rows(server, select(DeskChoice.__table__).where(
            DeskChoice.desk_id == desk_id, DeskChoice.event_id == event_id))
    return batch


def _rows(connection: Connection, query: Any) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in connection.execute(query)]


def _write_event(session: Session, event_id: int, batch: dict[Any, list[dict[str, Any]]]) -> int:
    local = session.connection()
    registrations = [(row["id"], row["search_keys"]) for row in batch[Registration.__table__]]
    _drop_copied_tokens(session, event_id, [row["id"] for row in batch[Registration.__table__]])
    copied = 0
    for table, rows in batch.items():
        if isinstance(table, Table) and rows:
            copied += _upsert(local, table, rows)
    add_tokens(session, event_id, registrations)  # search by name works on the copy too
    _set_reverted(local, batch["reverted"])  # an undo on the server: the undone row points at it here too
    check_ins = batch[CheckIn.__table__]
    seen, _since = _event_marks(local, event_id)
    seen = max([seen or 0, *(row["id"] for row in check_ins)])
    # Next time: what changed since this read began, by the server's clock (less the margin).
    read_at = batch["read_at"][0]["now"]
    local.execute(text(f"INSERT OR REPLACE INTO {_MARKS} VALUES (:e, :seen, :since)"),
                  {"e": event_id, "seen": seen, "since": read_at.isoformat()})
    return copied


def _drop_copied_tokens(session: Session, event_id: int, ids: list[int]) -> None:
    """The search tokens of registrations about to be copied again (their names may have changed)."""
    for start in range(0, len(ids), 5000):
        drop_tokens(session, event_id, session.execute(select(Registration.id, Registration.search_keys).where(
            Registration.id.in_(ids[start:start + 5000]))).all())


def _upsert(local: Connection, table: Table, rows: list[dict[str, Any]]) -> int:
    """Insert or update by primary key; a row that clashes otherwise (a desk's name) is left as it is.
    Check-ins never change but for ``reverted_by_id``, which may point further on: set afterwards."""
    statement = sqlite_insert(table)
    keys = [column.name for column in table.primary_key.columns]
    updates = {name: statement.excluded[name] for name in rows[0] if name not in keys}
    if table is Desk.__table__ or table is CheckIn.__table__ or not updates:
        statement = statement.on_conflict_do_nothing()
    else:
        statement = statement.on_conflict_do_update(index_elements=keys, set_=updates)
    if table is CheckIn.__table__:
        local.execute(statement, [{**row, "reverted_by_id": None} for row in rows])
        _set_reverted(local, [row for row in rows if row["reverted_by_id"] is not None])
    else:
        local.execute(statement, rows)
    return len(rows)


def _set_reverted(local: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        local.execute(CheckIn.__table__.update().where(CheckIn.id == bindparam("row_id")).values(
            reverted_by_id=bindparam("undo_id")),
            [{"row_id": row["id"], "undo_id": row["reverted_by_id"]} for row in rows])

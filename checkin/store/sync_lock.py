"""One sync owner per venue database: a PostgreSQL advisory lock and the owner's state row.

Several desks on one venue PostgreSQL must not all talk to pretix: one of them (a desk window,
or a headless ``checkin sync --watch``) *owns* the sync for the whole venue. Ownership is a
session-level advisory lock held on a connection of its own (outside the pool, autocommit, so
no transaction and no scan ever waits on it). The lock lives exactly as long as that
connection: when the owner closes, crashes or is killed, PostgreSQL ends its session and the
lock is free for the next desk that asks (:meth:`SyncLock.hold`, every few seconds). Server-side
TCP keepalives on the connection make a laptop that vanished from the venue network lose the
lock within seconds too, instead of the operating system's two hours.

The owner writes what it did into the one row of ``sync_owner`` (:func:`claim`,
:func:`record_round`); every desk reads it (:func:`read_owner`) together with whether anyone
holds the lock now, and shows it. On SQLite there is one desk per file: it always owns its sync
and nothing is written.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

try:
    import psycopg
except ImportError:  # a desk without the "postgres" extra: SQLite only
    psycopg = None

from sqlalchemy import text
from sqlalchemy.orm import Session

from checkin.store.database import Database
from checkin.store.models import SyncOwnerState, utcnow

log = logging.getLogger(__name__)

#: The advisory lock's two keys ("ck", "sync"): one sync owner per database.
LOCK_KEYS = (0x636B, 0x73796E63)
_OWNER_ROW = 1
#: Connect quickly or give up; the server drops a silent owner's session (and lock) within ~11 s.
_LIVENESS = {"connect_timeout": 3, "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
             "keepalives_count": 3}
_SERVER_KEEPALIVES = ("SET tcp_keepalives_idle = 5", "SET tcp_keepalives_interval = 2",
                      "SET tcp_keepalives_count = 3", "SET tcp_user_timeout = 10000")
_HELD = text("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
             "AND classid = :high AND objid = :low AND objsubid = 2 "
             "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))")


class SyncLock:
    """``hold()`` from any one thread at a time; ``release()`` when the owner stops.

    On SQLite it is always held (the one desk of the file syncs)."""

    def __init__(self, connect_args: dict[str, Any] | None, application_name: str = "checkin-desk sync owner"):
        self._connect_args = None if connect_args is None else {
            **connect_args, **_LIVENESS, "application_name": application_name[:63]}
        self._connection: Any = None
        self._guard = threading.Lock()
        self.held = connect_args is None

    @classmethod
    def for_database(cls, database: Database, owner_name: str = "") -> SyncLock:
        if database.is_sqlite:
            return cls(None)
        engine = database.engine
        _args, kwargs = engine.dialect.create_connect_args(engine.url)
        kwargs.pop("context", None)  # SQLAlchemy's adapters: this connection runs two plain queries
        return cls(kwargs, f"checkin-desk sync owner: {owner_name}" if owner_name else "checkin-desk sync owner")

    @staticmethod
    def available(database: Database) -> bool:
        """Whether this desk can take part (psycopg 3 installed, or SQLite)."""
        return database.is_sqlite or psycopg is not None

    def hold(self) -> bool:
        """Take the lock if it is free, or make sure it is still ours; True while this process owns the sync.

        A connection that broke (server restart, network, ``pg_terminate_backend``) lost the lock
        with it: the owner stops being one at once and asks again like every other desk."""
        if self._connect_args is None:
            return True
        with self._guard:
            try:
                if self._connection is None:
                    self._connection = self._connect()
                if self.held:
                    self._connection.execute("SELECT 1")
                else:
                    self.held = bool(self._connection.execute("SELECT pg_try_advisory_lock(%s, %s)",
                                                              LOCK_KEYS).fetchone()[0])
            except psycopg.Error as error:
                log.info("sync lock: the database went away (%s)", error)
                self._drop()
            return self.held

    def release(self) -> None:
        """Give the lock up (closing the connection releases it); the next ``hold()`` may take it again."""
        if self._connect_args is None:
            return
        with self._guard:
            self._drop()

    def _connect(self) -> Any:
        connection = psycopg.connect(autocommit=True, **self._connect_args)
        for setting in _SERVER_KEEPALIVES:
            try:
                connection.execute(setting)
            except psycopg.Error:  # tcp_user_timeout needs PostgreSQL 12; a Unix socket ignores them all
                pass
        return connection

    def _drop(self) -> None:
        connection, held, self._connection, self.held = self._connection, self.held, None, False
        if connection is None:
            return
        try:
            if held:  # at once: closing alone frees it only once the server's session has ended
                connection.execute("SELECT pg_advisory_unlock(%s, %s)", LOCK_KEYS)
        except psycopg.Error:
            pass
        finally:
            try:
                connection.close()
            except psycopg.Error:
                pass


@dataclass(frozen=True)
class OwnerState:
    """The venue's sync owner as the desks show it; ``held`` says whether anyone owns it now
    (the row stays when its owner went away)."""

    held: bool
    name: str = ""
    host: str = ""
    kind: str = ""
    since: datetime | None = None
    last_pull_at: datetime | None = None
    last_push_at: datetime | None = None
    last_error: str = ""
    last_error_at: datetime | None = None
    pending_upload: int = 0
    updated_at: datetime | None = None

    def as_json(self) -> dict:
        def moment(value: datetime | None) -> str | None:
            return value.isoformat() if value else None
        return {"held": self.held, "name": self.name, "host": self.host, "kind": self.kind,
                "since": moment(self.since), "last_pull_at": moment(self.last_pull_at),
                "last_push_at": moment(self.last_push_at), "last_error": self.last_error or None,
                "last_error_at": moment(self.last_error_at), "pending_upload": self.pending_upload}


def read_owner(session: Session) -> OwnerState:
    """What the owner last wrote, and whether a process holds the lock right now."""
    held = _lock_held(session)
    row = session.get(SyncOwnerState, _OWNER_ROW)
    if row is None:
        return OwnerState(held)
    return OwnerState(held, row.name, row.host, row.kind, row.since, row.last_pull_at, row.last_push_at,
                      row.last_error, row.last_error_at, row.pending_upload, row.updated_at)


def claim(session: Session, name: str, host: str, kind: str, now: datetime | None = None) -> None:
    """The lock's new holder names itself; the venue's last pull and push times stay."""
    now = now or utcnow()
    row = session.get(SyncOwnerState, _OWNER_ROW) or SyncOwnerState(id=_OWNER_ROW, pending_upload=0)
    row.name, row.host, row.kind = name[:120], host[:255], kind[:16]
    row.since, row.last_error, row.last_error_at, row.updated_at = now, "", None, now
    session.add(row)


def record_round(session: Session, *, synced: bool, error: str, pending_upload: int,
                 now: datetime | None = None) -> None:
    """After a sync round of the owner: a round without error moves the last pull and push times."""
    now = now or utcnow()
    row = session.get(SyncOwnerState, _OWNER_ROW)
    if row is None:  # claimed by a version that did not write the row: claim it unnamed
        row = SyncOwnerState(id=_OWNER_ROW, name="", host="", kind="", since=now)
        session.add(row)
    if synced:
        row.last_pull_at = row.last_push_at = now
    row.last_error, row.last_error_at = error[:2000], (now if error else row.last_error_at)
    row.pending_upload, row.updated_at = pending_upload, now


def _lock_held(session: Session) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.execute(_HELD, {"high": LOCK_KEYS[0], "low": LOCK_KEYS[1]}).scalar_one())

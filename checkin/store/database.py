"""Opens the database: resolves the URL, sets SQLite up for durability, migrates to head."""
from __future__ import annotations

import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from checkin.settings import default_of
from checkin.store.compaction import finish_pending as finish_pending_compaction
from checkin.store.import_publish import recover as recover_imports
from checkin.store.migrate import upgrade_to_head
from checkin.store.sqlite_file import NotOurDatabase, check_existing_file

APP_DIR_NAME = "checkin-desk"


class ErrorKind(str, Enum):
    """What kind of trouble a database error is, for the desk to say what to do (texts: the UI's)."""

    DISK_FULL = "disk_full"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    IO_ERROR = "io_error"
    CONNECTION_LOST = "connection_lost"
    OTHER = "other"


class StoreOpenError(RuntimeError):
    """The database cannot be opened; the message names it and says why."""

    #: Set by subclasses that know their kind (a lost connection); else read from the message.
    kind: ErrorKind | None = None


def default_database_url() -> str:
    data_dir = Path(os.environ.get("CHECKIN_DATA_DIR") or user_data_dir(APP_DIR_NAME, appauthor=False))
    return f"sqlite:///{data_dir / 'checkin.sqlite3'}"


def resolve_url(explicit: str | None = None) -> str:
    """``--db`` beats ``CHECKIN_DB`` beats the SQLite file in the user data directory."""
    return explicit or os.environ.get("CHECKIN_DB") or default_database_url()


def describe(url: str) -> str:
    """The database as shown to people: the file, or the server without the password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


class Database:
    """One engine and its session factory. Sessions never cross threads (see STYLE.md)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=False)
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        self._reader_factory = sessionmaker(engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False)
        self.is_sqlite = engine.dialect.name == "sqlite"
        #: Names this database's writes in the live notices, so a desk skips its own (log_notices).
        self.origin = secrets.token_hex(4)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work that writes: committed when the block ends, rolled back on an exception."""
        with self.session_factory() as session, session.begin():
            yield session

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only unit of work; on SQLite it does not wait for the write lock."""
        with self._reader_factory() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None, *, migrate: bool = True, busy_timeout_s: float = 10.0,
                  connect_timeout_s: float | None = None) -> Database:
    """Open (and by default create or upgrade) the database at ``url``.

    A server that does not answer within ``connect_timeout_s`` (default: the ``venue_timeout_s``
    setting's) is a lost connection, here and on every later connect of the engine.

    Raises :class:`StoreOpenError` naming the database when it is locked, corrupted, not a
    database, or in a place we may not write; nothing existing is overwritten.
    """
    url = resolve_url(url)
    name = describe(url)
    new_file = _new_sqlite_file(url)
    if make_url(url).get_backend_name() == "sqlite":
        _check_sqlite_file(make_url(url).database, name)
    engine = _create_engine(url, busy_timeout_s, connect_timeout_s or default_of("venue_timeout_s"))
    try:
        with engine.execution_options(sqlite_begin="DEFERRED").connect() as connection:  # a read: no write lock
            connection.execute(text("SELECT 1")).scalar()
            if engine.dialect.name == "sqlite":
                connection.exec_driver_sql("PRAGMA schema_version").scalar()
        if migrate:
            upgrade_to_head(engine)
            finish_pending_compaction(engine)
            recover_imports(engine)  # an import that crashed: discarded, or finished if it was publishing
    except (DBAPIError, sqlite3.Error) as error:
        engine.dispose()
        if new_file is not None:  # ours, half made (a full disk): leave no stray database behind
            _remove_with_side_files(new_file)
        raise StoreOpenError(f"Cannot open the database {name}: {_reason(error)}") from error
    return Database(engine)


def unopened_database(url: str, *, connect_timeout_s: float) -> Database:
    """The venue database of a desk that starts while it does not answer: the engine, no connection
    yet (nothing checked, nothing migrated; the desk decides on its copy until a probe reaches it)."""
    return Database(_create_engine(resolve_url(url), 10.0, connect_timeout_s))


def _new_sqlite_file(url: str) -> Path | None:
    """The SQLite file this open is about to create, or None (it exists, or is not a file)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return None if Path(parsed.database).exists() else Path(parsed.database)


def _remove_with_side_files(file: Path) -> None:
    for path in (file, *(Path(f"{file}{suffix}") for suffix in ("-wal", "-shm", "-journal"))):
        path.unlink(missing_ok=True)


def describe_error(error: BaseException) -> str:
    """What a database error means for the person at the desk ("the disk is full (…)")."""
    return _reason(error)


def is_database_error(error: BaseException) -> bool:
    """Whether ``error`` came from the database (and :func:`error_kind` can name it)."""
    return isinstance(error, (DBAPIError, sqlite3.Error, StoreOpenError))


def error_kind(error: BaseException) -> ErrorKind:
    """The kind of a database error: a full disk, a lock held by another program, a lost server…"""
    known = getattr(error, "kind", None)
    if isinstance(known, ErrorKind):
        return known
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return ErrorKind.CONNECTION_LOST
    message = str(getattr(error, "orig", None) or error).lower()
    return next((kind for needle, kind in _KIND_HINTS if needle in message), ErrorKind.OTHER)


#: Message fragments of SQLite and PostgreSQL (libpq) per kind, checked in this order.
_KIND_HINTS = (
    ("database or disk is full", ErrorKind.DISK_FULL),
    ("no space left on device", ErrorKind.DISK_FULL),
    ("database is locked", ErrorKind.LOCKED),
    ("readonly database", ErrorKind.READ_ONLY),
    ("read-only", ErrorKind.READ_ONLY),
    ("disk i/o error", ErrorKind.IO_ERROR),
    ("server closed the connection", ErrorKind.CONNECTION_LOST),
    ("connection refused", ErrorKind.CONNECTION_LOST),
    ("could not connect", ErrorKind.CONNECTION_LOST),
    ("connection timeout", ErrorKind.CONNECTION_LOST),
    ("timeout expired", ErrorKind.CONNECTION_LOST),
    ("terminating connection", ErrorKind.CONNECTION_LOST),
    ("does not answer", ErrorKind.CONNECTION_LOST),
    # A server stopping or starting (pg_ctl stop, a restart, a failover) refuses new connections so:
    ("the database system is shutting down", ErrorKind.CONNECTION_LOST),
    ("the database system is starting up", ErrorKind.CONNECTION_LOST),
    ("the database system is in recovery mode", ErrorKind.CONNECTION_LOST),
    ("the database system is not yet accepting connections", ErrorKind.CONNECTION_LOST),
    ("no route to host", ErrorKind.CONNECTION_LOST),
    ("network is unreachable", ErrorKind.CONNECTION_LOST),
    ("consuming input failed", ErrorKind.CONNECTION_LOST),
)


def _check_sqlite_file(path: str | None, name: str) -> None:
    if not path or path == ":memory:":
        return
    file = Path(path)
    if file.exists():
        if not file.is_file():
            raise StoreOpenError(f"Cannot open the database {name}: it is not a file.")
        if not os.access(file, os.R_OK | os.W_OK):
            raise StoreOpenError(f"Cannot open the database {name}: no permission to read and write it.")
        try:
            check_existing_file(file)
        except NotOurDatabase as error:
            raise StoreOpenError(f"Cannot open the database {name}: {error}. It was left unchanged.") from None
        except sqlite3.Error as error:
            raise StoreOpenError(f"Cannot open the database {name}: {_reason(error)}") from error
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreOpenError(f"Cannot create the database {name}: {error.strerror}.") from error
    if not os.access(file.parent, os.W_OK):
        raise StoreOpenError(f"Cannot create the database {name}: the folder {file.parent} is read-only.")


def _create_engine(url: str, busy_timeout_s: float, connect_timeout_s: float) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, connect_args=server_timeouts(url, connect_timeout_s))
    engine = create_engine(url, connect_args={"timeout": busy_timeout_s})
    _configure_sqlite(engine, busy_timeout_s)
    return engine


def server_timeouts(url: str, timeout_s: float) -> dict[str, object]:
    """libpq's limits for a server that stops answering: on connecting, and (keepalives, unacknowledged
    sends) on a connection already open, so a cut cable fails a scan in seconds, not minutes."""
    if make_url(url).get_backend_name() != "postgresql":
        return {}
    seconds = max(2, round(timeout_s))  # libpq (and psycopg) count whole seconds, 2 at least
    return {"connect_timeout": seconds, "keepalives": 1, "keepalives_idle": seconds, "keepalives_interval": 1,
            "keepalives_count": 3, "tcp_user_timeout": int(timeout_s * 1000)}


def _configure_sqlite(engine: Engine, busy_timeout_s: float) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # We issue BEGIN ourselves (below) so writers can take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        # WAL with synchronous=FULL: a commit the desk confirmed survives a power cut.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        # 64 MB of page cache instead of SQLite's 2 MB: a 100k-guest load or index build stays in
        # memory instead of spilling pages to the WAL before the commit.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.execute("PRAGMA temp_store=MEMORY")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Connection) -> None:
        # IMMEDIATE takes the write lock at the start: two desks' writers queue instead of
        # failing with "database is locked" half-way through a check-in.
        mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        if mode == "IMMEDIATE":
            _begin_immediate(connection, busy_timeout_s)
        else:
            connection.exec_driver_sql("BEGIN " + mode)


#: How often a writer asks again for SQLite's write lock while another connection holds it.
LOCK_POLL_S = 0.001


def _begin_immediate(connection: Connection, patience_s: float) -> None:
    """BEGIN IMMEDIATE, asking for the lock every LOCK_POLL_S for up to ``patience_s``.

    SQLite's own busy handler sleeps up to 100 ms between tries: a writer that frees the lock
    for a few milliseconds between two short transactions (an import, see
    checkin/store/import_runs.py) would take it again before a waiting desk even looks. Polling
    every millisecond, the desk gets it in the gap. Past ``patience_s`` the last try raises
    "database is locked" as SQLAlchemy's OperationalError.
    """
    raw = connection.connection.driver_connection
    deadline = time.monotonic() + patience_s
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        while time.monotonic() < deadline:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) and "busy" not in str(error):
                    break
            time.sleep(LOCK_POLL_S)
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # once more: the error, as SQLAlchemy raises it
    finally:
        raw.execute(f"PRAGMA busy_timeout = {int(patience_s * 1000)}")


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    message = str(original).strip() or type(original).__name__
    hints = {
        "file is not a database": "the file is not a Check-in Desk database or is corrupted",
        "database is locked": "another program holds a lock on it; close it and try again",
        "readonly database": "the file or its folder is read-only",
        "unable to open database file": "the file or its folder cannot be opened (missing or read-only?)",
        "disk i/o error": "the disk reported an error",
        "database or disk is full": "the disk is full (free some space; what was saved before is kept)",
    }
    for needle, hint in hints.items():
        if needle in message.lower():
            return f"{hint} ({message})."
    return message + "."


__all__ = ["Database", "ErrorKind", "StoreOpenError", "open_database", "resolve_url", "describe",
           "describe_error", "error_kind", "is_database_error", "OperationalError"]

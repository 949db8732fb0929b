"""Writes a bulk load's search tokens on a second thread, from the keys SQLite already holds.

A large load spends as long putting its search tokens into the index as computing and inserting
the registrations themselves. On SQLite, one INSERT … SELECT unpacks a batch's stored
``search_keys`` into search_token rows entirely inside SQLite, which releases the interpreter
lock for the whole statement, so the next batch's Python work runs beside it on the other core.
(Handing the rows to ``executemany`` on a thread would not overlap: it retakes the lock for
every row and queues behind the busy main thread.)

The connection is only ever used by one thread at a time: every statement the caller runs on
the connection while the block is open first waits for the one in flight (a connection event,
so no caller has to remember it), and leaving the block waits too.
"""
from __future__ import annotations

import sqlite3
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType

from sqlalchemy import Connection, event
from sqlalchemy.exc import DBAPIError

#: Keys look like " 0muller 1anna 9anna@example.org ": kind digit, token, one space between.
#: Made a JSON array of strings in SQL; only kinds below the limit given have rows.
_UNPACK = """
INSERT INTO search_token (event_id, kind, token, registration_id)
SELECT r.event_id, unicode(key.value) - 48, substr(key.value, 2), r.id
FROM registration AS r,
     json_each('["' || replace(replace(replace(trim(r.search_keys), '\\', '\\\\'), '"', '\\"'), ' ', '","') || '"]')
     AS key
WHERE r.id BETWEEN ? AND ? AND unicode(key.value) BETWEEN 48 AND 47 + ?
"""
#: The same for one event's registrations in an id range, their tokens written under another
#: event (an import publishing what it staged). ``+r.event_id``: the id range picks the rows.
#: Sorted by key first: inserted in key order, the rows of one part touch each index page once.
_UNPACK_MOVED = (_UNPACK.replace("SELECT r.event_id,", "SELECT ?,").replace("WHERE r.id", "WHERE +r.event_id = ? AND r.id")
                 .rstrip() + " ORDER BY 2, 3, 4\n")


def supported(connection: Connection) -> bool:
    """SQLite with its built-in JSON functions (3.38 and later always have them)."""
    return connection.dialect.name == "sqlite" and sqlite3.sqlite_version_info >= (3, 38)


def unpack(connection: Connection, from_event: int, to_event: int, first_id: int, last_id: int,
           indexed_below: int) -> None:
    """In the caller's transaction: the tokens of ``from_event``'s registrations with ids in the
    range, written under ``to_event``."""
    connection.exec_driver_sql(_UNPACK_MOVED, (to_event, from_event, first_id, last_id, indexed_below))


class TokenBackfill:
    """``add(first_id, last_id)`` indexes registrations whose ``search_keys`` are stored already:
    the keys of kinds below ``indexed_below`` (see checkin.store.registrations.INDEXED_BELOW)."""

    def __init__(self, connection: Connection, indexed_below: int):
        self._connection = connection.connection.driver_connection
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="token-backfill")
        self._pending: Future[None] | None = None
        self._indexed_below = indexed_below
        self._guarded = connection
        event.listen(connection, "before_cursor_execute", self._before_statement)

    def _before_statement(self, *_args: object) -> None:
        self.wait()

    def add(self, first_id: int, last_id: int) -> None:
        self.wait()
        self._pending = self._executor.submit(self._unpack, first_id, last_id)

    def wait(self) -> None:
        """Block until the statement in flight is done; raises what it raised."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        try:
            pending.result()
        except sqlite3.Error as error:  # as SQLAlchemy would have raised it on this thread
            raise DBAPIError.instance(_UNPACK, None, error, sqlite3.Error) from error

    def _unpack(self, first_id: int, last_id: int) -> None:
        cursor = self._connection.cursor()
        try:
            cursor.execute(_UNPACK, (first_id, last_id, self._indexed_below))
        finally:
            cursor.close()

    def __enter__(self) -> TokenBackfill:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        try:
            if kind is None:
                self.wait()
            elif self._pending is not None:
                self._pending.exception()  # let it finish before the caller rolls back; its error is moot
        finally:
            event.remove(self._guarded, "before_cursor_execute", self._before_statement)
            self._executor.shutdown(wait=True)

"""The transaction every write on the check-in log runs in, safe for many desks on one database.

The rule several desks rely on: **every write to a guest's history holds that guest's
registration row lock** (``SELECT … FOR UPDATE``) from before the history is read until the
commit. A second desk scanning the same guest waits on the lock, then reads the winner's row
and answers "already checked in at desk X". That only holds under READ COMMITTED, where each
statement sees what was committed before it started: under REPEATABLE READ (a server default
an administrator may set) the history read would use a snapshot taken before the wait and
admit the guest twice, so the log's transactions pin READ COMMITTED themselves.

SQLite needs no lock: ``BEGIN IMMEDIATE`` already serialises all writers of the file.

A connection lost mid-transaction (server restart, ``pg_terminate_backend``, network) leaves
nothing half-written: the transaction is atomic. When the loss hits the commit itself, the
desk cannot know whether it landed, so it looks the row up by its nonce on a new connection:
found, the check-in counts as done (once); not found or not answerable, a clear
:class:`ConnectionLost` tells the person to scan again.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import bindparam, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from checkin.store.database import Database, ErrorKind, StoreOpenError, describe
from checkin.store.log_notices import send_announced
from checkin.store.models import CheckIn, Registration

_READ_COMMITTED = {"isolation_level": "READ COMMITTED"}
_LOCK_REGISTRATION = (
    select(Registration.id).where(Registration.id == bindparam("registration_id")).with_for_update()
)
_BY_NONCE = select(CheckIn.id).where(CheckIn.nonce == bindparam("nonce"))


class ConnectionLost(StoreOpenError):
    """The database went away during a write; nothing of it was recorded (or it was, once)."""

    kind = ErrorKind.CONNECTION_LOST

    def __init__(self, message: str, *, maybe_recorded: bool = False, nonce: str | None = None):
        super().__init__(message)
        #: True when the loss hit the commit and the check could not tell: scanning again shows which.
        self.maybe_recorded = maybe_recorded
        #: The nonce of the row the write appended: a desk recording it elsewhere keeps it, so it counts once.
        self.nonce = nonce


@contextmanager
def log_transaction(database: Database, nonce: str | None = None) -> Iterator[Session]:
    """A write on the log, committed when the block ends; ``nonce`` is the row it appends, if any.

    What the block announced (:mod:`checkin.store.log_notices`) is sent to the other desks just
    before the commit."""
    connected = finished = False
    try:
        with database.session() as session:
            if not database.is_sqlite:
                session.connection(execution_options=_READ_COMMITTED)
            connected = True
            yield session
            send_announced(session, database.origin)  # delivered by PostgreSQL only if the commit lands
            finished = True
    except OperationalError as error:
        if database.is_sqlite or (connected and not error.connection_invalidated):
            raise  # a lock timeout or a full disk: the database answered, the caller reports it
        if not (finished and nonce and _recorded(database, nonce)):
            raise ConnectionLost(_lost_message(database, connected, finished),
                                 maybe_recorded=connected and finished, nonce=nonce) from error


def lock_registration(session: Session, registration_id: int) -> None:
    """Hold the guest's row lock until the commit (see the module's rule); SQLite is serialised already."""
    if session.get_bind().dialect.name != "sqlite":
        session.connection().execute(_LOCK_REGISTRATION, {"registration_id": registration_id}).all()


def _recorded(database: Database, nonce: str) -> bool:
    """Whether a commit whose answer was lost did land; False when the database still does not answer."""
    try:
        with database.reader() as session:
            return session.connection().execute(_BY_NONCE, {"nonce": nonce}).first() is not None
    except DBAPIError:
        return False


def _lost_message(database: Database, connected: bool, at_commit: bool) -> str:
    name = describe(database.url)
    if not connected:
        return f"The database {name} does not answer; nothing was recorded. Check the network and scan again."
    if at_commit:
        return (f"The connection to the database {name} was lost while saving; the check-in is saved whole "
                "or not at all. Scan again to see which.")
    return f"The connection to the database {name} was lost; nothing was recorded. Scan again."

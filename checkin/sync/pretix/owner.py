"""The venue's one sync owner: who may take the sync, one round as the owner, and the headless
``checkin sync --watch`` loop (the desk window drives the same pieces from ``ui/sync_owner.py``).

A desk competes for the sync lock (``store/sync_lock.py``) only when it can sync: an event is
connected and this computer has its pretix token (tokens stay in each computer's keyring, so a
desk without one must not take the sync and then fail every round).
"""
from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from checkin.store.database import Database
from checkin.store.models import utcnow
from checkin.store.sync_lock import OwnerState, SyncLock, claim, read_owner, record_round
from checkin.sync.pretix.client import PretixError
from checkin.sync.pretix.connection import connected_events, load_connection
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.sync import SyncSummary, sync_all

#: How often a desk that does not own the sync asks for it: the next owner takes over within this.
STANDBY_POLL_S = 2.0

Sync = Callable[..., list[SyncSummary]]


@dataclass(frozen=True)
class Owner:
    """How the owner names itself to the other desks."""

    name: str
    host: str = field(default_factory=socket.gethostname)
    kind: str = "desk"


def can_sync(database: Database, tokens: TokenStore) -> bool:
    """Whether this computer could sync: an event is connected and its token is here."""
    with database.reader() as session:
        connections = [load_connection(session, event.id) for event in connected_events(session)]
    for connection in filter(None, connections):
        try:
            tokens.load(connection.account)
            return True
        except PretixError:
            continue
    return False


def claim_ownership(database: Database, owner: Owner, now: datetime | None = None) -> None:
    """Name the new owner in the venue database (nothing to do on SQLite)."""
    if not database.is_sqlite:
        with database.session() as session:
            claim(session, owner.name, owner.host, owner.kind, now)


def owner_state(database: Database) -> OwnerState:
    with database.reader() as session:
        return read_owner(session)


def sync_as_owner(database: Database, tokens: TokenStore, event_ids: list[int] | None = None, *,
                  sync: Sync = sync_all, now: Callable[[], datetime] = utcnow, **options: object) -> list[SyncSummary]:
    """One round: push and pull every connected event, then tell the other desks how it went."""
    summaries = sync(database, tokens, event_ids, **options)
    if not database.is_sqlite:
        errors = "; ".join(f"{summary.event}: {summary.error}" for summary in summaries if summary.error)
        with database.session() as session:
            record_round(session, synced=bool(summaries) and not errors, error=errors,
                         pending_upload=sum(summary.pending_upload for summary in summaries), now=now())
    return summaries


@dataclass(frozen=True)
class WatchRound:
    """What one turn of ``checkin sync --watch`` did: synced as the owner, or waited for the owner."""

    owner: bool
    summaries: list[SyncSummary]
    state: OwnerState | None = None


class VenueSync:
    """The headless owner: each :meth:`turn` takes or keeps the lock and, holding it, syncs once."""

    def __init__(self, database: Database, tokens: TokenStore, owner: Owner, *, lock: SyncLock | None = None,
                 sync: Sync = sync_all, now: Callable[[], datetime] = utcnow):
        self.database, self.tokens, self.owner = database, tokens, owner
        self.lock = lock or SyncLock.for_database(database, owner.name)
        self._sync, self._now = sync, now
        self._claimed = False

    def turn(self, event_ids: list[int] | None = None) -> WatchRound:
        if not self.lock.hold():
            self._claimed = False
            return WatchRound(False, [], owner_state(self.database))
        if not self._claimed:
            claim_ownership(self.database, self.owner, self._now())
            self._claimed = True
        return WatchRound(True, sync_as_owner(self.database, self.tokens, event_ids, sync=self._sync, now=self._now))

    def close(self) -> None:
        self.lock.release()


def sync_once(database: Database, tokens: TokenStore, owner: Owner, event_ids: list[int] | None = None) -> WatchRound:
    """One round (``checkin sync``); on a venue PostgreSQL only while nobody else owns the sync
    (two processes pulling at once could collide on the same new guests)."""
    venue = VenueSync(database, tokens, owner)
    try:
        return venue.turn(event_ids)
    finally:
        venue.close()

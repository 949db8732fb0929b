"""Reconcile one event end to end, as the CLI and the app both do it: sync first, so the local
data is the server's latest, then compare the logs."""
from __future__ import annotations

from checkin.store.database import Database
from checkin.sync.pretix.client import PretixError
from checkin.sync.pretix.connection import load_connection
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.reconcile import Reconciliation, reconcile
from checkin.sync.pretix.sync import sync_event


class NotConnectedError(LookupError):
    """The event has no pretix connection on this computer."""


def reconcile_event(database: Database, tokens: TokenStore, event_id: int, list_id: int) -> Reconciliation:
    """Raises NotConnectedError, or PretixError with a message for people when the server fails."""
    with database.reader() as session:
        connection = load_connection(session, event_id)
    if connection is None:
        raise NotConnectedError("This event is not connected to pretix: run 'checkin pretix connect' first.")
    synced = sync_event(database, tokens, event_id)
    if synced.error:
        raise PretixError(f"Cannot reconcile without the server: {synced.error}")
    with connection.client(tokens) as client:
        return reconcile(client, database, connection, event_id, list_id)

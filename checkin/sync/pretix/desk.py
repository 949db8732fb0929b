"""The one place that chooses an event's source of truth for the desk (the UI and the CLI ask here).

An event from pretix gets pretix's offline semantics (revoked secrets, signed tickets, the lists'
custom rules) and, when the caller allows it and the event is connected with a token on this
machine, pretix online redeem first; every other event gets the plain desk.
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from checkin.core.payload import PayloadRules
from checkin.store.database import Database
from checkin.store.desk import Clock, DeskService
from checkin.store.desk_collaborators import UnknownCodeResolver
from checkin.store.models import Event, utcnow
from checkin.sync.pretix.connection import SOURCE, Connection, load_connection
from checkin.sync.pretix.credentials import CredentialStoreError, TokenStore
from checkin.sync.pretix.offline import pretix_desk
from checkin.sync.pretix.online import OnlineTiming, PretixOnline, StateListener


def desk_service_for(event_id: int | None, database: Database, desk_id: str, desk_name: str,
                     clock: Clock = utcnow, *, payload_rules: PayloadRules = PayloadRules(),
                     tokens: TokenStore | None = None, on_state: StateListener | None = None,
                     timing: OnlineTiming | None = None,
                     unknown_code_resolvers: Sequence[UnknownCodeResolver] = ()) -> DeskService:
    """The desk service for an event; without ``tokens`` it never goes online (the CLI).

    Reads the event, so it runs where database work runs (the desk's lane), not on the UI thread."""
    with database.reader() as session:
        source = session.scalar(select(Event.source).where(Event.id == event_id)) if event_id else None
        connection = load_connection(session, event_id) if source == SOURCE and tokens is not None else None
    if source != SOURCE:
        return DeskService(database, desk_id, desk_name, clock, payload_rules,
                           unknown_code_resolvers=unknown_code_resolvers)
    online = _online(database, connection, tokens, on_state, timing) if connection and tokens else None
    return pretix_desk(database, desk_id, desk_name, clock, payload_rules=payload_rules, online=online,
                       unknown_code_resolvers=unknown_code_resolvers)


def _online(database: Database, connection: Connection, tokens: TokenStore, on_state: StateListener | None,
            timing: OnlineTiming | None) -> PretixOnline | None:
    try:
        client = connection.client(tokens)
    except CredentialStoreError:  # no token on this machine: the desk still works offline
        return None
    return PretixOnline(database, client, connection, timing=timing, on_state=on_state)

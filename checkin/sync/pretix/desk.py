"""The desk service for an event: online-first on pretix when the event is connected to a
server, pretix's offline semantics otherwise (they are the plain desk for other events)."""
from __future__ import annotations

from collections.abc import Callable

from checkin.store.database import Database
from checkin.sync.pretix.connection import load_connection
from checkin.sync.pretix.credentials import CredentialStoreError, TokenStore
from checkin.sync.pretix.offline import PretixDeskService
from checkin.sync.pretix.online import OnlineDeskService

StateListener = Callable[[bool, str], None]


def desk_service_for(event_id: int, database: Database, *desk_args: object, tokens: TokenStore,
                     on_state: StateListener | None = None, **options: object):  # noqa: ANN201
    """``desk_args`` and ``options`` are DeskService's (desk id, name, clock; payload_rules)."""
    offline = PretixDeskService(database, *desk_args, **options)
    with database.reader() as session:
        connection = load_connection(session, event_id)
    if connection is None:
        return offline
    try:
        client = connection.client(tokens)
    except CredentialStoreError:  # no token on this machine: the desk still works offline
        return offline
    return OnlineDeskService(offline, client, connection, on_state=on_state)

"""Connect a local event to a pretix event: check the token, keep it safe, pull event, products and lists."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.store.database import Database
from checkin.store.models import CheckInList
from checkin.sync.pretix.cancel import Cancellation
from checkin.sync.pretix.client import PretixError
from checkin.sync.pretix.connection import Connection, save_connection
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.discovery import Access, device_access
from checkin.sync.pretix.handshake import parse_handshake
from checkin.sync.pretix.metadata import pull_metadata
from checkin.sync.pretix.pull import Progress
from checkin.sync.pretix.sync import SyncSummary, sync_event


@dataclass(frozen=True)
class ConnectResult:
    event_id: int
    event_slug: str
    event_name: str
    list_id: int
    list_name: str
    lists: list[dict]
    token_storage: str
    device_id: int | None


def connect(database: Database, tokens: TokenStore, *, url: str, organizer: str, event_slug: str,
            token: str | None = None, handshake: str | None = None, list_id: int | None = None,
            client_options: dict | None = None) -> ConnectResult:
    """Set up the connection; ``list_id`` is pretix's id of the check-in list (default: the first)."""
    if bool(token) == bool(handshake):
        raise PretixError("Give either an API token or a device handshake.")
    url = url.rstrip("/")
    if handshake:
        parsed = parse_handshake(handshake)
        if parsed.url != url:
            raise PretixError(f"The handshake is for {parsed.url}, not {url}.")
        access = device_access(parsed, client_options, tokens)
    else:
        access = Access(url, "token", token)
    return connect_access(database, tokens, access, organizer=organizer, event_slug=event_slug, list_id=list_id,
                          client_options=client_options)


def connect_access(database: Database, tokens: TokenStore, access: Access, *, organizer: str, event_slug: str,
                   list_id: int | None = None, client_options: dict | None = None) -> ConnectResult:
    """Link the local event to ``organizer``/``event_slug`` with credentials that already work."""
    if access.organizer and access.organizer != organizer:
        raise PretixError(f"This device belongs to organiser '{access.organizer}', not '{organizer}'.")
    connection = Connection(access.url, organizer, event_slug, access.auth_kind, list_id, access.device_id)
    with access.client(**(client_options or {})) as client:
        client.get_json(connection.event_path)  # the token works and sees the event, before anything is stored
        storage = tokens.save(connection.account, access.token)
        if access.setup_account:  # the device's token is kept for this server now
            tokens.forget(access.setup_account)
        with database.session() as session:
            event = pull_metadata(client, session, connection)
            lists = _lists(session, event.id)
            chosen = _choose(lists, list_id)
            save_connection(session, event.id, connection)
    return ConnectResult(event.id, event.slug, event.name, chosen["id"], chosen["name"], lists, storage,
                         access.device_id)


def connect_and_pull(database: Database, tokens: TokenStore, access: Access, *, organizer: str, event_slug: str,
                     list_id: int | None, cancellation: Cancellation, progress: Progress | None = None,
                     client_options: dict | None = None, pull_options: dict | None = None,
                     ) -> tuple[ConnectResult, SyncSummary]:
    """Connect, then the first pull with ``progress(pages done, pages)``; raises Cancelled once cancelled.

    A pull that fails keeps the connection (the summary says why): the next sync resumes it.
    """
    options = client_options or {}
    result = connect_access(database, tokens, access, organizer=organizer, event_slug=event_slug, list_id=list_id,
                            client_options=cancellation.client_options(**options))
    cancellation.check()
    summary = sync_event(database, tokens, result.event_id, client_options=cancellation.client_options(**options),
                         progress=cancellation.progress(progress), pull_options=pull_options)
    cancellation.check()
    return result, summary


def _lists(session: Session, event_id: int) -> list[dict]:
    rows = session.scalars(select(CheckInList).where(CheckInList.event_id == event_id).order_by(CheckInList.id))
    return [{"id": row.id, "pretix_id": int(row.external_id), "name": row.name} for row in rows]


def _choose(lists: list[dict], pretix_list_id: int | None) -> dict:
    if not lists:
        raise PretixError("This pretix event has no check-in list: create one in pretix first.")
    if pretix_list_id is None:
        return lists[0]
    for entry in lists:
        if entry["pretix_id"] == pretix_list_id:
            return entry
    known = ", ".join(f"{entry['pretix_id']} ({entry['name']})" for entry in lists)
    raise PretixError(f"The event has no check-in list {pretix_list_id} (lists: {known}).")

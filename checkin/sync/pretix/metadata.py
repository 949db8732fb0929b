"""Pulls the event, its products, check-in lists, signing keys and revoked secrets."""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checkin.store.models import CheckInList, Event, RevokedSecret, TicketType
from checkin.sync.pretix.client import PretixClient, i18n
from checkin.sync.pretix.connection import Connection, sync_state
from checkin.sync.pretix.mapping import event_fields, list_fields, moment


def fetch_all(client: PretixClient, path: str, params: dict | None = None) -> Iterator[dict]:
    page = 1
    while True:
        data, _headers = client.get_json(path, {**(params or {}), "page": page})
        yield from data["results"]
        if not data.get("next"):
            return
        page += 1


def pull_metadata(client: PretixClient, session: Session, connection: Connection) -> Event:
    """Create or update the local event, ticket types and lists from the server."""
    base = connection.event_path
    data, _ = client.get_json(base)
    event = _upsert_event(session, connection, data)
    item_list = list(fetch_all(client, base + "items/"))
    types = _upsert_ticket_types(session, event, item_list)
    _upsert_lists(session, event, list(fetch_all(client, base + "checkinlists/")), types)
    state = sync_state(session, event.id, "event")
    items = {str(item["id"]): item for item in item_list}
    state.data = {
        "valid_keys": (data.get("valid_keys") or {}).get("pretix_sig1", []),
        # What check-in rules may refer to besides the event's start and end (see rules.py).
        "date_admission": data.get("date_admission"),
        "gate": _device_gate(client, connection),
        "item_texts": {**{key: item.get("checkin_text") or "" for key, item in items.items()},
                       **{f"attention:{key}": bool(item.get("checkin_attention")) for key, item in items.items()}},
    }
    _pull_revoked(client, session, event, base)
    session.flush()
    return event


def _device_gate(client: PretixClient, connection: Connection) -> int | None:
    """The gate pretix assigned this device (rules may admit per gate); an API token has none."""
    if connection.auth_kind != "device":
        return None
    gate = (client.get_json("device/info")[0].get("device") or {}).get("gate")
    return gate.get("id") if isinstance(gate, dict) else None


def _upsert_event(session: Session, connection: Connection, data: dict) -> Event:
    event = session.scalar(select(Event).where(Event.source == "pretix", Event.external_id == _event_key(connection)))
    if event is None:
        taken = session.scalar(select(Event.id).where(Event.slug == data["slug"]))
        event = Event(source="pretix", external_id=_event_key(connection),
                      slug=data["slug"] if taken is None else f"{connection.organizer}-{data['slug']}")
        session.add(event)
    for key, value in event_fields(data).items():
        setattr(event, key, value)
    event.organizer = connection.organizer
    session.flush()
    return event


def _event_key(connection: Connection) -> str:
    return f"{connection.url}#{connection.organizer}/{connection.event_slug}"


def _upsert_ticket_types(session: Session, event: Event, items: list[dict]) -> dict[str, TicketType]:
    existing = {t.external_id: t for t in session.scalars(select(TicketType).where(TicketType.event_id == event.id))}
    by_external: dict[str, TicketType] = {}
    for item in items:
        if not item.get("admission", True):
            continue
        key = str(item["id"])
        ticket_type = existing.get(key) or TicketType(event_id=event.id, external_id=key)
        ticket_type.name = (i18n(item.get("name")) or f"Product {key}")[:240]
        if ticket_type.name in {t.name for k, t in by_external.items()}:
            ticket_type.name = f"{ticket_type.name} ({key})"
        session.add(ticket_type)
        by_external[key] = ticket_type
    session.flush()
    return by_external


def _upsert_lists(session: Session, event: Event, lists: list[dict], types: dict[str, TicketType]) -> None:
    rows = session.scalars(select(CheckInList).where(CheckInList.event_id == event.id))
    existing = {check_in_list.external_id: check_in_list for check_in_list in rows}
    for data in lists:
        fields = list_fields(data)
        check_in_list = existing.get(fields["external_id"]) or CheckInList(event_id=event.id)
        for key, value in fields.items():
            setattr(check_in_list, key, value)
        check_in_list.ticket_types = [types[str(i)] for i in data.get("limit_products") or [] if str(i) in types]
        session.add(check_in_list)


def _pull_revoked(client: PretixClient, session: Session, event: Event, base: str) -> None:
    """Only secrets revoked since the newest one we have (the list only grows)."""
    known = set(session.scalars(select(RevokedSecret.secret).where(RevokedSecret.event_id == event.id)))
    newest = session.scalar(select(func.max(RevokedSecret.revoked_at)).where(RevokedSecret.event_id == event.id))
    params = {"created_since": newest.isoformat()} if newest else None
    for row in fetch_all(client, base + "revokedsecrets/", params):
        if row["secret"] not in known:
            session.add(RevokedSecret(event_id=event.id, secret=row["secret"], external_id=str(row["id"]),
                                      revoked_at=moment(row.get("created"))))
            known.add(row["secret"])


def item_texts(session: Session, event_id: int) -> dict:
    return (sync_state(session, event_id, "event").data or {}).get("item_texts", {})

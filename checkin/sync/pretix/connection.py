"""Which pretix server, organiser, event and list a local event syncs with (no secrets here)."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.store.models import Event, SyncState
from checkin.sync.pretix.client import PretixClient
from checkin.sync.pretix.credentials import TokenStore, keyring_account

SOURCE = "pretix"


@dataclass(frozen=True)
class Connection:
    url: str
    organizer: str
    event_slug: str
    auth_kind: str  # "device" or "token"
    list_id: int | None = None
    device_id: int | None = None

    @property
    def account(self) -> str:
        return keyring_account(self.url, self.organizer)

    def client(self, tokens: TokenStore, **options: object) -> PretixClient:
        return PretixClient(self.url, authorization(self.auth_kind, tokens.load(self.account)), **options)

    @property
    def event_path(self) -> str:
        return f"organizers/{self.organizer}/events/{self.event_slug}/"


def authorization(auth_kind: str, token: str) -> str:
    return f"{'Device' if auth_kind == 'device' else 'Token'} {token}"


def save_connection(session: Session, event_id: int, connection: Connection) -> None:
    state = _state(session, event_id, "connection")
    state.data = asdict(connection)


def load_connection(session: Session, event_id: int) -> Connection | None:
    state = session.scalar(select(SyncState).where(
        SyncState.source == SOURCE, SyncState.resource == "connection", SyncState.event_id == event_id))
    return Connection(**state.data) if state and state.data else None


def connected_events(session: Session) -> list[Event]:
    return list(session.scalars(
        select(Event).join(SyncState, SyncState.event_id == Event.id)
        .where(SyncState.source == SOURCE, SyncState.resource == "connection").order_by(Event.id)))


def sync_state(session: Session, event_id: int, resource: str) -> SyncState:
    return _state(session, event_id, resource)


def _state(session: Session, event_id: int, resource: str) -> SyncState:
    state = session.scalar(select(SyncState).where(
        SyncState.source == SOURCE, SyncState.resource == resource, SyncState.event_id == event_id))
    if state is None:
        state = SyncState(source=SOURCE, resource=resource, event_id=event_id, cursor="", data={})
        session.add(state)
        session.flush()
    return state


def forget_connection(session: Session, event_id: int) -> Connection | None:
    """Unlink the event from pretix (its registrations and check-ins stay); returns what was removed."""
    connection = load_connection(session, event_id)
    for state in session.scalars(select(SyncState).where(SyncState.source == SOURCE, SyncState.event_id == event_id,
                                                         SyncState.resource.in_(("connection", "orders")))):
        session.delete(state)
    return connection

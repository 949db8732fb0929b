"""What the desk window needs to know about the event it works on, read in one go."""
from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checkin.store.events import NoEventError, find_event, find_list
from checkin.store.models import CheckInList, Registration, TicketType


@dataclass(frozen=True)
class DeskSetup:
    event_id: int
    event_slug: str
    event_name: str
    timezone: str
    source: str
    list_id: int
    lists: tuple[tuple[int, str], ...]
    ticket_types: tuple[tuple[int, str], ...]
    #: The type most guests hold: what a walk-in gets unless a setting names another.
    common_ticket_type_id: int | None = None

    @property
    def list_name(self) -> str:
        return dict(self.lists).get(self.list_id, "")

    def with_list(self, list_id: int) -> DeskSetup:
        if list_id not in dict(self.lists):
            raise LookupError(f"check-in list {list_id} is not a list of {self.event_slug}")
        return replace(self, list_id=list_id)


def load_setup(session: Session, event_slug: str = "", list_id: int = 0) -> DeskSetup | None:
    """The event (by slug, else the newest) and list (by id, else the first); None if there is no event."""
    try:
        event = find_event(session, event_slug or None)
    except NoEventError:
        try:
            event = find_event(session)  # the configured event is gone: fall back to the newest
        except NoEventError:
            return None
    try:
        check_in_list = find_list(session, event, list_id or None)
    except NoEventError:
        check_in_list = find_list(session, event)
    lists = session.execute(
        select(CheckInList.id, CheckInList.name).where(CheckInList.event_id == event.id).order_by(CheckInList.id)
    ).all()
    types = session.execute(
        select(TicketType.id, TicketType.name).where(TicketType.event_id == event.id).order_by(TicketType.name)
    ).all()
    return DeskSetup(
        event.id, event.slug, event.name, event.timezone or "UTC", event.source, check_in_list.id,
        tuple((row.id, row.name) for row in lists), tuple((row.id, row.name) for row in types),
        _most_common_type(session, event.id),
    )


def _most_common_type(session: Session, event_id: int) -> int | None:
    guests = func.count(Registration.id)
    return session.scalar(select(Registration.ticket_type_id).where(
        Registration.event_id == event_id, Registration.ticket_type_id.is_not(None))
        .group_by(Registration.ticket_type_id).order_by(guests.desc(), Registration.ticket_type_id).limit(1))

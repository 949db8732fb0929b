"""Finds the event and check-in list a desk works on."""
from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.store.models import STAGING_SOURCE, CheckInList, Event


class NoEventError(LookupError):
    """There is no such event (or none at all) in the database."""


def find_event(session: Session, slug: str | None = None) -> Event:
    """The event named by ``slug``, else the newest one; never an import's hidden staging event."""
    if slug:
        event = session.scalar(select(Event).where(Event.slug == slug, Event.source != STAGING_SOURCE))
        if event is None:
            known = ", ".join(session.scalars(select(Event.slug).where(Event.source != STAGING_SOURCE)
                                              .order_by(Event.slug))) or "none"
            raise NoEventError(f"No event '{slug}' in this database (events: {known}).")
        return event
    event = session.scalar(select(Event).where(Event.source != STAGING_SOURCE)
                           .order_by(Event.created_at.desc(), Event.id.desc()).limit(1))
    if event is None:
        raise NoEventError("This database holds no event yet: run 'checkin demo', import a file or sync a server.")
    return event


def find_list(session: Session, event: Event, list_id: int | None = None) -> CheckInList:
    """The list ``list_id`` of ``event``, else the event's first list."""
    statement = select(CheckInList).where(CheckInList.event_id == event.id)
    if list_id:
        check_in_list = session.scalar(statement.where(CheckInList.id == list_id))
        if check_in_list is None:
            known = ", ".join(f"{cl.id} ({cl.name})" for cl in session.scalars(statement.order_by(CheckInList.id)))
            raise NoEventError(f"Event '{event.slug}' has no check-in list {list_id} (lists: {known or 'none'}).")
        return check_in_list
    check_in_list = session.scalar(statement.order_by(CheckInList.id).limit(1))
    if check_in_list is None:
        raise NoEventError(f"Event '{event.slug}' has no check-in list.")
    return check_in_list


def event_dates(event: Event, check_in_list: CheckInList | None = None) -> str:
    """The day of the list when it has opening hours, else the event's days, in its timezone."""
    zone = ZoneInfo(event.timezone or "UTC")
    start = (check_in_list.opens_at if check_in_list and check_in_list.opens_at else event.starts_at)
    end = (check_in_list.closes_at if check_in_list and check_in_list.opens_at else event.ends_at)
    if start is None:
        return ""
    first = start.astimezone(zone).date()
    last = end.astimezone(zone).date() if end else first
    return first.strftime("%d.%m.%Y") + ("" if last == first else " – " + last.strftime("%d.%m.%Y"))

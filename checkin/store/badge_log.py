"""Badge printing in the store: which guests to print, and the print log per guest.

Automatic printing claims a guest's badge before printing (``claim_print``), so a badge comes
out once even when two desks check the same guest in; a reprint is always an explicit claim.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session, joinedload

from checkin.core.badge_guest import BadgeGuest, custom_fields
from checkin.core.search_text import fold
from checkin.store.models import BadgePrint, Event, Registration, TicketType, utcnow

PRINTING, PRINTED, FAILED = "printing", "printed", "failed"
#: A claim older than this whose job never reported back (the app was closed) no longer blocks.
STALE_CLAIM = timedelta(minutes=5)
SORTS = ("surname", "company")


class UnknownTicketTypeError(LookupError):
    """The ticket type named for a batch does not exist in the event."""


@dataclass(frozen=True)
class PrintRecord:
    printed_at: datetime
    desk_name: str
    layout: str
    stock: str
    destination: str
    reprint: bool
    status: str
    error: str


@dataclass(frozen=True)
class PrintTarget:
    """Where and how a badge is printed, as recorded in the log."""

    desk_id: str
    desk_name: str
    layout: str
    stock: str
    destination: str


def guest_from_registration(registration: Registration, event_name: str) -> BadgeGuest:
    ticket_type = registration.ticket_type.name if registration.ticket_type else ""
    return BadgeGuest(registration.code, registration.given_name, registration.family_name, registration.title,
                      registration.company, ticket_type, event_name, custom_fields(registration.raw),
                      registration.id)


def badge_guest(session: Session, registration_id: int) -> BadgeGuest:
    row = session.execute(select(Registration, Event.name).join(Event, Event.id == Registration.event_id)
                          .where(Registration.id == registration_id)).first()
    if row is None:
        raise LookupError(f"no registration with id {registration_id}")
    return guest_from_registration(row[0], row[1])


def select_batch(session: Session, event_id: int, *, only_unprinted: bool = False, ticket_type: str | None = None,
                 sort: str = "surname") -> list[BadgeGuest]:
    """Valid registrations of the event for a batch, sorted by surname or by company then surname."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}")
    event_name = session.scalar(select(Event.name).where(Event.id == event_id)) or ""
    statement = select(Registration).where(Registration.event_id == event_id, Registration.status == "valid")
    if ticket_type is not None:
        statement = statement.where(Registration.ticket_type_id == _ticket_type_id(session, event_id, ticket_type))
    if only_unprinted:
        statement = statement.where(Registration.id.not_in(_printed_ids(event_id)))
    statement = statement.options(joinedload(Registration.ticket_type))
    guests = [guest_from_registration(r, event_name) for r in session.scalars(statement)]
    return sorted(guests, key=_company_key if sort == "company" else _surname_key)


def _surname_key(guest: BadgeGuest) -> tuple[str, str, str]:
    return fold(guest.family_name), fold(guest.given_name), guest.code


def _company_key(guest: BadgeGuest) -> tuple[bool, str, tuple[str, str, str]]:
    return not guest.company.strip(), fold(guest.company), _surname_key(guest)


def _ticket_type_id(session: Session, event_id: int, name: str) -> int:
    types = dict(session.execute(select(TicketType.name, TicketType.id).where(TicketType.event_id == event_id)).all())
    for type_name, type_id in types.items():
        if fold(type_name) == fold(name):
            return type_id
    raise UnknownTicketTypeError(f"no ticket type {name!r} in this event; known: {', '.join(sorted(types)) or 'none'}")


def _printed_ids(event_id: int, registration_id: int | None = None) -> Select[tuple[int]]:
    fresh = utcnow() - STALE_CLAIM
    statement = select(BadgePrint.registration_id).where(
        BadgePrint.event_id == event_id,
        (BadgePrint.status == PRINTED) | ((BadgePrint.status == PRINTING) & (BadgePrint.printed_at > fresh)))
    if registration_id is not None:
        statement = statement.where(BadgePrint.registration_id == registration_id)
    return statement


def printed_registration_ids(session: Session, event_id: int) -> set[int]:
    return set(session.scalars(_printed_ids(event_id)))


def claim_print(session: Session, registration_id: int, target: PrintTarget, *, reprint: bool = False,
                when: datetime | None = None) -> int | None:
    """Record that this desk prints the guest's badge now; None when it was printed already.

    With ``reprint`` the claim is always granted and logged as a reprint.
    """
    registration = session.scalar(select(Registration).where(Registration.id == registration_id)
                                  .with_for_update())
    if registration is None:
        raise LookupError(f"no registration with id {registration_id}")
    already = session.scalar(select(func.count()).select_from(
        _printed_ids(registration.event_id, registration_id).subquery()))
    if already and not reprint:
        return None
    row = BadgePrint(event_id=registration.event_id, registration_id=registration_id, desk_id=target.desk_id,
                     desk_name=target.desk_name, layout=target.layout, stock=target.stock,
                     destination=target.destination, reprint=bool(already) or reprint, status=PRINTING,
                     printed_at=when or utcnow())
    session.add(row)
    session.flush()
    return row.id


def finish_print(session: Session, print_id: int, error: str | None = None) -> None:
    """Mark a claimed print as printed, or as failed with the printer's message."""
    values = {"status": FAILED, "error": error[:2000]} if error else {"status": PRINTED}
    session.execute(update(BadgePrint).where(BadgePrint.id == print_id).values(**values))


def record_printed(session: Session, registration_ids: Iterable[int], target: PrintTarget,
                   when: datetime | None = None) -> int:
    """Log a batch as printed (e.g. ``checkin badges --mark-printed``); returns the number of rows."""
    ids = list(registration_ids)
    if not ids:
        return 0
    rows = session.execute(select(Registration.id, Registration.event_id).where(Registration.id.in_(ids))).all()
    event_ids = {event_id for _id, event_id in rows}
    printed = set().union(*(printed_registration_ids(session, event_id) for event_id in event_ids))
    when = when or utcnow()
    session.add_all(BadgePrint(event_id=event_id, registration_id=registration_id, desk_id=target.desk_id,
                               desk_name=target.desk_name, layout=target.layout, stock=target.stock,
                               destination=target.destination, reprint=registration_id in printed,
                               status=PRINTED, printed_at=when) for registration_id, event_id in rows)
    return len(rows)


def print_history(session: Session, registration_id: int) -> list[PrintRecord]:
    rows = session.scalars(select(BadgePrint).where(BadgePrint.registration_id == registration_id)
                           .order_by(BadgePrint.printed_at, BadgePrint.id))
    return [PrintRecord(r.printed_at, r.desk_name, r.layout, r.stock, r.destination, r.reprint, r.status, r.error)
            for r in rows]


def longest_guests(session: Session, event_id: int, limit: int = 3) -> list[BadgeGuest]:
    """The guests with the longest names and the longest company, for previewing a layout."""
    event_name = session.scalar(select(Event.name).where(Event.id == event_id)) or ""
    by_name = select(Registration).where(Registration.event_id == event_id).order_by(
        (func.length(Registration.given_name) + func.length(Registration.family_name)).desc()).limit(limit)
    by_company = select(Registration).where(Registration.event_id == event_id).order_by(
        func.length(Registration.company).desc()).limit(1)
    seen: dict[int, BadgeGuest] = {}
    for registration in [*session.scalars(by_name), *session.scalars(by_company)]:
        seen.setdefault(registration.id, guest_from_registration(registration, event_name))
    return list(seen.values())

"""One guest in full, for the desk's details view: every field, notes, and the check-in log."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.store.models import CheckIn, Desk, Registration, utcnow
from checkin.store.status import presence


@dataclass(frozen=True)
class LogLine:
    check_in_id: int
    happened_at: datetime
    desk: str
    direction: str
    outcome: str
    source: str
    undone: bool

    @property
    def undoable(self) -> bool:
        return self.outcome == Outcome.OK.value and not self.undone


@dataclass(frozen=True)
class GuestDetails:
    registration_id: int
    code: str
    title: str
    given_name: str
    family_name: str
    display_name: str
    company: str
    email: str
    ticket_type: str
    status: str
    attention: bool
    attention_text: str
    notes: str
    walk_in: bool
    source: str
    valid_from: datetime | None
    valid_until: datetime | None
    checked_in_at: datetime | None
    log: tuple[LogLine, ...]

    @property
    def last_undoable(self) -> LogLine | None:
        return next((line for line in reversed(self.log) if line.undoable), None)


def guest_details(session: Session, registration_id: int, list_id: int) -> GuestDetails:
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise LookupError(f"no registration {registration_id}")
    rows = session.execute(
        select(CheckIn, Desk.name).join(Desk)
        .where(CheckIn.registration_id == registration_id, CheckIn.check_in_list_id == list_id)
        .order_by(CheckIn.happened_at, CheckIn.id)
    ).all()
    log = tuple(
        LogLine(row.id, row.happened_at, desk, row.direction, row.outcome, row.source, row.reverted_by_id is not None)
        for row, desk in rows
    )
    ticket_type = registration.ticket_type
    return GuestDetails(
        registration.id, registration.code, registration.title, registration.given_name, registration.family_name,
        registration.display_name or registration.code, registration.company, registration.email,
        ticket_type.name if ticket_type else "", registration.status, registration.attention,
        registration.attention_text, registration.notes, registration.walk_in, registration.source,
        registration.valid_from, registration.valid_until,
        presence(session, [registration_id], list_id).get(registration_id), log,
    )


def set_notes(session: Session, registration_id: int, notes: str) -> None:
    """Notes are not searched, so no reindex is needed."""
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise LookupError(f"no registration {registration_id}")
    registration.notes = notes
    registration.updated_at = utcnow()

"""Who attended: one row per guest admitted on a check-in list, sorted by surname.

The same rows feed the CSV/XLSX exports and the PDF attendance list (Teilnehmerliste).
"""
from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.core.search_text import fold
from checkin.store.models import CheckIn, CheckInList, Desk, Event, Registration, TicketType


@dataclass(frozen=True)
class Attendee:
    title: str
    given_name: str
    family_name: str
    organisation: str
    ticket_type: str
    first_check_in: datetime
    desks: tuple[str, ...]
    walk_in: bool

    @property
    def list_name(self) -> str:
        """``Müller, Dr. Anna``: surname first, as the list is sorted."""
        first = " ".join(p for p in (self.title, self.given_name) if p)
        return ", ".join(p for p in (self.family_name, first) if p)

    def sort_key(self) -> tuple:
        return (fold(self.family_name), fold(self.given_name), self.family_name, self.given_name,
                fold(self.organisation), self.first_check_in)


def attendees(session: Session, event_id: int, list_id: int | None = None) -> list[Attendee]:
    """Guests with an accepted, not undone entry (on ``list_id``, or any list of the event)."""
    statement = (
        select(CheckIn.registration_id, CheckIn.happened_at, Desk.name)
        .join(Desk, CheckIn.desk_id == Desk.id)
        .where(CheckIn.event_id == event_id, CheckIn.outcome == Outcome.OK.value,
               CheckIn.reverted_by_id.is_(None), CheckIn.direction == "entry",
               CheckIn.registration_id.is_not(None))
    )
    if list_id is not None:
        statement = statement.where(CheckIn.check_in_list_id == list_id)
    first: dict[int, datetime] = {}
    desks: dict[int, set[str]] = {}
    for registration_id, happened_at, desk in session.execute(statement):
        first[registration_id] = min(happened_at, first.get(registration_id, happened_at))
        desks.setdefault(registration_id, set()).add(desk)
    rows = _registrations(session, list(first))
    return sorted((Attendee(r.title, r.given_name, r.family_name, r.company, ticket or "", first[r.id],
                            tuple(sorted(desks[r.id])), r.walk_in) for r, ticket in rows), key=Attendee.sort_key)


def _registrations(session: Session, ids: Sequence[int]) -> Iterable[tuple[Registration, str | None]]:
    for start in range(0, len(ids), 900):
        yield from session.execute(
            select(Registration, TicketType.name).outerjoin(TicketType, Registration.ticket_type_id == TicketType.id)
            .where(Registration.id.in_(ids[start:start + 900])))


def lists_of(session: Session, event: Event, list_id: int | None) -> list[CheckInList]:
    statement = select(CheckInList).where(CheckInList.event_id == event.id).order_by(CheckInList.id)
    if list_id is not None:
        statement = statement.where(CheckInList.id == list_id)
    return list(session.scalars(statement))


def local_time(moment: datetime, timezone: str) -> str:
    return moment.astimezone(ZoneInfo(timezone or "UTC")).strftime("%d.%m.%Y %H:%M")


def digest_lines(rows: Sequence[Attendee], timezone: str) -> list[str]:
    """The lines the SHA-256 on the printed list covers (documented on the list itself):
    number, name, organisation and check-in time as printed, tab-separated, NFC, each ending in LF."""
    return [unicodedata.normalize("NFC", f"{number}\t{row.list_name}\t{row.organisation}\t"
                                  f"{local_time(row.first_check_in, timezone)}\n")
            for number, row in enumerate(rows, start=1)]


def attendance_digest(rows: Sequence[Attendee], timezone: str) -> str:
    digest = hashlib.sha256()
    for line in digest_lines(rows, timezone):
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()

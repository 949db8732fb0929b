"""The attendance report for the file route: registered vs attended vs no-shows vs walk-ins,
per ticket type and per desk, and arrivals over time (what a funder's final report asks for).

Registered: guests from the guest list (not walk-ins), not cancelled. Attended: those with an
accepted, not undone entry. Walk-ins: guests registered at a desk who were admitted.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.store.models import CheckIn, CheckInList, Desk, Event, Registration, TicketType

NO_TICKET_TYPE = "(ohne / none)"


@dataclass
class Row:
    """Counts of a ticket type, or of the whole event."""

    name: str
    registered: int = 0
    attended: int = 0
    walk_ins: int = 0

    @property
    def no_shows(self) -> int:
        return self.registered - self.attended

    def as_json(self) -> dict:
        return {**asdict(self), "no_shows": self.no_shows}


@dataclass
class DeskRow:
    """What happened at one desk; ``attended`` counts registered guests whose first entry was here."""

    name: str
    check_ins: int = 0
    attended: int = 0
    walk_ins: int = 0
    refused_scans: int = 0
    undone: int = 0

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class AttendanceReport:
    event: str
    event_slug: str
    check_in_list: str
    timezone: str
    total: Row
    ticket_types: list[Row] = field(default_factory=list)
    desks: list[DeskRow] = field(default_factory=list)
    #: (start of the slot in the event's timezone, first arrivals in it)
    arrivals: list[tuple[datetime, int]] = field(default_factory=list)
    slot_minutes: int = 15

    def as_json(self) -> dict:
        return {"event": self.event_slug, "event_name": self.event, "check_in_list": self.check_in_list,
                **{k: v for k, v in self.total.as_json().items() if k != "name"},
                **{key: sum(getattr(desk, key) for desk in self.desks)
                   for key in ("check_ins", "refused_scans", "undone")},
                "ticket_types": [r.as_json() for r in self.ticket_types], "desks": [r.as_json() for r in self.desks],
                "slot_minutes": self.slot_minutes,
                "arrivals": [{"from": start.isoformat(), "arrivals": n} for start, n in self.arrivals]}


@dataclass(frozen=True)
class _Guest:
    ticket_type: str
    walk_in: bool


def attendance_report(session: Session, event: Event, list_id: int | None = None, list_name: str = "") -> AttendanceReport:
    guests = _guests(session, event.id, _admitted_types(session, list_id))
    first, by_desk = _check_ins(session, event.id, list_id, guests)
    report = AttendanceReport(event.name, event.slug, list_name, event.timezone, Row("Total"))
    types: dict[str, Row] = {}
    for registration_id, guest in guests.items():
        row = types.setdefault(guest.ticket_type, Row(guest.ticket_type))
        arrived = registration_id in first
        for target in (row, report.total):
            target.registered += not guest.walk_in
            target.attended += arrived and not guest.walk_in
            target.walk_ins += arrived and guest.walk_in
    report.ticket_types = sorted(types.values(), key=lambda r: (r.name == NO_TICKET_TYPE, r.name.casefold()))
    report.desks = sorted(by_desk.values(), key=lambda r: r.name.casefold())
    report.slot_minutes, report.arrivals = arrival_slots(sorted(m for m, _ in first.values()), event.timezone)
    return report


def _guests(session: Session, event_id: int, ticket_type_ids: set[int] | None) -> dict[int, _Guest]:
    """Guests that count as registered (for a list: those whose ticket it admits; walk-ins always)."""
    statement = (select(Registration.id, Registration.walk_in, TicketType.name)
                 .outerjoin(TicketType, Registration.ticket_type_id == TicketType.id)
                 .where(Registration.event_id == event_id, Registration.status != "cancelled"))
    if ticket_type_ids is not None:
        statement = statement.where(Registration.walk_in.is_(True) | Registration.ticket_type_id.in_(ticket_type_ids))
    return {rid: _Guest(ticket or NO_TICKET_TYPE, bool(walk_in)) for rid, walk_in, ticket in session.execute(statement)}


def _admitted_types(session: Session, list_id: int | None) -> set[int] | None:
    """The ticket types a list admits; None for all (or no list)."""
    check_in_list = session.get(CheckInList, list_id) if list_id is not None else None
    if check_in_list is None or check_in_list.all_ticket_types:
        return None
    return {ticket_type.id for ticket_type in check_in_list.ticket_types}


def _check_ins(session: Session, event_id: int, list_id: int | None,
               guests: dict[int, _Guest]) -> tuple[dict[int, tuple[datetime, str]], dict[str, DeskRow]]:
    """First accepted entry per guest (moment, desk), and the desks' counts."""
    statement = (select(CheckIn.registration_id, CheckIn.happened_at, CheckIn.outcome, CheckIn.reverted_by_id,
                        CheckIn.direction, Desk.name).join(Desk, CheckIn.desk_id == Desk.id)
                 .where(CheckIn.event_id == event_id))
    if list_id is not None:
        statement = statement.where(CheckIn.check_in_list_id == list_id)
    first: dict[int, tuple[datetime, str]] = {}
    desks: dict[str, DeskRow] = {}
    for registration_id, happened_at, outcome, reverted_by, direction, desk in session.execute(statement):
        row = desks.setdefault(desk, DeskRow(desk))
        if outcome == Outcome.UNDO.value:
            row.undone += 1
        elif outcome != Outcome.OK.value:
            row.refused_scans += 1
        elif reverted_by is None and direction == "entry" and registration_id in guests:
            row.check_ins += 1
            if registration_id not in first or happened_at < first[registration_id][0]:
                first[registration_id] = (happened_at, desk)
    for registration_id, (_moment, desk) in first.items():
        walk_in = guests[registration_id].walk_in
        desks[desk].attended += not walk_in
        desks[desk].walk_ins += walk_in
    return first, desks


def arrival_slots(moments: list[datetime], timezone: str) -> tuple[int, list[tuple[datetime, int]]]:
    """Arrivals per slot from the first to the last, empty slots included; 15-minute slots for
    a day, hourly beyond 12 hours, daily beyond 4 days."""
    if not moments:
        return 15, []
    zone = ZoneInfo(timezone or "UTC")
    local = [moment.astimezone(zone) for moment in moments]
    span = local[-1] - local[0]
    minutes = 15 if span <= timedelta(hours=12) else 60 if span <= timedelta(days=4) else 24 * 60
    counts = Counter(_slot_start(moment, minutes) for moment in local)
    slot, last, slots = min(counts), max(counts), []
    while slot <= last:
        slots.append((slot, counts.get(slot, 0)))
        slot = _slot_start((slot + timedelta(minutes=minutes)).astimezone(zone), minutes)
    return minutes, slots


def _slot_start(moment: datetime, minutes: int) -> datetime:
    if minutes >= 24 * 60:
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    of_day = moment.hour * 60 + moment.minute
    start = of_day - of_day % minutes
    return moment.replace(hour=start // 60, minute=start % 60, second=0, microsecond=0)


def purge_aggregates(session: Session, event: Event) -> dict:
    """The anonymous figures a purge keeps (``keep_aggregates``), so this report still works after it."""
    report = attendance_report(session, event).as_json()
    return {key: report[key] for key in ("registered", "attended", "no_shows", "walk_ins", "check_ins",
                                         "ticket_types", "desks", "arrivals", "slot_minutes")}

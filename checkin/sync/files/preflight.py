"""What an organiser decides and sees between mapping the columns and writing: the file's
ticket-type spellings against the event's types, its status words against the event's statuses,
and the suspicious values."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checkin.store.models import Registration, TicketType
from checkin.sync.files.importer import target_event
from checkin.sync.files.mapping import ColumnMapping
from checkin.sync.files.status_mapping import propose as propose_statuses
from checkin.sync.files.status_mapping import remembered_statuses, statuses_in
from checkin.sync.files.suspicious import Suspicion, find_suspicious
from checkin.sync.files.table import Table
from checkin.sync.files.type_mapping import propose, remembered_types, spellings_in


@dataclass(frozen=True)
class Preflight:
    spellings: Counter[str]  # ticket-type spelling in the file → guests
    event_types: tuple[str, ...]  # the event's types, the most used first
    choices: dict[str, str]  # spelling → event type (CREATE_NEW: a new type), remembered or guessed
    suspicions: list[Suspicion]
    statuses: Counter[str] = field(default_factory=Counter)  # status word in the file → guests
    status_choices: dict[str, str] = field(default_factory=dict)  # word → event status (UNKNOWN: none yet)


def preflight(session: Session, table: Table, mapping: ColumnMapping, event_name: str) -> Preflight:
    """Reads only: the import itself decides nothing from this but the choices the person confirms."""
    column = mapping.get("ticket_type")
    spellings = spellings_in(cells[column] for _line, cells in table.rows) if column is not None else Counter()
    types = event_types(session, event_name)
    status_column = mapping.get("status")
    statuses = statuses_in(cells[status_column] for _line, cells in table.rows) if status_column is not None \
        else Counter()
    return Preflight(spellings, types, propose(spellings, types, remembered_types(session, table.headers)),
                     find_suspicious(table, mapping), statuses,
                     propose_statuses(statuses, remembered_statuses(session, table.headers)))


def event_types(session: Session, event_name: str) -> tuple[str, ...]:
    """The ticket types of the event an import under this name goes to, the most used first."""
    event = target_event(session, event_name)
    return ticket_types_by_use(session, event.id) if event is not None else ()


def ticket_types_by_use(session: Session, event_id: int) -> tuple[str, ...]:
    guests = func.count(Registration.id)
    rows = session.execute(
        select(TicketType.name, guests).outerjoin(Registration, Registration.ticket_type_id == TicketType.id)
        .where(TicketType.event_id == event_id).group_by(TicketType.id, TicketType.name)
        .order_by(guests.desc(), TicketType.name))
    return tuple(name for name, _count in rows)

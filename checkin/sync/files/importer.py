"""Imports a guest list into an event in one transaction: all of it, or nothing."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from checkin.core.decision import GuestStatus
from checkin.core.search_text import words
from checkin.store.bulk import collector_paused
from checkin.store.database import Database
from checkin.store.models import CheckInList, Event, Registration, TicketType
from checkin.store.registrations import RegistrationLoader, new_code, new_codes, reindex
from checkin.sync.files.errors import FileImportError, Problem
from checkin.sync.files.mapping import HEADER_HINTS, ColumnMapping, check_mapping, mapping_for, remember_mapping
from checkin.sync.files.merge import FILE_SOURCE, Merger, Plan, fields_of, load_existing
from checkin.sync.files.rows import RowChecker
from checkin.sync.files.status_mapping import remember_statuses, statuses_for, with_statuses
from checkin.sync.files.table import Table, read_table
from checkin.sync.files.type_mapping import remember_types, remembered_types, with_types

DEFAULT_LIST = "Entrance"
_UPDATE_BATCH = 500
#: Rows checked, merged and written at a time (the store's insert batch).
_PART = 5000


@dataclass
class ImportSummary:
    file: str
    event: str
    event_id: int | None
    dry_run: bool
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    ticket_types_created: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    encoding: str = ""
    delimiter: str = ""
    header_line: int = 0
    #: The file's status words → the event's statuses (valid, unpaid, cancelled) they became.
    statuses: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class ImportRequest:
    """What to import where. ``mapping`` None means the remembered or guessed one; ``ticket_types``
    (file spelling → event type name) None means the one remembered for this header, if any;
    ``statuses`` (file word → event status) wins over the remembered and guessed ones."""

    table: Table
    event_name: str
    mapping: ColumnMapping | None = None
    dry_run: bool = False
    code_factory: Callable[[], str] = new_code
    ticket_types: Mapping[str, str] | None = None
    statuses: Mapping[str, str] | None = None
    #: Called after each part with (rows done, rows); may raise to cancel (all is rolled back).
    on_part: Callable[[int, int], None] | None = None


def slug_for(name: str) -> str:
    return "-".join(words(name))[:120] or "event"


def import_table(database: Database, request: ImportRequest) -> ImportSummary:
    """Merge the table's guests into the event (created if new). Raises FileImportError; then
    the database is exactly as before."""
    with collector_paused():
        return _import_in_transaction(database, request)


def _import_in_transaction(database: Database, request: ImportRequest) -> ImportSummary:
    session = database.session_factory()
    transaction = session.begin()
    try:
        summary = _import(session, request)
        transaction.rollback() if request.dry_run else transaction.commit()
        return summary
    except SQLAlchemyError as error:
        transaction.rollback()
        reason = str(getattr(error, "orig", error)).splitlines()[0]
        raise FileImportError.single(request.table.name, f"the database refused the import ({reason})") from None
    except BaseException:
        transaction.rollback()
        raise
    finally:
        session.close()


def _import(session: Session, request: ImportRequest) -> ImportSummary:
    """Check, merge and write the file part by part in the caller's transaction.

    Each part is written as soon as it is checked, so the database's work on one part (the
    search tokens run on a second thread) overlaps the checking of the next. A problem anywhere
    stops the writing but not the checking: the error lists the file's problems (up to
    MAX_PROBLEMS) and the caller rolls the whole transaction back.
    """
    table = request.table
    mapping = request.mapping if request.mapping is not None else mapping_for(session, table.name, table.headers)
    reason = check_mapping(mapping)
    if reason:
        raise FileImportError.single(table.name, reason, line=table.header_line)
    event = _event(session, request.event_name)
    checker, merger = RowChecker(table, mapping), Merger(load_existing(session, event.id))
    ticket_types = _TicketTypes(session, event)
    choices = request.ticket_types if request.ticket_types is not None else remembered_types(session, table.headers)
    statuses = statuses_for(session, table, mapping, request.statuses)
    problems: list[Problem] = []
    imported = updated = unchanged = 0
    with RegistrationLoader(session, event.id, len(table.rows)) as loader:
        for start in range(0, len(table.rows), _PART):
            rows, found = checker.check(table.rows[start:start + _PART])
            rows = with_statuses(with_types(rows, choices), statuses)
            problems.extend(found)
            if checker.full:
                break
            if problems:
                continue  # nothing more is written; the rest is only checked
            ticket_type_ids = ticket_types.ids_for({row.ticket_type for row in rows} - {""})
            plan = merger.plan(rows, ticket_type_ids)
            problems.extend(_taken_codes(session, event.id, plan, table.name))
            if problems:
                continue
            _apply(session, loader, plan, ticket_type_ids, request.code_factory)
            imported, updated, unchanged = (imported + len(plan.new), updated + len(plan.updated),
                                            unchanged + len(plan.unchanged))
            if request.on_part is not None:
                request.on_part(min(start + _PART, len(table.rows)), len(table.rows))
        if problems:
            raise FileImportError(problems)
    remember_mapping(session, table.name, table.headers, mapping, event.id)
    if request.ticket_types is not None:
        remember_types(session, table.headers, request.ticket_types, event.id)
    remember_statuses(session, table.headers, statuses, event.id)
    return ImportSummary(
        file=table.name, event=event.slug, event_id=event.id, dry_run=request.dry_run, imported=imported,
        updated=updated, unchanged=unchanged,
        missing=[{"name": " ".join(filter(None, (g.values["given_name"], g.values["family_name"]))),
                  "email": g.values["email"], "code": g.values["code"], "checked_in": g.checked_in}
                 for g in merger.missing()],
        ticket_types_created=sorted(ticket_types.created), mapping={key: table.headers[i] for key, i in mapping.items()},
        encoding=table.encoding, delimiter=table.delimiter, header_line=table.header_line, statuses=statuses,
    )


def _event(session: Session, name: str) -> Event:
    slug = slug_for(name)
    event = session.scalar(select(Event).where((Event.slug == name) | (Event.slug == slug) | (Event.name == name)))
    if event is None:
        event = Event(source=FILE_SOURCE, slug=slug, name=name)
        session.add(event)
        session.flush()
    event.purged_at = None  # it holds personal data again: the retention reminder applies
    if session.scalar(select(CheckInList.id).where(CheckInList.event_id == event.id).limit(1)) is None:
        session.add(CheckInList(event_id=event.id, name=DEFAULT_LIST, all_ticket_types=True))
    return event


class _TicketTypes:
    """The event's ticket types by name; a name the file brings is created when a part first uses it."""

    def __init__(self, session: Session, event: Event):
        self._session, self._event = session, event
        self._ids = {t.name: t.id for t in session.scalars(select(TicketType).where(TicketType.event_id == event.id))}
        self.created: list[str] = []

    def ids_for(self, names: set[str]) -> dict[str, int]:
        for name in sorted(names - set(self._ids)):
            ticket_type = TicketType(event_id=self._event.id, name=name)
            self._session.add(ticket_type)
            self._session.flush()
            self._ids[name] = ticket_type.id
            self.created.append(name)
        return self._ids


def _taken_codes(session: Session, event_id: int, plan: Plan, file_name: str) -> list[Problem]:
    """A problem for each code in the plan that another guest of the event holds already."""
    wanted = {row.code: row.line for row in plan.new if row.code}
    wanted.update({row.code: row.line for row, guest in plan.updated if row.code and row.code != guest.values["code"]})
    if not wanted:
        return []
    taken: set[str] = set()
    codes = list(wanted)
    for start in range(0, len(codes), _UPDATE_BATCH):
        taken.update(session.scalars(select(Registration.code).where(
            Registration.event_id == event_id, Registration.code.in_(codes[start:start + _UPDATE_BATCH]))))
    return [Problem(file_name, f"the code '{code}' already belongs to another guest of this event", wanted[code], "Code")
            for code in sorted(taken, key=wanted.get)]


def _apply(session: Session, loader: RegistrationLoader, plan: Plan, ticket_type_ids: dict[str, int],
           code_factory: Callable[[], str]) -> None:
    without_code = sum(1 for row in plan.new if not row.code)
    codes = iter(new_codes(without_code) if code_factory is new_code else [code_factory() for _ in range(without_code)])
    new_rows = []
    for row in plan.new:
        values = fields_of(row, ticket_type_ids)
        values["source"] = FILE_SOURCE
        values.setdefault("status", GuestStatus.VALID.value)  # every row the same keys (PostgreSQL's executemany)
        if not row.code:
            values["code"] = next(codes)
        new_rows.append(values)
    loader.add(new_rows)
    for start in range(0, len(plan.updated), _UPDATE_BATCH):
        batch = plan.updated[start:start + _UPDATE_BATCH]
        by_id = {r.id: r for r in session.scalars(select(Registration).where(
            Registration.id.in_([guest.id for _row, guest in batch])))}
        for row, guest in batch:
            for key, value in fields_of(row, ticket_type_ids).items():
                setattr(by_id[guest.id], key, value)
        reindex(session, by_id.values())


def read_and_import(database: Database, path: Path, event_name: str | None = None, *, dry_run: bool = False,
                    mapping: ColumnMapping | None = None,
                    statuses: Mapping[str, str] | None = None) -> ImportSummary:
    """Read ``path`` and import it; the event defaults to one named after the file."""
    table = read_table(path, HEADER_HINTS)
    table.name = readable_file_name(table.name)
    name = event_name or re.sub(r"[_]+", " ", readable_file_name(path.stem)).strip() or "Imported guests"
    return import_table(database, ImportRequest(table, name, mapping, dry_run, statuses=statuses))


def readable_file_name(name: str) -> str:
    """A file name as text the database can store: bytes that are not UTF-8 (Linux allows them
    in names; Python hands them over as lone surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")

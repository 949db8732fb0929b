"""Imports a guest list into an event: all of it, or nothing.

The file is checked and merged part by part; each part is written in short transactions of an
import run, invisible until the run is published (checkin/store/import_runs.py), so a desk
scanning meanwhile waits for one short transaction at most, never for the whole import.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from checkin.core.decision import GuestStatus
from checkin.core.search_text import words
from checkin.store.bulk import collector_paused
from checkin.store.database import Database
from checkin.store.import_publish import PublishConflict, recover
from checkin.store.import_runs import DEFAULT_LIST
from checkin.store.models import STAGING_SOURCE, Event, Registration, TicketType
from checkin.store.registrations import PreparedRows, new_code, new_codes, prepare_registrations
from checkin.sync.files.errors import FileImportError, Problem
from checkin.sync.files.mapping import HEADER_HINTS, ColumnMapping, check_mapping, mapping_for, remember_mapping
from checkin.sync.files.merge import FILE_SOURCE, Merger, Plan, fields_of, load_existing
from checkin.sync.files.rows import RowChecker
from checkin.sync.files.staging import DryRun, Staging, Submit, writer
from checkin.sync.files.status_mapping import remember_statuses, statuses_for, with_statuses
from checkin.sync.files.table import Table, read_table
from checkin.sync.files.type_mapping import remember_types, remembered_types, with_types

__all__ = ["DEFAULT_LIST", "ImportRequest", "ImportSummary", "import_table", "read_and_import", "slug_for",
           "target_event"]
_UPDATE_BATCH = 500
#: Rows checked, merged and written at a time.
_PART = 2500


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
    #: Called after each part with (rows done, rows); may raise to cancel (nothing is kept).
    on_part: Callable[[int, int], None] | None = None
    #: Where the writes run (each a short transaction); None: a thread of the import's own.
    submit: Submit | None = None


def slug_for(name: str) -> str:
    return "-".join(words(name))[:120] or "event"


def import_table(database: Database, request: ImportRequest) -> ImportSummary:
    """Merge the table's guests into the event (created if new). Raises FileImportError; then
    the database holds nothing of the file.

    Written in short transactions (a desk scanning meanwhile waits at most for one of them),
    kept invisible until the last part is checked and written, then published.
    """
    with collector_paused():
        try:
            recover(database.engine, writer(database, request.submit))  # what a crashed import left
            return _import(database, request)
        except (SQLAlchemyError, PublishConflict) as error:
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            raise FileImportError.single(request.table.name,
                                         f"the database refused the import ({reason})") from None


def _import(database: Database, request: ImportRequest) -> ImportSummary:
    """Check, merge and stage the file part by part, then publish.

    Each part is handed to the writing thread as soon as it is checked, so the database's work
    on one part overlaps the checking of the next. A problem anywhere stops the writing but not
    the checking: the error lists the file's problems (up to MAX_PROBLEMS) and what was staged
    is discarded.
    """
    table = request.table
    with database.reader() as session:
        mapping = request.mapping if request.mapping is not None else mapping_for(session, table.name, table.headers)
        reason = check_mapping(mapping)
        if reason:
            raise FileImportError.single(table.name, reason, line=table.header_line)
        target = target_event(session, request.event_name)
        existing = load_existing(session, target.id) if target is not None else []
        type_ids = ({t.name: t.id for t in session.scalars(select(TicketType).where(TicketType.event_id == target.id))}
                    if target is not None else {})
        choices = request.ticket_types if request.ticket_types is not None else remembered_types(session, table.headers)
        statuses = statuses_for(session, table, mapping, request.statuses)
    slug = target.slug if target is not None else slug_for(request.event_name)
    sink = (DryRun(target) if request.dry_run else
            Staging(database, target, slug, request.event_name, table.name, request.submit))
    merger = Merger(existing)
    try:
        counts, created = _stage_parts(database, request, sink, merger, mapping, choices, statuses, type_ids)
        sink.finish(partial(_remember, request=request, mapping=mapping, statuses=statuses))
    except BaseException:
        sink.abandon()
        raise
    return ImportSummary(
        file=table.name, event=slug, event_id=sink.event_id, dry_run=request.dry_run, imported=counts[0],
        updated=counts[1], unchanged=counts[2],
        missing=[{"name": " ".join(filter(None, (g.values["given_name"], g.values["family_name"]))),
                  "email": g.values["email"], "code": g.values["code"], "checked_in": g.checked_in}
                 for g in merger.missing()],
        ticket_types_created=sorted(created), mapping={key: table.headers[i] for key, i in mapping.items()},
        encoding=table.encoding, delimiter=table.delimiter, header_line=table.header_line, statuses=statuses,
    )


def _stage_parts(database: Database, request: ImportRequest, sink: Staging | DryRun, merger: Merger,
                 mapping: ColumnMapping, choices: Mapping[str, str], statuses: Mapping[str, str],
                 type_ids: dict[str, int]) -> tuple[list[int], list[str]]:
    """Check every part; stage those before the first problem. Raises FileImportError."""
    table, target_id = request.table, sink.target_id
    checker = RowChecker(table, mapping)
    codes = _code_source(request.code_factory, len(table.rows))
    problems: list[Problem] = []
    counts, created = [0, 0, 0], []
    for start in range(0, len(table.rows), _PART):
        rows, found = checker.check(table.rows[start:start + _PART])
        rows = with_statuses(with_types(rows, choices), statuses)
        problems.extend(found)
        if checker.full:
            break
        if problems:
            continue  # nothing more is written; the rest is only checked
        names = sorted({row.ticket_type for row in rows} - {""} - set(type_ids))
        if names:
            type_ids.update(sink.create_types(names))
            created.extend(names)
        plan = merger.plan(rows, type_ids)
        if target_id is not None:
            with database.reader() as session:
                problems.extend(_taken_codes(session, target_id, plan, table.name))
        if problems:
            continue
        sink.stage(*_prepared(database, sink.staging_id, plan, type_ids, codes))
        counts = [counts[0] + len(plan.new), counts[1] + len(plan.updated), counts[2] + len(plan.unchanged)]
        if request.on_part is not None:
            request.on_part(min(start + _PART, len(table.rows)), len(table.rows))
    if problems:
        raise FileImportError(problems)
    return counts, created


def _remember(session: Session, event_id: int, request: ImportRequest, mapping: ColumnMapping,
              statuses: Mapping[str, str]) -> None:
    table = request.table
    remember_mapping(session, table.name, table.headers, mapping, event_id)
    if request.ticket_types is not None:
        remember_types(session, table.headers, request.ticket_types, event_id)
    remember_statuses(session, table.headers, statuses, event_id)


def target_event(session: Session, name: str) -> Event | None:
    """The event an import under this name goes to (by slug or name), None for a new one."""
    return session.scalar(select(Event).where(
        (Event.slug == name) | (Event.slug == slug_for(name)) | (Event.name == name), Event.source != STAGING_SOURCE))


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


def _code_source(code_factory: Callable[[], str], rows: int) -> Iterator[str]:
    """Codes for the guests the file brings without one: generated ones in ascending order.

    Each is as random as ever (100 bits); handed out in order, they go into the code indexes
    at the end instead of all over them, so each part's short transaction rewrites a few index
    pages instead of most of them (a third less work for a 100,000-guest import).
    """
    if code_factory is new_code:
        return iter(sorted(new_codes(rows)))
    return iter(code_factory, None)


def _prepared(database: Database, staging_id: int, plan: Plan, ticket_type_ids: dict[str, int],
              codes: Iterator[str]) -> tuple[PreparedRows, list[tuple[int, dict]]]:
    """The part's new guests, ready to insert under the staging event, and its changes to stored guests."""
    new_rows = []
    for row in plan.new:
        values = fields_of(row, ticket_type_ids)
        values["source"] = FILE_SOURCE
        values.setdefault("status", GuestStatus.VALID.value)  # every row the same keys (PostgreSQL's executemany)
        if not row.code:
            values["code"] = next(codes)
        new_rows.append(values)
    updates = [(guest.id, fields_of(row, ticket_type_ids)) for row, guest in plan.updated]
    return prepare_registrations(database.engine, staging_id, new_rows), updates


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

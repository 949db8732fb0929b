"""Attendance as CSV (UTF-8 with BOM and ';', so German Excel opens it right) and XLSX."""
from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checkin.core.spreadsheet import spreadsheet_safe
from checkin.reports.attendance import Attendee, attendees, lists_of, local_time
from checkin.reports.attendance_pdf import ListHeader, Section, write_attendance_pdf
from checkin.store.database import Database
from checkin.store.events import event_dates, find_event
from checkin.store.models import CheckInList, Event, utcnow
from checkin.store.purge import refuse_purged

if TYPE_CHECKING:  # openpyxl is loaded only when an XLSX file is written
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

COLUMNS = ("Nachname / Last name", "Vorname / First name", "Titel / Title", "Organisation", "Ticketart / Ticket type",
           "Erster Check-in / First check-in", "Desks", "Walk-in")


def values_of(row: Attendee, timezone: str) -> list[str]:
    return [row.family_name, row.given_name, row.title, row.organisation, row.ticket_type,
            local_time(row.first_check_in, timezone), ", ".join(row.desks), "ja / yes" if row.walk_in else ""]


def write_csv(path: Path, rows: Sequence[Attendee], timezone: str) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows(_safe(values_of(row, timezone)) for row in rows)


def write_xlsx(path: Path, rows: Sequence[Attendee], timezone: str, title: str = "Teilnehmer") -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31] or "Teilnehmer")
    for width, letter in zip((22, 18, 10, 30, 18, 18, 18, 8), "ABCDEFGH"):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = [WriteOnlyCell(sheet, value=text) for text in COLUMNS]
    for cell in header:
        cell.font = bold
    sheet.append(header)
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in values_of(row, timezone)])
    workbook.save(path)


def _text_cell(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # never a formula, whatever the guest typed as their name
    return cell


def _safe(values: list[str]) -> list[str]:
    return [spreadsheet_safe(value) for value in values]


def export_attendance(database: Database, event_slug: str | None, fmt: str, out: Path, list_id: int | None = None,
                      language: str = "de") -> dict:
    """Write the attendance of an event (one list or all) as csv, xlsx or pdf; returns a summary."""
    with database.reader() as session:
        event = find_event(session, event_slug)
        refuse_purged(event)
        lists = lists_of(session, event, list_id)
        if list_id is not None and not lists:
            raise LookupError(f"event '{event.slug}' has no check-in list {list_id}")
        if fmt == "pdf":
            sections = [Section(list_header(event, cl), attendees(session, event.id, cl.id)) for cl in lists]
        else:
            rows = attendees(session, event.id, list_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "pdf":
        pages = write_attendance_pdf(out, sections, utcnow(), language)
        return {"file": str(out), "event": event.slug, "format": fmt, "pages": pages,
                "lists": [{"id": cl.id, "name": cl.name, "attendees": len(s.rows)} for cl, s in zip(lists, sections)]}
    (write_csv if fmt == "csv" else write_xlsx)(out, rows, event.timezone)
    return {"file": str(out), "event": event.slug, "format": fmt, "attendees": len(rows)}


def list_header(event: Event, check_in_list: CheckInList) -> ListHeader:
    return ListHeader(event=event.name, dates=event_dates(event, check_in_list), place=event.location,
                      organiser=event.organizer, funding_programme=event.funding_programme,
                      project_number=event.project_number, list_name=check_in_list.name, timezone=event.timezone)

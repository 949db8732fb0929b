"""Builders the file-route tests share: guest lists written as real files, imported, checked in."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from checkin.store.models import CheckInList, Event, Registration
from checkin.sync.files.importer import read_and_import

HEADER = ["Vorname", "Nachname", "Firma", "E-Mail", "Ticketart"]


def delimited(rows: list[list[str]], delimiter: str = ";") -> str:
    def quote(cell: str) -> str:
        if any(ch in cell for ch in (delimiter, '"', "\n")):
            return '"' + cell.replace('"', '""') + '"'
        return cell
    return "\r\n".join(delimiter.join(quote(c) for c in row) for row in rows) + "\r\n"


def write_guests(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    path.write_text(delimited([header, *rows]), encoding="utf-8")
    return path


@dataclass
class Imported:
    event_id: int
    list_id: int
    codes: dict[str, str]  # family name -> code


def import_guests(database, path: Path, event: str = "Cluster Summit") -> Imported:  # noqa: ANN001
    summary = read_and_import(database, path, event)
    with database.session() as session:
        session.get(Event, summary.event_id).timezone = "Europe/Berlin"
        list_id = session.scalar(select(CheckInList.id).where(CheckInList.event_id == summary.event_id))
        codes = {r.family_name: r.code for r in session.scalars(
            select(Registration).where(Registration.event_id == summary.event_id))}
    return Imported(summary.event_id, list_id, codes)


def arrive(desk, clock, imported: Imported, family_names: list[str], minutes: int = 7) -> None:  # noqa: ANN001
    """Scan the guests in order, ``minutes`` apart."""
    for name in family_names:
        clock.now += timedelta(minutes=minutes)
        assert desk.scan(imported.event_id, imported.list_id, imported.codes[name]).decision.accepted

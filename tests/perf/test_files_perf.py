"""Benchmarks of the file route: importing 100,000 CSV rows (target < 5 s) and the attendance
PDF for 5,000 guests (target < 10 s), each against a baseline measured in the same run.

Run: PYTHONPATH=$PWD python -m pytest tests/perf/test_files_perf.py -o addopts="" -s
"""
from __future__ import annotations

import csv
import random
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from checkin.store.database import open_database
from checkin.store.desk import ensure_desk
from checkin.store.models import CheckIn, CheckInList, Registration
from checkin.reports.attendance import Attendee
from checkin.reports.attendance_export import export_attendance
from checkin.reports.attendance_pdf import Section, write_attendance_pdf
from checkin.sync.files.importer import read_and_import
from checkin.sync.files.mapping import HEADER_HINTS
from checkin.sync.files.table import read_table
from checkin.sync.demo import FAMILY_NAMES, GIVEN_NAMES
from tests.perf.harness import Timing, report

GUESTS = 100_000
PDF_GUESTS = 5_000
REPEAT = 3
HEADER = ["Anrede", "Vorname", "Nachname", "Firma", "E-Mail", "Ticketart", "Bemerkung"]


@pytest.fixture(scope="module")
def guest_file(tmp_path_factory) -> Path:
    rng = random.Random(6)
    path = tmp_path_factory.mktemp("perf") / "gaeste.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        writer.writerow(HEADER)
        for number in range(GUESTS):
            given, family = rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)
            writer.writerow([rng.choice(("Frau", "Herr", "")), given, family, f"Firma {number % 3000} GmbH",
                             f"guest{number}@example.org", rng.choice(("Teilnehmer", "Speaker", "Presse")),
                             "vegetarisch" if number % 7 == 0 else ""])
    return path


def _timed(name: str, runs: list) -> Timing:
    timing = Timing(name)
    for prepare, action in runs:
        argument = prepare()
        started = time.perf_counter()
        action(argument)
        timing.seconds.append(time.perf_counter() - started)
    return timing


def _fresh_database(folder: Path, number: int):  # noqa: ANN202
    return open_database(f"sqlite:///{folder / f'import-{number}.sqlite3'}")


def _baseline_import(path: Path, db_path: Path) -> None:
    """csv.reader over the same file and one executemany into a table with the same columns."""
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE registration (id INTEGER PRIMARY KEY, salutation TEXT, given_name TEXT, "
                       "family_name TEXT, company TEXT, email TEXT, ticket_type TEXT, notes TEXT, code TEXT)")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = csv.reader(file, delimiter=";")
        next(rows)
        connection.executemany("INSERT INTO registration (salutation, given_name, family_name, company, email, "
                               "ticket_type, notes, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               (row + [str(n)] for n, row in enumerate(rows)))
    connection.commit()
    connection.close()


def test_import_100k_rows(guest_file, tmp_path):
    counter = iter(range(1000))
    baseline = _timed("csv.reader + executemany (baseline)", [
        (lambda: tmp_path / f"baseline-{next(counter)}.sqlite3", lambda db: _baseline_import(guest_file, db))
        for _ in range(REPEAT)])
    parse = _timed("read_table (decode, sniff, parse)", [
        (lambda: None, lambda _: read_table(guest_file, HEADER_HINTS)) for _ in range(REPEAT)])
    summaries = []
    full = _timed("checkin import (read, check, merge, insert+index)", [
        (lambda: _fresh_database(tmp_path, next(counter)),
         lambda db: summaries.append(read_and_import(db, guest_file, "Perf"))) for _ in range(REPEAT)])
    assert all(summary.imported == GUESTS for summary in summaries)
    database = _fresh_database(tmp_path, next(counter))
    read_and_import(database, guest_file, "Perf")
    reimport = _timed("re-import, all 100k unchanged", [
        (lambda: None, lambda _: summaries.append(read_and_import(database, guest_file, "Perf")))
        for _ in range(REPEAT)])
    assert summaries[-1].unchanged == GUESTS
    report("files: import 100,000 CSV rows", [full, parse, reimport], baseline,
           target="checkin import < 5 s", rows=GUESTS, file_mb=round(guest_file.stat().st_size / 2**20, 1))


def _attendees(count: int) -> list[Attendee]:
    rng = random.Random(5)
    start = datetime(2026, 11, 23, 8, tzinfo=timezone.utc)
    rows = [Attendee(rng.choice(("", "Dr.")), rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES),
                     f"Organisation {n % 400} e.V.", "Teilnehmer", start + timedelta(seconds=7 * n), ("Desk A",),
                     n % 50 == 0) for n in range(count)]
    return sorted(rows, key=Attendee.sort_key)


def _baseline_pdf(path: Path, rows: list[Attendee]) -> None:
    """The same strings with bare drawString at fixed positions: no boxes, no fitting, no digest."""
    from reportlab.pdfgen.canvas import Canvas

    from checkin.badges.pdf_fonts import register_fonts

    regular, _bold = register_fonts()
    canvas = Canvas(str(path))
    for start in range(0, len(rows), 26):
        canvas.setFont(regular, 9)
        for line, row in enumerate(rows[start:start + 26]):
            y = 700 - line * 22
            canvas.drawString(40, y, str(start + line + 1))
            canvas.drawString(75, y, row.list_name)
            canvas.drawString(240, y, row.organisation)
            canvas.drawString(390, y, row.first_check_in.isoformat())
        canvas.showPage()
    canvas.save()


def _event_with_arrivals(tmp_path: Path, guest_file_rows: int):  # noqa: ANN202
    database = _fresh_database(tmp_path, 999)
    path = tmp_path / "pdf-guests.csv"
    rows = [[a.given_name, a.family_name, a.organisation, f"p{n}@example.org"]
            for n, a in enumerate(_attendees(guest_file_rows))]
    with path.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, delimiter=";").writerows([["Vorname", "Nachname", "Firma", "E-Mail"], *rows])
    summary = read_and_import(database, path, "PDF Perf")
    start = datetime(2026, 11, 23, 8, tzinfo=timezone.utc)
    with database.session() as session:
        desk = ensure_desk(session, "00000000-0000-4000-8000-0000000000ff", "Desk A")
        list_id = session.scalar(select(CheckInList.id))
        ids = session.scalars(select(Registration.id).where(Registration.event_id == summary.event_id)).all()
        session.execute(insert(CheckIn), [
            {"event_id": summary.event_id, "registration_id": rid, "raw_code": "", "check_in_list_id": list_id,
             "desk_id": desk.id, "happened_at": start + timedelta(seconds=5 * n), "outcome": "ok"}
            for n, rid in enumerate(ids)])
    return database


def test_attendance_pdf_5000_guests(tmp_path):
    rows = _attendees(PDF_GUESTS)
    from checkin.reports.attendance_export import list_header  # noqa: F401 - warms the import
    from checkin.reports.attendance_pdf import ListHeader

    header = ListHeader("Perf Summit", "23.11.2026", "Jena", "Cluster e.V.", "EFRE", "2026-42", "Entrance",
                        "Europe/Berlin")
    created = datetime(2026, 11, 23, 18, tzinfo=timezone.utc)
    baseline = _timed("bare drawString of the same rows (baseline)", [
        (lambda: None, lambda _: _baseline_pdf(tmp_path / "baseline.pdf", rows)) for _ in range(REPEAT)])
    render = _timed("write_attendance_pdf (5,000 rows)", [
        (lambda: None, lambda _: write_attendance_pdf(tmp_path / "list.pdf", [Section(header, rows)], created))
        for _ in range(REPEAT)])
    database = _event_with_arrivals(tmp_path, PDF_GUESTS)
    pages = []
    full = _timed("checkin export attendance --format pdf (query + render)", [
        (lambda: None, lambda _: pages.append(export_attendance(database, None, "pdf", tmp_path / "e.pdf")["pages"]))
        for _ in range(REPEAT)])
    assert pages[-1] >= PDF_GUESTS // 26
    report("files: attendance PDF for 5,000 guests", [full, render], baseline, target="< 10 s", pages=pages[-1])

"""The attendance report: counts per ticket type and desk, arrivals slots, PDF with a chart, CSV."""
from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta, timezone

from pypdf import PdfReader

from checkin.cli import EXIT_OK, EXIT_USAGE, main
from checkin.store.desk import DeskService
from checkin.reports.attendance_report import arrival_slots
from checkin.reports.attendance_report_out import export_attendance_report
from tests.files.helpers import arrive, import_guests, write_guests

ROWS = [["Anna", "Abel", "", "a@x.org", "Speaker"], ["Ben", "Bauer", "", "b@x.org", "Teilnehmer"],
        ["Cem", "Celik", "", "c@x.org", "Teilnehmer"], ["Dora", "Dahl", "", "d@x.org", "Teilnehmer"],
        ["Emil", "Eck", "", "e@x.org", "Presse"]]


def _event(database, desk, clock, tmp_path):  # noqa: ANN001, ANN202
    imported = import_guests(database, write_guests(tmp_path / "g.csv", ROWS))
    arrive(desk, clock, imported, ["Abel", "Bauer"], minutes=10)  # 09:10, 09:20 UTC
    other = DeskService(database, "00000000-0000-4000-8000-000000000002", "Desk B", clock=clock)
    clock.now += timedelta(minutes=40)  # 10:00 UTC
    other.scan(imported.event_id, imported.list_id, imported.codes["Celik"])
    other.scan(imported.event_id, imported.list_id, imported.codes["Celik"])  # already in: refused
    other.scan(imported.event_id, imported.list_id, "forged-code")
    undone = other.scan(imported.event_id, imported.list_id, imported.codes["Dahl"])
    other.undo(undone.check_in_id)
    other.walk_in(imported.event_id, imported.list_id, given_name="Walt", family_name="Walker")
    return imported


def test_counts_per_ticket_type_and_desk(database, desk, clock, tmp_path):
    _event(database, desk, clock, tmp_path)
    summary = export_attendance_report(database, None, tmp_path / "r.csv")
    assert {k: summary[k] for k in ("registered", "attended", "no_shows", "walk_ins")} == \
        {"registered": 5, "attended": 3, "no_shows": 2, "walk_ins": 1}
    types = {t["name"]: (t["registered"], t["attended"], t["no_shows"], t["walk_ins"]) for t in summary["ticket_types"]}
    assert types == {"Presse": (1, 0, 1, 0), "Speaker": (1, 1, 0, 0), "Teilnehmer": (3, 2, 1, 0),
                     "(ohne / none)": (0, 0, 0, 1)}
    desks = {d["name"]: d for d in summary["desks"]}
    assert (desks["Desk A"]["check_ins"], desks["Desk A"]["attended"]) == (2, 2)
    assert {k: desks["Desk B"][k] for k in ("check_ins", "attended", "walk_ins", "refused_scans", "undone")} == \
        {"check_ins": 2, "attended": 1, "walk_ins": 1, "refused_scans": 2, "undone": 1}
    # Berlin is UTC+1: 10:10, 10:20 and two at 11:00; empty slots between are listed.
    assert [(a["from"][11:16], a["arrivals"]) for a in summary["arrivals"]] == \
        [("10:00", 1), ("10:15", 1), ("10:30", 0), ("10:45", 0), ("11:00", 2)]
    rows = list(csv.reader((tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[1] == ["total", "Total", "5", "3", "2", "1", "", "", ""]
    assert ["desk", "Desk B", "", "1", "", "1", "2", "2", "1"] in rows
    assert ["arrivals", "2026-11-23 11:00", "", "2", "", "", "", "", ""] in rows


def test_pdf_report_has_tables_and_the_arrivals_chart(database, desk, clock, tmp_path):
    _event(database, desk, clock, tmp_path)
    summary = export_attendance_report(database, None, tmp_path / "r.pdf")
    reader = PdfReader(tmp_path / "r.pdf")
    assert len(reader.pages) == summary["pages"] == 1
    text = reader.pages[0].extract_text()
    for needle in ("Attendance report", "Cluster Summit", "No-shows", "Teilnehmer", "Desk B", "Arrivals per 15",
                   "10:00", "11:00"):
        assert needle in text, needle
    assert "/XObject" not in str(reader.pages[0].get("/Resources", {}))  # the chart is vector, not an image


def test_arrival_slots_grow_with_the_span():
    start = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)
    assert arrival_slots([start, start + timedelta(hours=30)], "UTC")[0] == 60
    minutes, slots = arrival_slots([start, start + timedelta(days=6)], "UTC")
    assert minutes == 1440 and len(slots) == 7
    assert arrival_slots([], "UTC") == (15, [])


def test_report_command(database, desk, clock, tmp_path, db_url, capsys):
    _event(database, desk, clock, tmp_path)
    assert main(["--db", db_url, "report", "attendance", "--out", str(tmp_path / "r.pdf"), "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["walk_ins"] == 1
    assert main(["--db", db_url, "report", "attendance", "--out", str(tmp_path / "r.txt")]) == EXIT_USAGE


def test_a_list_for_speakers_counts_only_speakers_as_registered(database, desk, clock, tmp_path):
    from sqlalchemy import select

    from checkin.store.models import CheckInList, TicketType

    imported = _event(database, desk, clock, tmp_path)
    with database.session() as session:
        speaker = session.scalar(select(TicketType).where(TicketType.name == "Speaker"))
        lounge = CheckInList(event_id=imported.event_id, name="Speaker lounge", all_ticket_types=False,
                             ticket_types=[speaker])
        session.add(lounge)
        session.flush()
        lounge_id = lounge.id
    desk.scan(imported.event_id, lounge_id, imported.codes["Abel"])
    summary = export_attendance_report(database, None, tmp_path / "lounge.csv", lounge_id)
    assert (summary["check_in_list"], summary["registered"], summary["attended"], summary["no_shows"]) == \
        ("Speaker lounge", 1, 1, 0)

"""Attendance exports: CSV, XLSX and the PDF list for funders, read back as a funder would."""
from __future__ import annotations

import csv
import hashlib
from datetime import timedelta

from openpyxl import load_workbook
from pypdf import PdfReader

from checkin.store.models import Event
from checkin.reports.attendance_export import export_attendance
from tests.files.helpers import arrive, import_guests, write_guests

GUESTS = [["Zoë", "Zander", "=HYPERLINK(\"x\")", "z@x.org", "Speaker"],
          ["Anna", "Müller", "Zeiss", "a@x.org", "Teilnehmer"],
          ["Ärni", "Ärger", "Tom & Jerry <Ltd>", "e@x.org", "Teilnehmer"],
          ["Bob", "Abel", "Nokia", "b@x.org", "Teilnehmer"]]


def _setup(database, desk, clock, tmp_path):  # noqa: ANN001, ANN202
    imported = import_guests(database, write_guests(tmp_path / "guests.csv", GUESTS))
    with database.session() as session:
        event = session.get(Event, imported.event_id)
        event.location, event.organizer = "Jena, Volkshaus", "Cluster e.V."
        event.funding_programme, event.project_number = "EFRE Thüringen", "2026 FGI 0042"
        event.starts_at = clock.now
    arrive(desk, clock, imported, ["Zander", "Müller", "Ärger"])
    undone = desk.scan(imported.event_id, imported.list_id, imported.codes["Abel"])
    desk.undo(undone.check_in_id)
    clock.now += timedelta(minutes=3)
    desk.walk_in(imported.event_id, imported.list_id, given_name="Walter", family_name="Walkin", company="ACME")
    return imported


def test_csv_lists_attendees_by_surname_with_walk_in_flag_and_no_formulas(database, desk, clock, tmp_path):
    _setup(database, desk, clock, tmp_path)
    summary = export_attendance(database, None, "csv", tmp_path / "out.csv")
    assert summary["attendees"] == 4
    raw = (tmp_path / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert [r[0] for r in rows[1:]] == ["Ärger", "Müller", "Walkin", "Zander"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Zander"][3] == "'=HYPERLINK(\"x\")"
    assert by_name["Müller"][5] == "23.11.2026 10:14"  # 09:14 UTC in Berlin
    assert by_name["Walkin"][7] and not by_name["Müller"][7]
    assert by_name["Müller"][6] == "Desk A"
    assert "Abel" not in by_name  # checked in, then undone


def test_xlsx_keeps_names_as_text(database, desk, clock, tmp_path):
    _setup(database, desk, clock, tmp_path)
    export_attendance(database, None, "xlsx", tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Nachname / Last name"
    assert [r[0] for r in rows[1:]] == ["Ärger", "Müller", "Walkin", "Zander"]
    zander = sheet.cell(row=5, column=4)
    assert (zander.value, zander.data_type) == ('=HYPERLINK("x")', "s")


def test_pdf_has_the_funder_fields_page_numbers_and_a_digest_of_the_list(database, desk, clock, tmp_path):
    _setup(database, desk, clock, tmp_path)
    summary = export_attendance(database, None, "pdf", tmp_path / "list.pdf")
    reader = PdfReader(tmp_path / "list.pdf")
    assert len(reader.pages) == summary["pages"] == 1
    text = reader.pages[0].extract_text()
    for needle in ("Teilnehmerliste", "Cluster Summit", "Jena, Volkshaus", "Cluster e.V.", "EFRE Thüringen",
                   "2026 FGI 0042", "23.11.2026", "Unterschrift", "Seite 1 von 1", "Tom & Jerry <Ltd>"):
        assert needle in text, needle
    order = [text.index(name) for name in ("Ärger, Ärni", "Müller, Anna", "Walkin, Walter", "Zander, Zoë")]
    assert order == sorted(order)
    lines = ["1\tÄrger, Ärni\tTom & Jerry <Ltd>\t23.11.2026 10:21\n", "2\tMüller, Anna\tZeiss\t23.11.2026 10:14\n",
             "3\tWalkin, Walter\tACME\t23.11.2026 10:24\n", "4\tZander, Zoë\t=HYPERLINK(\"x\")\t23.11.2026 10:07\n"]
    expected = hashlib.sha256("".join(lines).encode()).hexdigest()
    assert expected in text.replace("\n", "")


def test_pdf_of_many_guests_numbers_every_page(database, desk, clock, tmp_path):
    rows = [[f"Guest{i:03}", f"Family{i:03}", "Org", f"g{i}@x.org", "Teilnehmer"] for i in range(60)]
    imported = import_guests(database, write_guests(tmp_path / "many.csv", rows), "Big Day")
    arrive(desk, clock, imported, [f"Family{i:03}" for i in range(60)], minutes=1)
    summary = export_attendance(database, None, "pdf", tmp_path / "many.pdf", language="en")
    reader = PdfReader(tmp_path / "many.pdf")
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) == summary["pages"] == 3
    assert all(f"Page {n} of 3" in text for n, text in enumerate(pages, start=1))
    assert "Family000, Guest000" in pages[0] and "Family059, Guest059" in pages[-1]
    assert "SHA-256 of the listed data" in pages[-1] and "SHA-256" not in pages[0]
    assert "60 attendees" in pages[-1]


def test_one_list_per_section_and_the_list_filter(database, desk, clock, tmp_path):
    from checkin.store.models import CheckInList

    imported = _setup(database, desk, clock, tmp_path)
    with database.session() as session:
        workshop = CheckInList(event_id=imported.event_id, name="Workshop B", all_ticket_types=True)
        session.add(workshop)
        session.flush()
        workshop_id = workshop.id
    desk.scan(imported.event_id, workshop_id, imported.codes["Müller"])
    summary = export_attendance(database, None, "pdf", tmp_path / "all.pdf")
    assert [(item["name"], item["attendees"]) for item in summary["lists"]] == [("Entrance", 4), ("Workshop B", 1)]
    pages = [page.extract_text() for page in PdfReader(tmp_path / "all.pdf").pages]
    assert len(pages) == 2 and "Workshop B" in pages[1] and "Seite 2 von 2" in pages[1]
    only = export_attendance(database, None, "csv", tmp_path / "workshop.csv", workshop_id)
    assert only["attendees"] == 1


def test_pdf_sets_names_of_every_script_in_a_font_that_has_them(database, desk, clock, tmp_path):
    guests = [["明", "王", "北京大学", "w@x.org", "Teilnehmer"], ["ليلى", "حداد", "", "l@x.org", "Teilnehmer"],
              ["Αθηνά", "Παπαδοπούλου", "Ωμέγα", "p@x.org", "Teilnehmer"], ["Anna", "Müller", "Zeiss", "a@x.org",
                                                                          "Teilnehmer"]]
    imported = import_guests(database, write_guests(tmp_path / "guests.csv", guests))
    arrive(desk, clock, imported, ["王", "حداد", "Παπαδοπούλου", "Müller"])
    export_attendance(database, None, "pdf", tmp_path / "list.pdf")
    reader = PdfReader(tmp_path / "list.pdf")
    text = reader.pages[0].extract_text()
    for needle in ("王", "明", "北京大学", "Παπαδοπούλου, Αθηνά", "Müller, Anna"):  # runs per script: own order
        assert needle in text, needle
    fonts = {str(font.get("/BaseFont")) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    assert any("DroidSansFallback" in name for name in fonts) and any("Arabic" in name for name in fonts), fonts

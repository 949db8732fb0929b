"""Importing real files the tests write: every encoding and dialect, XLSX, and broken files."""
from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from checkin.store.models import CheckInList, Event, Registration, SearchToken, SyncState, TicketType
from checkin.store.search import search
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.importer import read_and_import

HEADER = ["Anrede", "Titel", "Vorname", "Nachname", "Firma", "E-Mail", "Ticketart", "Bemerkung"]
GUESTS = [
    ["Frau", "Dr.", "Anna", "Müller", "Zeiss", "anna.mueller@example.org", "Teilnehmer", "vegetarisch"],
    ["Herr", "", "Jörg", "Weiß", "Bäckerei Schütz", "joerg@example.org", "Speaker", ""],
    ["Frau", "", "Renée", "Lefèvre", "CNRS", "renee@example.org", "Teilnehmer", "Zimmer 3; \"Süd\""],
]
EAST = [["Herr", "", "Jiří", "Šimůnek", "ČVUT", "jiri@example.cz", "Teilnehmer", ""],
        ["Herr", "", "Łukasz", "Nowak", "PW", "lukasz@example.pl", "Presse", ""]]


def delimited(rows: list[list[str]], delimiter: str) -> str:
    def quote(cell: str) -> str:
        if any(ch in cell for ch in (delimiter, '"', "\n")):
            return '"' + cell.replace('"', '""') + '"'
        return cell
    return "\r\n".join(delimiter.join(quote(c) for c in row) for row in rows) + "\r\n"


def write(path: Path, text: str, encoding: str, bom: bytes = b"") -> Path:
    path.write_bytes(bom + text.encode(encoding))
    return path


def count(database, model=Registration) -> int:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(model))


def names(database) -> set[str]:  # noqa: ANN001
    with database.reader() as session:
        return {f"{r.given_name} {r.family_name}" for r in session.scalars(select(Registration))}


@pytest.mark.parametrize(("encoding", "bom", "rows"), [
    ("utf-8", b"", GUESTS + EAST),
    ("utf-8", codecs.BOM_UTF8, GUESTS + EAST),
    ("utf-16-le", codecs.BOM_UTF16_LE, GUESTS + EAST),
    ("utf-16-be", codecs.BOM_UTF16_BE, GUESTS + EAST),
    ("utf-16-le", b"", GUESTS + EAST),
    ("cp1252", b"", GUESTS),
])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_each_encoding_and_delimiter_imports_every_guest(database, tmp_path, encoding, bom, rows, delimiter):
    path = write(tmp_path / "gaeste.csv", delimited([HEADER, *rows], delimiter), encoding, bom)
    summary = read_and_import(database, path, "Cluster 2026")
    assert (summary.imported, summary.updated, summary.unchanged) == (len(rows), 0, 0)
    assert summary.delimiter == delimiter
    assert names(database) == {f"{r[2]} {r[3]}" for r in rows}
    with database.reader() as session:
        renee = session.scalar(select(Registration).where(Registration.family_name == "Lefèvre"))
        assert renee.notes == 'Zimmer 3; "Süd"'
        assert renee.raw == {"salutation": "Frau"}
        assert renee.ticket_type.name == "Teilnehmer"
        assert len(renee.code) >= 20
        event = session.scalar(select(Event))
        assert (event.name, event.source) == ("Cluster 2026", "file")
        assert [cl.name for cl in session.scalars(select(CheckInList))] == ["Entrance"]


def test_header_below_a_title_and_english_headers(database, tmp_path):
    text = delimited([["Guest list", "", ""], ["", "", ""],
                      ["First name", "Last name", "Company", "Email address", "Ticket type", "Code"],
                      ["Zoë", "O'Brien", "Nokia Oyj", "zoe@example.org", "Speaker", "ABC-123"]], ",")
    summary = read_and_import(database, write(tmp_path / "guests.csv", text, "utf-8"), "Conf")
    assert summary.header_line == 3
    assert summary.mapping["code"] == "Code"
    with database.reader() as session:
        event = session.scalar(select(Event))
        [hit] = search(session, event.id, "obri")
        assert hit.code == "ABC-123"


def test_xlsx_from_openpyxl(database, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Teilnehmerliste"])
    sheet.append(["ID", "Vorname", "Nachname", "Firma", "E-Mail", "Kategorie"])
    sheet.append([1001, "Jiří", "Šimůnek", "ČVUT", "jiri@example.cz", "Speaker"])
    sheet.append([1002.0, "Łukasz", "Nowak", None, "LUKASZ@example.pl", "Teilnehmer"])
    workbook.save(tmp_path / "liste.xlsx")
    summary = read_and_import(database, tmp_path / "liste.xlsx", "Cluster")
    assert (summary.imported, summary.header_line, summary.encoding) == (2, 2, "xlsx")
    with database.reader() as session:
        assert set(session.scalars(select(Registration.external_id))) == {"1001", "1002"}
        event = session.scalar(select(Event))
        assert [h.family_name for h in search(session, event.id, "simu")] == ["Šimůnek"]


def test_reimport_updates_adds_and_reports_missing_without_deleting(database, desk, tmp_path):
    path = tmp_path / "gaeste.csv"
    write(path, delimited([HEADER, *GUESTS], ";"), "utf-8")
    first = read_and_import(database, path, "Cluster")
    with database.reader() as session:
        anna = session.scalar(select(Registration).where(Registration.family_name == "Müller"))
        renee = session.scalar(select(Registration).where(Registration.family_name == "Lefèvre"))
        list_id = session.scalar(select(CheckInList.id))
    desk.scan(first.event_id, list_id, renee.code)
    changed = [["Frau", "Prof. Dr.", "Anna", "Müller-Lüdenscheidt", "Zeiss", "ANNA.MUELLER@example.org",
                "Teilnehmer", "vegetarisch"], GUESTS[1], EAST[0]]
    write(path, delimited([HEADER, *changed], ";"), "utf-8")
    second = read_and_import(database, path, "Cluster")
    assert (second.imported, second.updated, second.unchanged) == (1, 1, 1)
    assert second.missing == [{"name": "Renée Lefèvre", "email": "renee@example.org", "code": renee.code,
                               "checked_in": True}]
    assert count(database) == 4
    with database.reader() as session:
        updated = session.get(Registration, anna.id)
        assert (updated.family_name, updated.title, updated.code) == ("Müller-Lüdenscheidt", "Prof. Dr.", anna.code)
        assert [h.registration_id for h in search(session, first.event_id, "ludensch")] == [anna.id]
    again = read_and_import(database, path, "Cluster", dry_run=True)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 3)


def test_mapping_is_remembered_per_source(database, tmp_path):
    path = write(tmp_path / "crm.csv", delimited([["Col A", "Col B", "Col C"], ["Anna", "Müller", "a@x.org"]], ";"),
                 "utf-8")
    with pytest.raises(FileImportError, match="no column for the guests' names"):
        read_and_import(database, path, "Cluster")
    read_and_import(database, path, "Cluster", mapping={"given_name": 0, "family_name": 1, "email": 2})
    write(path, delimited([["Col C", "Col A", "Col B"], ["b@x.org", "Ben", "Bauer"]], ";"), "utf-8")
    summary = read_and_import(database, path, "Cluster")
    assert summary.mapping == {"given_name": "Col A", "family_name": "Col B", "email": "Col C"}
    assert names(database) == {"Anna Müller", "Ben Bauer"}
    with database.reader() as session:
        assert session.scalar(select(SyncState.source)) == "file:crm.csv"


def _refused(database, path: Path, *match: str) -> FileImportError:  # noqa: ANN001
    with pytest.raises(FileImportError) as caught:
        read_and_import(database, path, "Cluster")
    message = str(caught.value)
    assert "\n" not in message and path.name in message
    for needle in match:
        assert needle in message
    assert count(database) == 0 and count(database, SearchToken) == 0 and count(database, TicketType) == 0
    return caught.value


def test_empty_file(database, tmp_path):
    _refused(database, write(tmp_path / "empty.csv", "\r\n \r\n", "utf-8"), "empty")


def test_header_only(database, tmp_path):
    _refused(database, write(tmp_path / "header.csv", delimited([HEADER], ";"), "utf-8"), "header but no guests",
             "line 1")


def test_unclosed_quote(database, tmp_path):
    text = delimited([HEADER, GUESTS[0]], ";") + 'Herr;;"Jörg;Weiß;X;j@x.org;Speaker;\r\n' + \
        delimited([GUESTS[2]], ";")
    _refused(database, write(tmp_path / "quote.csv", text, "utf-8"), "line 3", "not closed before the next field")


def test_unclosed_quote_to_the_end(database, tmp_path):
    text = delimited([HEADER, GUESTS[0]], ";") + 'Herr;;"Jörg;Weiß;X;j@x.org;Speaker;\r\n' + \
        delimited([GUESTS[1]], ";")
    _refused(database, write(tmp_path / "quote.csv", text, "utf-8"), "line 3", "never closed")


def test_binary_junk(database, tmp_path):
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 40)
    _refused(database, path, "binary")


def test_old_excel_file(database, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _refused(database, path, ".xls")


def test_broken_xlsx(database, tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"not really a zip" * 30)
    _refused(database, path, "not a readable XLSX")


def test_mixed_encodings_in_one_file(database, tmp_path):
    data = (delimited([HEADER, GUESTS[0]], ";").encode("utf-8") +
            delimited([GUESTS[1]], ";").encode("cp1252"))
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    _refused(database, path, "mixes encodings", "line 3")


def test_five_megabyte_field(database, tmp_path):
    huge = GUESTS[1][:7] + ["x" * (5 * 1024 * 1024)]
    _refused(database, write(tmp_path / "huge.csv", delimited([HEADER, GUESTS[0], huge], ";"), "utf-8"),
             "line 3", "longer than")


def test_long_note_within_csv_limit_names_the_column(database, tmp_path):
    long = GUESTS[1][:7] + ["y" * 20_000]
    _refused(database, write(tmp_path / "long.csv", delimited([HEADER, GUESTS[0], long], ";"), "utf-8"),
             "line 3, column H (Bemerkung)", "20,000 characters")


def test_duplicate_emails_differing_in_case(database, tmp_path):
    twin = ["Herr", "", "Jörg", "Weiss", "Bäckerei", "ANNA.Mueller@Example.org", "Speaker", ""]
    error = _refused(database, write(tmp_path / "dup.csv", delimited([HEADER, GUESTS[0], twin], ";"), "utf-8"),
                     "line 3", "same guest as line 2", "E-Mail")
    assert error.problems[0].column == "F (E-Mail)"


def test_bad_email_and_missing_name_are_all_listed(database, tmp_path):
    rows = [HEADER, GUESTS[0], ["Frau", "", "", "", "X", "x@example.org", "", ""],
            ["Herr", "", "Bob", "B", "Y", "not-an-address", "", ""]]
    error = _refused(database, write(tmp_path / "bad.csv", delimited(rows, ";"), "utf-8"), "has no name",
                     "and 1 more")
    assert [(p.line, p.column) for p in error.problems] == [(3, "D (Nachname)"), (4, "F (E-Mail)")]


def test_stray_columns(database, tmp_path):
    text = delimited([HEADER, GUESTS[0], GUESTS[1] + ["extra", "more"]], ";")
    _refused(database, write(tmp_path / "wide.csv", text, "utf-8"), "line 3", "10 columns")


def test_failed_reimport_leaves_the_first_import_untouched(database, tmp_path):
    path = write(tmp_path / "gaeste.csv", delimited([HEADER, *GUESTS], ";"), "utf-8")
    read_and_import(database, path, "Cluster")
    with database.reader() as session:
        before = sorted((r.id, r.family_name, r.code) for r in session.scalars(select(Registration)))
        tokens = session.scalar(select(func.count()).select_from(SearchToken))
    broken = [HEADER, ["Frau", "", "Anna", "Neu", "", "anna.mueller@example.org", "", ""], EAST[0],
              ["Herr", "", "Bob", "B", "", "bad address", "", ""]]
    write(path, delimited(broken, ";"), "utf-8")
    with pytest.raises(FileImportError):
        read_and_import(database, path, "Cluster")
    with database.reader() as session:
        assert sorted((r.id, r.family_name, r.code) for r in session.scalars(select(Registration))) == before
        assert session.scalar(select(func.count()).select_from(SearchToken)) == tokens


def test_code_taken_by_another_guest_is_refused(database, desk, tmp_path):
    path = write(tmp_path / "codes.csv", delimited([["Vorname", "Nachname", "Code"], ["Anna", "A", "CODE-1"]], ";"),
                 "utf-8")
    summary = read_and_import(database, path, "Cluster")
    with database.reader() as session:
        list_id = session.scalar(select(CheckInList.id))
    walk_in = desk.walk_in(summary.event_id, list_id, given_name="Walk", family_name="In")
    write(path, delimited([["Vorname", "Nachname", "Code"], ["Anna", "A", "CODE-1"], ["Ben", "B", walk_in.code]],
                          ";"), "utf-8")
    with pytest.raises(FileImportError, match="already belongs to another guest"):
        read_and_import(database, path, "Cluster")


def test_line_numbers_count_quoted_line_breaks_and_blank_rows_are_skipped(database, tmp_path):
    """A note with a line break makes its record two lines long: later errors name the file's line."""
    rows = [HEADER, GUESTS[0], ["Herr", "", "Jörg", "Weiß", "X", "joerg@example.org", "", "Zeile 1\nZeile 2"],
            ["", "", "", "", "", "", "", ""], ["  ", "", " ", "", "", "", "", ""],
            ["Herr", "", "Bob", "B", "Y", "not-an-address", "", ""]]
    error = _refused(database, write(tmp_path / "notes.csv", delimited(rows, ";"), "utf-8"), "not an e-mail")
    assert [(p.line, p.column) for p in error.problems] == [(7, "F (E-Mail)")]
    fixed = rows[:-1] + [["Herr", "", "Bob", "B", "Y", "bob@example.org", "", ""]]
    summary = read_and_import(database, write(tmp_path / "notes.csv", delimited(fixed, ";"), "utf-8"), "Notes")
    assert summary.imported == 3
    with database.reader() as session:
        assert session.scalar(select(Registration.notes).where(Registration.given_name == "Jörg")) == "Zeile 1\nZeile 2"


def _many(count_: int, offset: int = 0) -> list[list[str]]:
    return [["", "", f"Given{n}", f"Family{n:05d}", f"Firma {n % 50}", f"guest{n}@example.org",
             ("Teilnehmer", "Speaker", "Presse", f"Tag {n // 6000}")[n % 4], ""] for n in range(offset, offset + count_)]


def test_a_problem_in_the_last_part_of_a_large_file_leaves_nothing_and_lists_every_problem(database, tmp_path):
    """The file is written part by part as it is checked; a late problem still leaves nothing."""
    rows = _many(12_000)
    rows[4] = ["", "", "Bob", "B", "", "not an address", "", ""]  # first part
    rows.append(rows[7][:])  # the same guest again, in the last part
    rows.append(["", "", "", "", "Firma", "", "", ""])  # no name, last line
    path = write(tmp_path / "big.csv", delimited([HEADER, *rows], ";"), "utf-8")
    error = _refused(database, path, "big.csv")
    assert [(problem.line, problem.column) for problem in error.problems] == [
        (6, "F (E-Mail)"), (12_002, "F (E-Mail)"), (12_003, "D (Nachname)")]
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 0

    # The same failure with every problem in the last part: four parts are written, then rolled back.
    rows[4] = _many(1, 4)[0]
    write(path, delimited([HEADER, *rows], ";"), "utf-8")
    error = _refused(database, path, "big.csv")
    assert [problem.line for problem in error.problems] == [12_002, 12_003]


def test_a_large_reimport_matches_guests_across_parts(database, desk, tmp_path):
    path = write(tmp_path / "big.csv", delimited([HEADER, *_many(12_000)], ";"), "utf-8")
    first = read_and_import(database, path, "Cluster")
    assert first.imported == 12_000 and first.ticket_types_created == ["Presse", "Speaker", "Tag 0", "Tag 1", "Teilnehmer"]
    # Reversed, so every guest of the first part is matched from the last part of the new file;
    # three guests gone, one renamed, 2,000 new ones with a ticket type first seen in part 3.
    rows = _many(12_000)[::-1]
    gone = [rows.pop(), rows.pop(0), rows.pop(6000)]
    rows[100][3] = "Umbenannt"
    rows += _many(2_000, offset=12_000)
    write(path, delimited([HEADER, *rows], ";"), "utf-8")
    second = read_and_import(database, path, "Cluster")
    assert (second.imported, second.updated, second.unchanged) == (2_000, 1, 11_996)
    assert second.ticket_types_created == ["Tag 2"]
    assert sorted(guest["email"] for guest in second.missing) == sorted(row[5] for row in gone)
    assert count(database) == 14_000
    with database.reader() as session:
        assert [h.family_name for h in search(session, first.event_id, "umbenannt")] == ["Umbenannt"]
        assert [h.given_name for h in search(session, first.event_id, "family13999")] == ["Given13999"]

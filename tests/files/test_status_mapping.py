"""A file's status column ("bezahlt", "storniert", "Paid", "Pending") mapped onto the event's
statuses: guessed, remembered per file header, unknown words named; the desk then refuses the
cancelled guests. Through the sync layer and through ``checkin import``."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from checkin.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, main
from checkin.core.decision import Outcome
from checkin.store.models import CheckInList, Registration
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.importer import read_and_import
from checkin.sync.files.mapping import auto_map
from checkin.sync.files.status_mapping import UNKNOWN, guess_status, parse_status_map, propose
from tests.files.helpers import write_guests

HEADER = ["Vorname", "Nachname", "E-Mail", "Bestellstatus"]
ROWS = [["Anna", "Adler", "a@x.org", "bezahlt"], ["Ben", "Bauer", "b@x.org", "storniert"],
        ["Cem", "Kaya", "c@x.org", "Zahlung ausstehend"], ["Dora", "Diehl", "d@x.org", ""]]


@pytest.mark.parametrize(("word", "status"), [
    ("bezahlt", "valid"), ("Paid", "valid"), ("gültig", "valid"), ("Bestätigt", "valid"), ("pagato", "valid"),
    ("storniert", "cancelled"), ("Cancelled", "cancelled"), ("canceled", "cancelled"), ("Rückerstattet", "cancelled"),
    ("annulé", "cancelled"), ("pending", "unpaid"), ("OFFEN", "unpaid"), ("Zahlung ausstehend", "unpaid"),
    ("valid", "valid"), ("unpaid", "unpaid"), ("Warteliste", UNKNOWN), ("x", UNKNOWN)])
def test_status_words_are_guessed_in_german_english_french_italian(word, status):
    assert guess_status(word) == status


@pytest.mark.parametrize("header", ["Status", "Statut", "Stato", "Bestellstatus", "Order status", "Zahlungsstatus"])
def test_the_status_column_is_found_by_its_header(header):
    assert auto_map(["Vorname", "Nachname", header]) == {"given_name": 0, "family_name": 1, "status": 2}


def test_given_beats_remembered_beats_guessed_and_folds_case():
    assert propose(["storniert", "Warteliste", "bezahlt"], remembered={"bezahlt": "unpaid"},
                   given={"warteliste": "unpaid", "STORNIERT": "valid"}) == \
        {"storniert": "valid", "Warteliste": "unpaid", "bezahlt": "unpaid"}


def test_a_status_map_is_parsed_or_refused_in_one_line():
    assert parse_status_map(["storniert=cancelled", "offen=unpaid, ok = valid"]) == \
        {"storniert": "cancelled", "offen": "unpaid", "ok": "valid"}
    with pytest.raises(ValueError, match="not a status; use one of valid, unpaid, cancelled"):
        parse_status_map(["storniert=weg"])
    with pytest.raises(ValueError, match="is not WORD=STATUS"):
        parse_status_map(["storniert"])


def _statuses(database) -> dict[str, str]:  # noqa: ANN001
    with database.reader() as session:
        return dict(session.execute(select(Registration.given_name, Registration.status)).all())


def test_import_maps_statuses_and_the_desk_refuses_the_cancelled(database, desk, tmp_path):
    path = write_guests(tmp_path / "shop.csv", ROWS, HEADER)
    summary = read_and_import(database, path, "Shop")
    assert summary.statuses == {"bezahlt": "valid", "storniert": "cancelled", "Zahlung ausstehend": "unpaid"}
    assert _statuses(database) == {"Anna": "valid", "Ben": "cancelled", "Cem": "unpaid", "Dora": "valid"}
    with database.reader() as session:
        codes = dict(session.execute(select(Registration.given_name, Registration.code)).all())
        list_id = session.scalar(select(CheckInList.id))
    assert desk.scan(summary.event_id, list_id, codes["Ben"]).decision.outcome is Outcome.CANCELLED
    assert desk.scan(summary.event_id, list_id, codes["Anna"]).decision.accepted
    # The shop cancels Anna; Ben paid after all; Dora's empty cell keeps what is stored.
    write_guests(path, [[*ROWS[0][:3], "storniert"], [*ROWS[1][:3], "bezahlt"], ROWS[2], ROWS[3]], HEADER)
    again = read_and_import(database, path, "Shop")
    assert (again.updated, again.unchanged) == (2, 2)
    assert _statuses(database) == {"Anna": "cancelled", "Ben": "valid", "Cem": "unpaid", "Dora": "valid"}


def test_unknown_words_stop_the_import_naming_them_until_mapped(database, tmp_path):
    path = write_guests(tmp_path / "crm.csv", [*ROWS, ["Eva", "Engel", "e@x.org", "Warteliste"],
                                               ["Fritz", "Fink", "f@x.org", "Warteliste"]], HEADER)
    with pytest.raises(FileImportError) as error:
        read_and_import(database, path, "CRM")
    assert "unknown status values 'Warteliste' (2 guests)" in str(error.value)
    assert "column D (Bestellstatus)" in str(error.value) and _statuses(database) == {}
    read_and_import(database, path, "CRM", statuses={"warteliste": "unpaid"})
    assert _statuses(database)["Eva"] == "unpaid"
    # Remembered for files with these columns, whatever their name.
    other = write_guests(tmp_path / "crm-2.csv", [["Gina", "Gold", "g@x.org", "Warteliste"]], HEADER)
    assert read_and_import(database, other, "CRM").statuses == {"Warteliste": "unpaid"}


def test_a_file_without_a_status_column_leaves_statuses_alone(database, tmp_path):
    path = write_guests(tmp_path / "list.csv", ROWS, HEADER)
    read_and_import(database, path, "List")
    write_guests(path, [row[:3] for row in ROWS], HEADER[:3])
    assert read_and_import(database, path, "List").statuses == {}
    assert _statuses(database)["Ben"] == "cancelled"


def test_cli_guesses_names_unknown_words_and_takes_a_status_map(db_url, tmp_path, capsys):
    path = write_guests(tmp_path / "tickets.csv", [*ROWS, ["Eva", "Engel", "e@x.org", "Warteliste"]], HEADER)
    assert main(["--db", db_url, "import", str(path), "--json"]) == EXIT_FAILURE
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "'Warteliste' (1 guest)" in captured.err
    assert "--status-map" in captured.err and json.loads(captured.out)["imported"] == 0
    assert main(["--db", db_url, "import", str(path), "--status-map", "Warteliste=bogus"]) == EXIT_USAGE
    assert "not a status" in capsys.readouterr().err
    assert main(["--db", db_url, "import", str(path), "--status-map", "Warteliste=unpaid", "--json"]) == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert summary["imported"] == 5 and summary["statuses"]["storniert"] == "cancelled"
    assert summary["statuses"]["Warteliste"] == "unpaid" and summary["mapping"]["status"] == "Bestellstatus"
    assert main(["--db", db_url, "import", str(path)]) == EXIT_OK  # remembered: no flag needed again
    assert "Statuses: " in capsys.readouterr().out


@pytest.mark.postgres
def test_statuses_on_postgres_with_empty_cells_between(pg_database, tmp_path):
    """PostgreSQL inserts a part with one statement: rows with and without a status word mix."""
    summary = read_and_import(pg_database, write_guests(tmp_path / "pg.csv", ROWS, HEADER), "PG")
    assert summary.imported == 4
    assert _statuses(pg_database) == {"Anna": "valid", "Ben": "cancelled", "Cem": "unpaid", "Dora": "valid"}

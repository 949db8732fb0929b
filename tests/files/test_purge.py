"""GDPR purge: personal data gone from the tables and from the bytes of the SQLite file,
counts kept where asked, a receipt written; the retention reminder."""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from checkin.cli import EXIT_OK, EXIT_USAGE, main
from checkin.store.models import CheckIn, Event, Registration, SearchToken
from checkin.reports.attendance_report import purge_aggregates
from checkin.store.purge import receipts, retention_overdue, purge_event
from checkin.reports.attendance_export import export_attendance
from checkin.reports.attendance_report_out import export_attendance_report
from tests.files.helpers import arrive, import_guests, write_guests

SECRETS = ("Zebulon", "Quaxenbruck", "zebulon.q@secret-mail.example", "Geheimfirma")
ROWS = [["Zebulon", "Quaxenbruck", "Geheimfirma", "zebulon.q@secret-mail.example", "Speaker"],
        ["Anna", "Abel", "", "anna@x.org", "Teilnehmer"], ["Ben", "Bauer", "", "ben@x.org", "Teilnehmer"]]
DESK = ("00000000-0000-4000-8000-00000000000a", "Desk Purge")


def _file_bytes(db_url: str) -> bytes:
    path = Path(db_url.removeprefix("sqlite:///"))
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def _secrets_in(data: bytes) -> list[str]:
    found = []
    for secret in SECRETS:
        for variant in (secret, secret.lower()):
            for encoding in ("utf-8", "utf-16-le"):
                if variant.encode(encoding) in data:
                    found.append(f"{variant} ({encoding})")
    return found


def _event(database, desk, clock, tmp_path):  # noqa: ANN001, ANN202
    imported = import_guests(database, write_guests(tmp_path / "g.csv", ROWS))
    arrive(desk, clock, imported, ["Quaxenbruck", "Abel"])
    desk.walk_in(imported.event_id, imported.list_id, given_name="Walt", family_name="Quaxenbruck-Walker")
    return imported


def test_purge_removes_names_from_the_file(database, desk, clock, tmp_path, db_url):
    imported = _event(database, desk, clock, tmp_path)
    assert _secrets_in(_file_bytes(db_url))  # the check can see them before
    receipt = purge_event(database, None, DESK)
    assert receipt.compacted and receipt.removed["registrations"] == 4 and receipt.removed["check_ins"] == 3
    assert _secrets_in(_file_bytes(db_url)) == []
    with database.reader() as session:
        for model in (Registration, CheckIn, SearchToken):
            assert session.scalar(select(func.count()).select_from(model)) == 0
        event = session.get(Event, imported.event_id)
        assert event.purged_at is not None
        [stored] = receipts(session, imported.event_id)
    assert stored["desk_name"] == "Desk Purge" and stored["kept_aggregates"] is False
    assert not _secrets_in(json.dumps(stored).encode())


def test_keep_aggregates_keeps_the_report_but_no_names(database, desk, clock, tmp_path, db_url):
    _event(database, desk, clock, tmp_path)
    before = export_attendance_report(database, None, tmp_path / "before.csv")
    receipt = purge_event(database, None, DESK, keep_aggregates=purge_aggregates)
    assert receipt.aggregates["attended"] == 2 and receipt.aggregates["walk_ins"] == 1
    assert _secrets_in(_file_bytes(db_url)) == []
    after = export_attendance_report(database, None, tmp_path / "after.csv")
    keys = ("registered", "attended", "no_shows", "walk_ins", "ticket_types", "desks", "arrivals")
    assert {k: after[k] for k in keys} == {k: before[k] for k in keys}
    with database.reader() as session:
        assert set(session.scalars(select(Registration.email))) == {""}
        assert all(code.startswith("purged-") for code in session.scalars(select(Registration.code)))
        assert set(session.scalars(select(CheckIn.raw_code))) == {""}
    with pytest.raises(LookupError, match="purged"):
        export_attendance(database, None, "csv", tmp_path / "list.csv")


def test_purge_command_writes_a_receipt(database, desk, clock, tmp_path, db_url, capsys):
    _event(database, desk, clock, tmp_path)
    database.dispose()
    receipt_path = tmp_path / "receipt.json"
    assert main(["--db", db_url, "purge", "--keep-aggregates", "--receipt", str(receipt_path)]) == EXIT_OK
    assert "Purged the personal data" in capsys.readouterr().out
    receipt = json.loads(receipt_path.read_text())
    assert receipt["event"] == "cluster-summit" and receipt["kept_aggregates"] is True
    assert receipt["removed"]["registrations_anonymised"] == 4 and receipt["purged_at"]
    assert receipt["desk_name"] and receipt["desk_id"]
    assert main(["--db", db_url, "export", "attendance", "--format", "pdf", "--out", str(tmp_path / "x.pdf")]) \
        == EXIT_USAGE
    assert "purged" in capsys.readouterr().err
    assert main(["--db", db_url, "purge", "--json"]) == EXIT_OK  # default receipt folder
    assert Path(json.loads(capsys.readouterr().out)["receipt_file"]).is_file()


def test_retention_overdue_in_the_event_timezone(database, tmp_path, db_url, capsys):
    import_guests(database, write_guests(tmp_path / "g.csv", ROWS))
    database.dispose()
    assert main(["--db", db_url, "retention", "--until", "2027-03-31"]) == EXIT_OK
    assert "2027-03-31" in capsys.readouterr().out
    # 22:30 UTC on the 31st is already April 1st in Berlin (summer time, UTC+2).
    late = datetime(2027, 3, 31, 22, 30, tzinfo=timezone.utc)
    with database.reader() as session:
        assert retention_overdue(session, late - timedelta(hours=1)) == []
        assert [e.slug for e in retention_overdue(session, late)] == ["cluster-summit"]
        assert session.scalar(select(Event.retention_until)) == date(2027, 3, 31)
    purge_event(database, None, DESK)
    with database.reader() as session:
        assert retention_overdue(session, late) == []
    with pytest.raises(SystemExit) as exited:
        main(["--db", db_url, "retention", "--until", "31.03.2027"])
    assert exited.value.code == EXIT_USAGE and "YYYY-MM-DD" in capsys.readouterr().err


def test_a_purge_that_cannot_compact_says_so_and_the_next_start_finishes(database, desk, clock, tmp_path, db_url,
                                                                         capsys):
    import sqlite3

    from checkin.cli import EXIT_FAILURE
    from checkin.store.compaction import is_pending
    from checkin.store.database import open_database

    _event(database, desk, clock, tmp_path)
    other_desk = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    other_desk.execute("BEGIN")
    other_desk.execute("SELECT count(*) FROM registration").fetchone()  # reading: holds the log
    assert main(["--db", db_url, "purge", "--yes", "--json", "--receipt", str(tmp_path / "r.json")]) == EXIT_FAILURE
    out, err = capsys.readouterr()
    answer = json.loads(out)
    assert answer["compacted"] is False and "Close the other desks" in answer["warning"]
    assert "NOT DONE" in err
    assert _secrets_in(_file_bytes(db_url))  # what the warning is about
    other_desk.execute("COMMIT")
    other_desk.close()
    open_database(db_url).dispose()  # the next start
    assert _secrets_in(_file_bytes(db_url)) == []
    with database.reader() as session:
        assert not is_pending(session)

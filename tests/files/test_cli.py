"""``checkin import`` and ``checkin export attendance`` as organisers script them."""
from __future__ import annotations

import codecs
import json
import subprocess
import sys

import pytest

from checkin.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, main
from tests.files.helpers import HEADER, delimited, write_guests

ROWS = [["Anna", "Müller", "Zeiss", "anna@x.org", "Speaker"], ["Ben", "Bauer", "", "ben@x.org", "Teilnehmer"]]


def run(db_url: str, *argv: str) -> int:
    return main(["--db", db_url, *argv])


def test_import_json_counts_and_reimport_by_external_id(db_url, tmp_path, capsys):
    path = tmp_path / "crm.csv"
    header = ["Teilnehmer-ID", *HEADER]
    write_guests(path, [["7", *ROWS[0]], ["8", *ROWS[1]]], header)
    assert run(db_url, "import", str(path), "--event", "Summit", "--json") == EXIT_OK
    first = json.loads(capsys.readouterr().out)
    assert {k: first[k] for k in ("imported", "updated", "unchanged", "errors")} == \
        {"imported": 2, "updated": 0, "unchanged": 0, "errors": []}
    # The CRM changed Anna's e-mail and name; the ID still finds her.
    write_guests(path, [["7", "Anna", "Schmidt", "Zeiss", "anna.s@x.org", "Speaker"], ["8", *ROWS[1]],
                        ["9", "Cem", "Kaya", "", "cem@x.org", "Teilnehmer"]], header)
    assert run(db_url, "import", str(path), "--event", "Summit", "--dry-run", "--json") == EXIT_OK
    dry = json.loads(capsys.readouterr().out)
    assert (dry["imported"], dry["updated"], dry["unchanged"], dry["dry_run"]) == (1, 1, 1, True)
    assert run(db_url, "import", str(path), "--event", "Summit") == EXIT_OK
    out = capsys.readouterr().out
    assert "1 new, 1 updated, 1 unchanged" in out
    assert run(db_url, "--event", "summit", "search", "schmidt") == EXIT_OK
    assert "Anna Schmidt" in capsys.readouterr().out


def test_bad_file_gives_one_line_and_json_errors(db_url, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(delimited([HEADER, ROWS[0]]) + 'Ben;"Bauer;x;b@x.org;T\r\n', encoding="utf-8")
    assert run(db_url, "import", str(path), "--json") == EXIT_FAILURE
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "bad.csv, line 3" in captured.err
    report = json.loads(captured.out)
    assert report["imported"] == 0 and report["errors"][0]["line"] == 3
    assert run(db_url, "import", str(tmp_path / "missing.csv")) == EXIT_USAGE


@pytest.mark.slow
@pytest.mark.parametrize("content", [b"", bytes(range(256)) * 64, codecs.BOM_UTF8 + b"Vorname;Nachname\r\nJ\xf6rg;W\r\n",
                                     b"PK\x03\x04garbage", b"\xff\xfe\x00"])
def test_broken_files_never_show_a_traceback(tmp_path, content):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    done = subprocess.run([sys.executable, "-m", "checkin", "--db", f"sqlite:///{tmp_path / 'db.sqlite3'}",
                           "import", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == EXIT_FAILURE
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1 and "broken.csv" in done.stderr


def test_export_attendance_needs_an_event(db_url, tmp_path, capsys):
    assert run(db_url, "export", "attendance", "--format", "csv", "--out", str(tmp_path / "a.csv")) == EXIT_USAGE
    assert "no event" in capsys.readouterr().err


def test_export_attendance_pdf_json(db_url, tmp_path, capsys):
    write_guests(tmp_path / "g.csv", ROWS)
    run(db_url, "import", str(tmp_path / "g.csv"))
    capsys.readouterr()
    assert run(db_url, "export", "attendance", "--format", "pdf", "--out", str(tmp_path / "a.pdf"), "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["pages"] == 1 and summary["lists"][0]["attendees"] == 0


def test_invitations_command(db_url, tmp_path, capsys):
    write_guests(tmp_path / "g.csv", ROWS)
    run(db_url, "import", str(tmp_path / "g.csv"))
    capsys.readouterr()
    assert run(db_url, "invitations", "--out", str(tmp_path / "inv"), "--sign", "--json") == EXIT_OK
    summary = json.loads(capsys.readouterr().out)
    assert (summary["guests"], summary["signed"]) == (2, True)
    assert len(list((tmp_path / "inv" / "tickets").glob("*.pdf"))) == 2
    assert len(list((tmp_path / "inv" / "qr").glob("*.svg"))) == 2

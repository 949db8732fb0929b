"""`checkin badges` end to end, as an organiser runs it before the doors open."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader

from checkin.badges.stock import STOCKS
from checkin.store.badge_log import select_batch
from tests.badges.pdf_checks import DPI, dark_bbox, rasterise

pytestmark = pytest.mark.slow


def checkin(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def event(database, demo, db_url):
    with database.reader() as session:
        guests = select_batch(session, demo.event_id)
    return db_url, guests


def test_list_stock_names_every_stock():
    completed = checkin("badges", "--list-stock")
    assert completed.returncode == 0, completed.stderr
    names = [line.split()[0] for line in completed.stdout.splitlines()]
    assert names == list(STOCKS)


def test_batch_on_sheets_sorted_by_company(event, tmp_path):
    db_url, guests = event
    out = tmp_path / "badges.pdf"
    completed = checkin("--db", db_url, "badges", "--out", str(out), "--stock", "herma-4412", "--sort", "company")
    assert completed.returncode == 0, completed.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == -(-len(guests) // 10)
    assert f"{len(guests)} badges on {len(reader.pages)} pages" in completed.stdout
    first_page = reader.pages[0].extract_text()
    assert "Bäckerei Schütz" in first_page, "company sort puts the B... companies first"


def test_ticket_type_and_only_unprinted(event, tmp_path):
    db_url, guests = event
    speakers = [guest for guest in guests if guest.ticket_type == "Speaker"]
    out = tmp_path / "speakers.pdf"
    completed = checkin("--db", db_url, "badges", "--out", str(out), "--stock", "a6", "--ticket-type", "speaker",
                        "--mark-printed")
    assert completed.returncode == 0, completed.stderr
    assert len(PdfReader(out).pages) == len(speakers)

    rest = tmp_path / "rest.pdf"
    completed = checkin("--db", db_url, "badges", "--out", str(rest), "--stock", "a6", "--only-unprinted")
    assert completed.returncode == 0, completed.stderr
    assert len(PdfReader(rest).pages) == len(guests) - len(speakers)
    text = "".join(page.extract_text() for page in PdfReader(rest).pages[:20])
    assert "Speaker" not in text

    again = checkin("--db", db_url, "badges", "--out", str(tmp_path / "none.pdf"), "--ticket-type", "Speaker",
                    "--only-unprinted")
    assert again.returncode == 0 and "No badges to print" in again.stderr
    assert not (tmp_path / "none.pdf").exists()


def test_own_layout_file(event, tmp_path):
    db_url, guests = event
    layout = tmp_path / "mine.json"
    layout.write_text('{"format": "checkin-desk-badge-layout", "version": 1, "name": "Mine", "width": 90, '
                      '"height": 54, "elements": [{"type": "text", "x": 5, "y": 5, "width": 80, "height": 20, '
                      '"text": "Hello {given_name}!"}]}', encoding="utf-8")
    out = tmp_path / "mine.pdf"
    completed = checkin("--db", db_url, "badges", "--out", str(out), "--layout", str(layout), "--stock", "dymo-11356")
    assert completed.returncode == 0, completed.stderr
    assert f"Hello {guests[0].given_name}!" in PdfReader(out).pages[0].extract_text()


@pytest.mark.parametrize("args, message", [
    (["--stock", "herma-9999"], "unknown badge stock 'herma-9999'"),
    (["--ticket-type", "Sponsor"], "no ticket type 'Sponsor'"),
    (["--layout", "nope"], "no layout named 'nope'"),
    (["--sort", "age"], "invalid choice: 'age'"),
])
def test_bad_input_is_a_usage_error_and_writes_nothing(event, tmp_path, args, message):
    db_url, _guests = event
    existing = tmp_path / "keep.pdf"
    existing.write_bytes(b"%PDF-1.4 the organiser's earlier batch")
    completed = checkin("--db", db_url, "badges", "--out", str(existing), *args)
    assert completed.returncode == 2
    assert message in completed.stderr and "Traceback" not in completed.stderr
    assert existing.read_bytes() == b"%PDF-1.4 the organiser's earlier batch"


def test_missing_out_and_unwritable_folder(event, tmp_path):
    db_url, _guests = event
    completed = checkin("--db", db_url, "badges")
    assert completed.returncode == 2 and "--out" in completed.stderr
    completed = checkin("--db", db_url, "badges", "--out", str(tmp_path / "no" / "such" / "dir.pdf"))
    assert completed.returncode == 1 and "cannot write" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_calibration_page(tmp_path):
    out = tmp_path / "calibration.pdf"
    completed = checkin("badges", "--calibration", "--stock", "durable-1456", "--out", str(out))
    assert completed.returncode == 0, completed.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) == 1 and "Measure the gap" in reader.pages[0].extract_text()


def test_printer_offset_is_saved_and_applied(tmp_path):
    completed = checkin("badges", "--printer", "Brother_QL", "--set-offset", "1.5", "-2")
    assert completed.returncode == 0, completed.stderr
    assert "1.5 mm right and -2 mm down" in completed.stdout
    refused = checkin("badges", "--printer", "Brother_QL", "--set-offset", "40", "0")
    assert refused.returncode == 2 and "wrong stock" in refused.stderr
    assert checkin("badges", "--set-offset", "1", "1").returncode == 2
    plain, moved = tmp_path / "plain.pdf", tmp_path / "moved.pdf"
    checkin("badges", "--calibration", "--stock", "a6", "--out", str(plain))
    checkin("badges", "--calibration", "--stock", "a6", "--out", str(moved), "--printer", "Brother_QL")
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    [before] = rasterise(plain.read_bytes(), tmp_path / "a")
    [after] = rasterise(moved.read_bytes(), tmp_path / "b")
    assert dark_bbox(after)[0] - dark_bbox(before)[0] == pytest.approx(1.5 * DPI / 25.4, abs=1.5)

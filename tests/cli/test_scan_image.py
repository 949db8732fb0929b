"""`checkin scan --image FILE`: a photo or screenshot goes through the camera's decode path and
is scanned like `checkin scan CODE`, in a subprocess without any display."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scanning.pictures import scene, ticket, turned

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
#: As on a server or in a cron job: no X display and no Qt platform chosen.
HEADLESS = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM",
                                                                              "WAYLAND_DISPLAY")}


def run(db: str, *args: str, expect: int = 0) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "checkin", "--db", db, *args]
    result = subprocess.run(command, capture_output=True, text=True, env={**HEADLESS, "PYTHONPATH": str(ROOT)},
                            timeout=120)
    assert result.returncode == expect, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def demo_db(db_url):
    run(db_url, "demo", "--guests", "60")
    return db_url


@pytest.fixture
def valid(demo_db) -> list[str]:
    guests = json.loads(run(demo_db, "search", "example", "--json", "--limit", "100").stdout)
    return [guest["code"] for guest in guests if guest["status"] == "valid"]


def photo(path: Path, *codes: str, size: tuple[int, int] = (1600, 1200)) -> Path:
    """A photo of a phone screen: the ticket a little turned, grey surroundings, JPEG."""
    placed = [(turned(ticket(code, box=7), 8), (150 + 700 * number, 300)) for number, code in enumerate(codes)]
    scene(size, *placed, background=200).convert("RGB").save(path, quality=88)
    return path


def test_a_photo_of_a_ticket_checks_the_guest_in_like_its_code(demo_db, valid, tmp_path):
    by_code = json.loads(run(demo_db, "scan", valid[0], "--json").stdout)
    answer = json.loads(run(demo_db, "scan", "--image", str(photo(tmp_path / "t.jpg", valid[1])), "--json").stdout)
    assert answer["outcome"] == "ok" and answer["code"] == valid[1]
    assert answer.keys() == by_code.keys()
    again = run(demo_db, "scan", "--image", str(tmp_path / "t.jpg"), "--json", expect=3)
    assert json.loads(again.stdout)["outcome"] == "already_checked_in"


def test_a_large_screenshot_with_a_small_code_is_read(demo_db, valid, tmp_path):
    path = tmp_path / "screen.png"
    scene((3840, 2160), (ticket(valid[2], box=3), (3000, 1700))).save(path)
    assert run(demo_db, "scan", "--image", str(path)).stdout.startswith("OK:")


def test_two_codes_in_the_picture_scan_nobody(demo_db, valid, tmp_path):
    path = photo(tmp_path / "two.jpg", valid[3], valid[4])
    result = run(demo_db, "scan", "--image", str(path), "--json", expect=1)
    error = json.loads(result.stdout)
    assert error["error"] == "several_codes" and set(error["codes"]) == {valid[3], valid[4]}
    assert "one ticket at a time" in result.stderr and result.stderr.count("\n") == 1
    for code in (valid[3], valid[4]):
        [guest] = [g for g in json.loads(run(demo_db, "search", code, "--json").stdout) if g["code"] == code]
        assert guest["checked_in"] is False


@pytest.mark.parametrize(("name", "content", "error"), [
    ("blank.png", "blank", "no_code"),
    ("notes.png", b"these are notes, not a picture\n", "unreadable"),
    ("missing.jpg", None, "unreadable"),
])
def test_no_code_or_no_picture_is_a_one_line_error(demo_db, tmp_path, name, content, error):
    path = tmp_path / name
    if content == "blank":
        scene((800, 600)).save(path)
    elif content is not None:
        path.write_bytes(content)
    plain = run(demo_db, "scan", "--image", str(path), expect=1)
    assert plain.stdout == "" and plain.stderr.count("\n") == 1 and str(path) in plain.stderr
    answer = json.loads(run(demo_db, "scan", "--image", str(path), "--json", expect=1).stdout)
    assert answer["error"] == error and answer["image"] == str(path) and answer["message"]


def test_a_code_and_an_image_together_or_neither_is_a_usage_error(demo_db, valid, tmp_path):
    path = photo(tmp_path / "t.jpg", valid[5])
    assert "either" in run(demo_db, "scan", valid[5], "--image", str(path), expect=2).stderr
    run(demo_db, "scan", expect=2)

"""The CLI end to end, in a subprocess, as organisers script it."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import checkin
from checkin.store.database import open_database
from checkin.sync.demo import create_demo_event

ROOT = Path(__file__).resolve().parents[2]


def run(*args, db=None, expect=0):
    command = [sys.executable, "-m", "checkin"] + (["--db", db] if db else []) + list(args)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == expect, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def demo_db(db_url):
    run("demo", "--guests", "300", db=db_url)
    return db_url


def _guests(db, query="example"):
    return json.loads(run("search", query, "--json", "--limit", "400", db=db).stdout)


def test_version():
    assert run("--version").stdout.strip() == f"checkin {checkin.__version__}"


def test_scan_ok_then_duplicate_with_exit_codes(demo_db):
    guest = next(g for g in _guests(demo_db) if g["status"] == "valid")
    first = json.loads(run("scan", guest["code"], "--json", "--desk", "Entrance A", db=demo_db).stdout)
    assert first["outcome"] == "ok" and first["code"] == guest["code"]
    assert first["name"].endswith(f"{guest['given_name']} {guest['family_name']}")
    assert first["message"]
    second = json.loads(run("scan", guest["code"], "--json", db=demo_db, expect=3).stdout)
    assert second["outcome"] == "already_checked_in"
    assert second["previous"]["desk"] == "Entrance A"
    found = [g for g in _guests(demo_db, guest["family_name"]) if g["code"] == guest["code"]]
    assert found[0]["checked_in"] is True


def test_exit_of_a_guest_who_never_entered_is_recorded_with_a_warning(demo_db):
    guests = [g for g in _guests(demo_db) if g["status"] == "valid"]
    never, entered = guests[0], guests[1]
    answer = json.loads(run("scan", never["code"], "--exit", "--json", db=demo_db).stdout)
    assert (answer["outcome"], answer["severity"], answer["direction"]) == ("ok", "warning", "exit")
    assert answer["exit_without_entry"] is True and answer["check_in_id"]
    assert answer["message"].endswith("was never checked in. Is this desk in exit mode by mistake?")
    run("scan", entered["code"], db=demo_db)
    leaving = json.loads(run("scan", entered["code"], "--exit", "--json", db=demo_db).stdout)
    assert (leaving["severity"], leaving["exit_without_entry"]) == ("ok", False)


def test_a_second_database_with_another_event_just_works(demo_db, tmp_path):
    """The chosen event is remembered per database: another database never inherits a slug it lacks."""
    config = Path(os.environ["CHECKIN_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.json").write_text('{"event_slug": "demo", "check_in_list_id": 1}')  # as older versions saved
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    database = open_database(other)
    with database.session() as session:
        create_demo_event(session, 30, seed=5, slug="trade-fair")
    database.dispose()
    assert json.loads(run("stats", "--json", db=other).stdout)["registered"] <= 30
    assert json.loads(run("scan", "no-such-code", "--json", db=other, expect=3).stdout)["event"] == "trade-fair"
    assert json.loads(run("scan", "no-such-code", "--json", db=demo_db, expect=3).stdout)["event"] == "demo"
    refused = run("--event", "demo", "stats", db=other, expect=2)
    assert "No event 'demo' in this database (events: trade-fair)" in refused.stderr


@pytest.mark.parametrize(("status", "outcome"), [("cancelled", "cancelled"), ("unpaid", "unpaid")])
def test_refused_scans_exit_3(demo_db, status, outcome):
    guest = next(g for g in _guests(demo_db) if g["status"] == status)
    answer = json.loads(run("scan", guest["code"], "--json", db=demo_db, expect=3).stdout)
    assert answer["outcome"] == outcome


def test_unknown_and_garbage_codes(demo_db):
    assert json.loads(run("scan", "nope", "--json", db=demo_db, expect=3).stdout)["outcome"] == "unknown"
    assert json.loads(run("scan", "   ", "--json", db=demo_db, expect=3).stdout)["outcome"] == "invalid_code"
    assert run("scan", "x" * 10_000, db=demo_db, expect=3).stdout.startswith("INVALID_CODE")


def test_search_json_keys(demo_db):
    hits = _guests(demo_db)
    assert hits
    assert {"code", "given_name", "family_name", "company", "checked_in"} <= set(hits[0])


def test_stats_json(demo_db):
    guest = next(g for g in _guests(demo_db) if g["status"] == "valid")
    run("scan", guest["code"], db=demo_db)
    stats = json.loads(run("stats", "--json", db=demo_db).stdout)
    assert stats["checked_in"] == 1 and stats["registered"] > 100
    assert {row["name"] for row in stats["ticket_types"]} == {"Participant", "Speaker", "Press", "Staff"}


def test_undo(demo_db):
    guest = next(g for g in _guests(demo_db) if g["status"] == "valid")
    run("scan", guest["code"], db=demo_db)
    assert json.loads(run("undo", "--json", db=demo_db).stdout)["code"] == guest["code"]
    run("undo", db=demo_db, expect=3)
    run("scan", guest["code"], db=demo_db)


def test_usage_errors_exit_2(demo_db):
    run("scan", db=demo_db, expect=2)
    run("scan", "abc", "--list", "999", db=demo_db, expect=2)
    run("--event", "nope", "stats", db=demo_db, expect=2)
    run("frobnicate", expect=2)


def test_empty_database_says_what_to_do(db_url):
    result = run("stats", db=db_url, expect=2)
    assert "checkin demo" in result.stderr


def test_unopenable_database_exit_1(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 50)
    result = run("stats", db=f"sqlite:///{junk}", expect=1)
    assert str(junk) in result.stderr and result.stderr.count("\n") == 1


def test_checkin_db_environment_variable(tmp_path):
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CHECKIN_DB": url}
    subprocess.run([sys.executable, "-m", "checkin", "demo", "--guests", "3"], env=env, check=True,
                   capture_output=True)
    assert (tmp_path / "env.sqlite3").exists()


def test_demo_keeps_an_existing_demo_with_check_ins_unless_replace(demo_db):
    guest = next(g for g in _guests(demo_db) if g["status"] == "valid")
    run("scan", guest["code"], db=demo_db)
    refused = run("demo", db=demo_db, expect=2)
    assert "already holds 1 check-ins" in refused.stderr and "--replace" in refused.stderr
    assert json.loads(run("stats", "--json", db=demo_db).stdout)["checked_in"] == 1
    run("demo", "--replace", "--guests", "10", db=demo_db)
    assert json.loads(run("stats", "--json", db=demo_db).stdout)["checked_in"] == 0


def test_the_scan_path_answers_hostile_arguments_without_a_traceback(demo_db):
    for payload in ("http://[abc/XYZ", "https://[::1/x", "https://[zz]/CODE", "AB\udcffCD", "\u200b\ufeff"):
        answer = run("scan", payload, "--json", db=demo_db, expect=3)
        assert json.loads(answer.stdout)["outcome"] == "invalid_code"


def test_arguments_that_are_not_utf8_get_one_line_not_a_traceback(demo_db, tmp_path):
    searched = run("search", "M\udcfcller", db=demo_db, expect=2)  # "Müller" typed in a Latin-1 terminal
    assert "not valid UTF-8" in searched.stderr
    assert "not valid UTF-8" in run("--event", "d\udcffmo", "stats", db=demo_db, expect=2).stderr
    guests = tmp_path / "g\udce4ste.csv"  # Linux allows any bytes in a file name
    guests.write_text("First name;Last name;E-Mail\nAda;Lovelace;ada@example.org\n", encoding="utf-8")
    imported = json.loads(run("import", str(guests), "--json", db=demo_db).stdout)
    assert (imported["file"], imported["imported"]) == ("g\ufffdste.csv", 1)

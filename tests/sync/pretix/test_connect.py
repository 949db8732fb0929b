"""Connecting to a real pretix: device handshake and organiser token; the token stays out of the database."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select

from checkin.store.database import open_database
from checkin.store.desk_choice import remembered
from checkin.store.models import CheckInList, Event, TicketType
from checkin.sync.pretix.client import PretixError
from checkin.sync.pretix.credentials import KEYRING_SERVICE, TokenStore, keyring_account
from checkin.sync.pretix.handshake import parse_handshake
from checkin.sync.pretix.setup import connect
from tests.fakes import MemoryKeyring
from tests.sync.conftest import run_cli

pytestmark = pytest.mark.slow


def test_cli_connect_with_device_handshake_keeps_token_out_of_database_and_settings(
        pretix_server, handshakes, tmp_path):
    db_url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    handshake, device_id = handshakes.take()
    workshop = pretix_server.seed["events"]["conf"]["lists"]["workshop"]
    result = run_cli("--db", db_url, "pretix", "connect", "--url", pretix_server.url, "--handshake", handshake,
                     "--organizer", "ckd", "--event", "conf", "--list", str(workshop), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["device_id"] == device_id
    assert summary["list_name"] == "Workshop room"
    assert {entry["name"] for entry in summary["lists"]} == {"Main entrance", "Workshop room"}

    token_file = tmp_path / "config" / "pretix-tokens.json"
    tokens = json.loads(token_file.read_text())
    [token] = tokens.values()
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert "readable only by you" in summary["token_storage"]
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != token_file:
            assert token.encode() not in path.read_bytes(), f"the token leaked into {path}"
    settings = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert set(settings) == {"desk_id", "desk_name"}, "the chosen event is kept in the database, not per user"
    database = open_database(db_url)
    with database.reader() as session:
        assert remembered(session, settings["desk_id"]) == ("conf", summary["list"])
    database.dispose()

    # The device token works: the server lists this device's event.
    pretix_server.api("GET", "devices/")  # still reachable with the team token
    reused = run_cli("--db", db_url, "pretix", "connect", "--url", pretix_server.url, "--handshake", handshake,
                     "--organizer", "ckd", "--event", "conf")
    assert reused.returncode == 1
    assert "refused the device setup" in reused.stderr and "Traceback" not in reused.stderr


def test_connect_with_organiser_token_uses_the_keyring_and_pulls_metadata(pretix_server, database, tmp_path):
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    tokens = TokenStore(tmp_path / "tokens.json")
    result = connect(database, tokens, url=pretix_server.url + "/", organizer="ckd", event_slug="conf",
                     token=pretix_server.token)
    assert result.token_storage == "the system keyring"
    assert memory.get_password(KEYRING_SERVICE, keyring_account(pretix_server.url, "ckd")) == pretix_server.token
    assert not (tmp_path / "tokens.json").exists()
    with database.reader() as session:
        event = session.get(Event, result.event_id)
        assert (event.name, event.source, event.timezone) == ("Cluster Meeting 2026", "pretix", "Europe/Berlin")
        assert set(session.scalars(select(TicketType.name))) == {"Regular", "Workshop"}
        workshop_list = session.scalar(select(CheckInList).where(CheckInList.name == "Workshop room"))
        assert [t.name for t in workshop_list.ticket_types] == ["Workshop"]
        assert workshop_list.allow_multiple_entries and not workshop_list.all_ticket_types


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"token": "wrong-token"}, "refused the access token"),
    ({"token": "TOKEN", "event_slug": "nope"}, "does not let this token use organizers/ckd/events/nope"),
    ({"token": "TOKEN", "list_id": 999}, "has no check-in list 999"),
    ({"handshake": '{"handshake_version": 2, "url": "URL", "token": "x"}'}, "understands version 1"),
])
def test_bad_connection_details_give_one_clear_error_and_store_nothing(pretix_server, database, tmp_path, kwargs,
                                                                         message):
    options = {"url": pretix_server.url, "organizer": "ckd", "event_slug": "conf", **kwargs}
    if options.get("token") == "TOKEN":
        options["token"] = pretix_server.token
    if "handshake" in options:
        options["handshake"] = options["handshake"].replace("URL", pretix_server.url)
    tokens = TokenStore(tmp_path / "tokens.json")
    with pytest.raises(PretixError, match=message):
        connect(database, tokens, **options)
    with database.reader() as session:
        assert session.scalars(select(Event)).all() == []


def test_handshake_must_be_json_with_url_and_token():
    with pytest.raises(PretixError, match="not valid JSON"):
        parse_handshake("pretix://setup")
    with pytest.raises(PretixError, match="needs \"url\" and \"token\""):
        parse_handshake('{"url": "https://x"}')
    assert parse_handshake('{"handshake_version": 1, "url": "https://x/", "token": "t"}').url == "https://x"


@pytest.mark.parametrize("source", ["standard input", "environment"])
def test_cli_connect_takes_the_token_from_standard_input_or_the_environment(pretix_server, tmp_path, source):
    db_url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    argv = ["--db", db_url, "pretix", "connect", "--url", pretix_server.url, "--organizer", "ckd", "--event", "conf",
            "--json"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    if source == "standard input":
        argv += ["--token-file", "-"]
        env.pop("CHECKIN_PRETIX_TOKEN", None)
    else:
        env["CHECKIN_PRETIX_TOKEN"] = pretix_server.token
    done = subprocess.run([sys.executable, "-m", "checkin", *argv], input=pretix_server.token + "\n", env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["event"] == "conf"
    assert "visible to every user" not in done.stderr

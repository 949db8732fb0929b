"""One sync owner for the venue (against a fake pretix): two syncers → one owner, the owner killed →
the other takes over, ``checkin sync --watch`` in a loop; and check-ins pulled from pretix reach the
other desks' live notices."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from checkin.store.database import Database, open_database
from checkin.store.log_listener import LogListener
from checkin.store.models import CheckIn
from checkin.sync.pretix.client import PretixClient
from checkin.sync.pretix.connection import Connection, save_connection
from checkin.sync.pretix.credentials import TOKEN_ENVIRONMENT, TokenStore
from checkin.sync.pretix.metadata import pull_metadata
from checkin.sync.pretix.owner import Owner, VenueSync, can_sync, owner_state
from checkin.sync.pretix.sync import sync_all
from tests.fakes import FakeCheckIn, FakePretix, ServedPretix

ROOT = Path(__file__).resolve().parents[3]
TAKE_OVER_S = 8  # the standby polls every 2 s; a killed owner's session ends at once


@pytest.fixture
def pretix() -> FakePretix:
    fake = FakePretix()
    for number in range(1, 6):
        fake.add(f"secret-{number:02d}-abcdefghijkl", name=f"Guest {number}")
    return fake


@pytest.fixture
def served(pretix: FakePretix) -> ServedPretix:
    server = ServedPretix(pretix)
    yield server
    server.stop()


@pytest.fixture
def token(monkeypatch: pytest.MonkeyPatch) -> TokenStore:
    monkeypatch.setenv(TOKEN_ENVIRONMENT, "fake-token")
    return TokenStore()


def connect(database: Database, url: str) -> int:
    """The event as `checkin pretix connect` leaves it: metadata pulled, connection kept."""
    connection = Connection(url, "org", "conf", "token", list_id=1)
    with PretixClient(url, "Token fake") as client, database.session() as session:
        event = pull_metadata(client, session, connection)
        save_connection(session, event.id, connection)
        return event.id


def server_check_in(pretix: FakePretix, secret: str) -> None:
    pretix.check_ins.append(FakeCheckIn(f"other-{len(pretix.check_ins)}", secret, 1, "entry",
                                        "2026-12-07T09:30:00+00:00", False))


def check_ins(database: Database) -> int:
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(CheckIn))


def test_a_desk_without_a_connected_event_or_its_token_does_not_compete(database, served, monkeypatch):
    assert not can_sync(database, TokenStore())
    connect(database, served.url)
    assert not can_sync(database, TokenStore()), "no token on this computer"
    monkeypatch.setenv(TOKEN_ENVIRONMENT, "fake-token")
    assert can_sync(database, TokenStore())


@pytest.mark.postgres
def test_check_ins_pulled_from_pretix_reach_the_other_desks_live(pg_database, pretix, served, token):
    event_id = connect(pg_database, served.url)
    notices = []
    listening = open_database(pg_database.url, migrate=False)
    listener = LogListener.for_database(listening, notices.append)
    listener.start()
    try:
        deadline = time.monotonic() + 10
        while not listener.listening and time.monotonic() < deadline:
            time.sleep(0.05)
        server_check_in(pretix, "secret-02-abcdefghijkl")
        [summary] = sync_all(pg_database, token)
        assert not summary.error and check_ins(pg_database) == 1
        deadline = time.monotonic() + 5
        while not any(n.event_id == event_id for n in notices) and time.monotonic() < deadline:
            time.sleep(0.05)
        [notice] = [n for n in notices if n.event_id == event_id]
        assert notice.origin == pg_database.origin  # the owner skips its own; every other desk refreshes
    finally:
        listener.stop()
        listener.join(5)
        listening.dispose()


@pytest.mark.postgres
def test_two_syncers_one_owner_and_the_other_takes_over_when_it_closes(pg_database, pretix, served, token):
    connect(pg_database, served.url)
    other = open_database(pg_database.url, migrate=False)
    desk_a = VenueSync(pg_database, token, Owner("Desk A", "laptop-a"))
    desk_b = VenueSync(other, token, Owner("Desk B", "laptop-b"))
    try:
        first, second = desk_a.turn(), desk_b.turn()
        assert first.owner and not first.summaries[0].error
        assert not second.owner and not second.summaries
        assert (second.state.held, second.state.name, second.state.host) == (True, "Desk A", "laptop-a")
        assert second.state.last_pull_at is not None and second.state.last_error == ""
        served_requests = len(pretix.requests)
        assert not desk_b.turn().owner
        assert len(pretix.requests) == served_requests, "the desk that does not own the sync never asks pretix"
        desk_a.close()
        taken = desk_b.turn()
        assert taken.owner
        assert owner_state(pg_database).name == "Desk B"
        assert not desk_a.turn().owner
    finally:
        desk_a.close()
        desk_b.close()
        other.dispose()


def watch(url: str, *options: str, token: str = "fake-token") -> subprocess.Popen:
    environment = {**os.environ, TOKEN_ENVIRONMENT: token, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "checkin", "--db", url, "sync", "--watch", *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment, cwd=ROOT)


def stop(process: subprocess.Popen) -> None:
    """Whatever the test left running is killed; its pipes are closed."""
    if process.poll() is None:
        process.kill()
    process.wait(10)
    process.stdout.close()
    process.stderr.close()


class Lines:
    """A subprocess's output lines, read as they come."""

    def __init__(self, process: subprocess.Popen):
        self.process, self.lines = process, []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, test, timeout_s: float) -> list:  # noqa: ANN001
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            found = [line for line in self.lines if test(line)]
            if found:
                return found
            if self.process.poll() is not None and not self._thread.is_alive():
                break
            time.sleep(0.05)
        raise AssertionError(f"not seen in {timeout_s} s: {self.lines} {self.process.stderr.read() if self.process.poll() is not None else ''}")

    def json(self) -> list[dict]:
        return [json.loads(line) for line in self.lines]


@pytest.mark.postgres
@pytest.mark.slow
def test_the_owner_killed_the_waiting_watcher_takes_over_and_stops_cleanly(pg_database, pretix, served, token):
    connect(pg_database, served.url)
    owner = watch(pg_database.url, "--interval", "1", "--json")
    owner_lines = Lines(owner)
    standby = None
    try:
        owner_lines.wait_for(lambda line: '"owner":true' in line, 60)
        standby = watch(pg_database.url, "--interval", "1", "--json")
        standby_lines = Lines(standby)
        [waiting] = standby_lines.wait_for(lambda line: '"owner":false' in line, 60)
        assert json.loads(waiting)["sync_owner"]["name"] == "checkin sync --watch"
        server_check_in(pretix, "secret-03-abcdefghijkl")
        owner_lines.wait_for(lambda line: '"pulled":' in line and check_ins(pg_database) == 1, 20)

        owner.send_signal(signal.SIGKILL)
        owner.wait(10)
        killed_at = time.monotonic()
        standby_lines.wait_for(lambda line: '"owner":true' in line, TAKE_OVER_S)
        assert time.monotonic() - killed_at < TAKE_OVER_S
        rounds = [line for line in standby_lines.json() if line["owner"]]
        assert rounds[0]["ok"] and rounds[0]["events"][0]["event"] == "conf"
        assert check_ins(pg_database) == 1, "the server's check-in is copied once, whoever syncs"

        standby.send_signal(signal.SIGTERM)
        assert standby.wait(15) == 0
        assert not owner_state(pg_database).held, "a clean stop releases the lock at once"
    finally:
        for process in filter(None, (owner, standby)):
            stop(process)


def test_watch_refuses_without_a_connected_event_and_interval_needs_watch(database, db_url):
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    environment.pop(TOKEN_ENVIRONMENT, None)
    refused = subprocess.run([sys.executable, "-m", "checkin", "--db", db_url, "sync", "--watch"],
                             capture_output=True, text=True, env=environment, cwd=ROOT, timeout=60)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("checkin: No event is connected to pretix")
    misused = subprocess.run([sys.executable, "-m", "checkin", "--db", db_url, "sync", "--interval", "5"],
                             capture_output=True, text=True, env=environment, cwd=ROOT, timeout=60)
    assert (misused.returncode, misused.stderr.strip()) == (2, "checkin: --interval goes with --watch.")
    wrong = subprocess.run([sys.executable, "-m", "checkin", "--db", db_url, "sync", "--watch", "--interval", "0"],
                           capture_output=True, text=True, env=environment, cwd=ROOT, timeout=60)
    assert wrong.returncode == 2 and "give between 1 and 86400 seconds" in wrong.stderr


@pytest.mark.postgres
def test_a_single_sync_leaves_the_venue_to_its_owner_and_syncs_when_there_is_none(pg_database, pretix, served,
                                                                                  token):
    def main(arguments: list[str]) -> int:
        done = subprocess.run([sys.executable, "-m", "checkin", *arguments], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT, timeout=60)
        outputs.append((done.stdout, done.stderr))
        return done.returncode

    outputs = []
    connect(pg_database, served.url)
    desk_a = VenueSync(pg_database, token, Owner("Desk A", "laptop-a"))
    try:
        assert desk_a.turn().owner
        requests = len(pretix.requests)
        assert main(["--db", pg_database.url, "sync", "--json"]) == 0
        out, err = outputs[-1]
        assert err.startswith("checkin: Desk A on laptop-a syncs with pretix for this database (last successful "
                              "sync: 20") and err.rstrip().endswith("nothing was done here.")
        answer = json.loads(out)
        assert (answer["ok"], answer["events"], answer["sync_owner"]["name"]) == (True, [], "Desk A")
        assert len(pretix.requests) == requests
        desk_a.close()
        server_check_in(pretix, "secret-04-abcdefghijkl")
        assert main(["--db", pg_database.url, "sync", "--json"]) == 0
        answer = json.loads(outputs[-1][0])
        assert answer["ok"] and answer["events"][0]["event"] == "conf" and check_ins(pg_database) == 1
        state = owner_state(pg_database)
        assert (state.held, state.name, state.kind) == (False, "checkin sync", "once")
    finally:
        desk_a.close()

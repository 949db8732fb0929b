"""A real pretix server for the sync tests, started once per session on 127.0.0.1."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from tests.conftest import skip_or_fail
from tests.support.pretix.harness import PretixServer, serve

NO_KEYRING = "keyring.backends.fail.Keyring"


@pytest.fixture(scope="session")
def pretix_server(tmp_path_factory: pytest.TempPathFactory) -> PretixServer:
    yield from serve(tmp_path_factory.mktemp("pretix"), skip_or_fail, orders=300)


@pytest.fixture(autouse=True)
def no_user_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read or write the developer's real keyring; subprocesses neither."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", NO_KEYRING)
    monkeypatch.delenv("CHECKIN_PRETIX_TOKEN", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


class DeviceHandshakes:
    """Hands out the seeded devices' one-time setup tokens, one per caller."""

    def __init__(self, server: PretixServer):
        self.server = server
        self.devices = list(server.seed["devices"])

    def take(self) -> tuple[str, int]:
        device = self.devices.pop(0)
        handshake = {"handshake_version": 1, "url": self.server.url, "token": device["initialization_token"]}
        return json.dumps(handshake), device["device_id"]


@pytest.fixture(scope="session")
def handshakes(pretix_server: PretixServer) -> DeviceHandshakes:
    return DeviceHandshakes(pretix_server)


def run_cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m checkin …`` in a subprocess, as a person would run it."""
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parents[2]),
                                                              environment.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True, text=True,
                          env=environment, timeout=timeout)


@pytest.fixture
def tokens(tmp_path: Path):
    from checkin.sync.pretix.credentials import TokenStore

    return TokenStore(tmp_path / "config" / "pretix-tokens.json")


@pytest.fixture
def connected(pretix_server: PretixServer, database, tokens):
    """A fresh local database connected to the server's 'conf' event with the organiser token."""
    from checkin.sync.pretix.setup import connect

    return connect(database, tokens, url=pretix_server.url, organizer="ckd", event_slug="conf",
                   token=pretix_server.token)


def registration(database, code: str):
    from checkin.store.models import Registration
    from sqlalchemy import select

    with database.reader() as session:
        return session.scalar(select(Registration).where(Registration.code == code))


def position_of(server: PretixServer, order_code: str) -> dict:
    return server.api("GET", f"events/conf/orders/{order_code}/").json()["positions"][0]


def server_check_ins(server: PretixServer, **filters) -> list[dict]:
    """Every check-in pretix recorded for the 'conf' event (successful and failed), with filters."""
    rows, page = [], 1
    while True:
        data = server.api("GET", "events/conf/checkins/", params={**filters, "page": page}).json()
        rows.extend(data["results"])
        if not data["next"]:
            return rows
        page += 1


def desk_for(database, name: str):
    import uuid

    from checkin.store.desk import DeskService

    return DeskService(database, str(uuid.uuid5(uuid.NAMESPACE_URL, f"test-desk:{name}")), name)


def pulled_copy(pretix_server: PretixServer, tmp_path: Path, name: str, tokens):
    """Another desk's own database, connected and pulled (two offline desks share nothing)."""
    from checkin.store.database import open_database
    from checkin.sync.pretix.setup import connect
    from checkin.sync.pretix.sync import sync_event

    database = open_database(f"sqlite:///{tmp_path / f'{name}.sqlite3'}")
    result = connect(database, tokens, url=pretix_server.url, organizer="ckd", event_slug="conf",
                     token=pretix_server.token)
    summary = sync_event(database, tokens, result.event_id)
    assert not summary.error, summary.error
    return database, result


def create_order(server: PretixServer, item: str = "regular", given: str = "Neele", family: str = "Spät") -> dict:
    """A paid order placed on the server now (after any earlier pull); returns its position."""
    seed = server.seed["events"]["conf"]
    body = {"email": "late@example.org", "locale": "en", "sales_channel": "web", "status": "p",
            "payment_provider": "manual", "send_email": False,
            "positions": [{"item": seed["items"][item], "price": "100.00",
                           "attendee_name_parts": {"given_name": given, "family_name": family}}]}
    return server.api("POST", "events/conf/orders/", json=body).json()["positions"][0]


class PaidGuests:
    """Paid, never-scanned guests of the shared server, each handed out once (orders 00200 and up)."""

    def __init__(self, server: PretixServer):
        self.server = server
        orders = []
        for page in (1, 2, 3, 4, 5, 6, 7):
            data = server.api("GET", "events/conf/orders/", params={"status": "p", "page": page,
                                                                    "ordering": "-code"}).json()
            orders.extend(order for order in data["results"] if order["code"] >= "00200")
            if not data["next"]:
                break
        # Never one another test scanned already (late orders made by create_order are paid too).
        self.positions = [order["positions"][0] for order in orders if order["positions"][0]["item"] ==
                          server.seed["events"]["conf"]["items"]["regular"] and not order["positions"][0]["checkins"]]

    def take(self, count: int = 1) -> list[dict]:
        taken, self.positions = self.positions[:count], self.positions[count:]
        return taken


@pytest.fixture(scope="session")
def paid_guests(pretix_server: PretixServer) -> PaidGuests:
    return PaidGuests(pretix_server)


def server_positions(server: PretixServer) -> int:
    """How many positions the shared 'conf' event holds now (other tests add orders)."""
    return server.api("GET", "events/conf/orders/", params={"page_size": 1}).json()["count"]

"""Pulling orders from a real pretix: first pull, incremental pull, an interrupted first pull resumed,
a failed page stopping the pull at once, downloads never far ahead of a slow writer."""
from __future__ import annotations

import math
import time

import httpx
import pytest
from sqlalchemy import func, select

from checkin.store.models import Registration, SearchToken, SyncState
from checkin.store.search import search
from checkin.sync.pretix.client import PretixUnavailable
from checkin.sync.pretix.connection import load_connection
from checkin.sync.pretix.pull import Puller
from tests.sync.conftest import position_of, registration, server_positions

pytestmark = pytest.mark.slow


def _puller(database, tokens, event_id, **options):
    with database.reader() as session:
        connection = load_connection(session, event_id)
    client_options = options.pop("client_options", {})
    return Puller(connection.client(tokens, **client_options), database, connection, **options)


def _count(database, statement):
    with database.reader() as session:
        return session.scalar(statement)


def test_first_pull_then_only_changes(pretix_server, database, tokens, connected):
    seed = pretix_server.seed["events"]["conf"]
    total = server_positions(pretix_server)
    first = _puller(database, tokens, connected.event_id).pull()
    assert (first.full, first.positions, first.pages) == (True, total, math.ceil(total / 50))
    assert _count(database, select(func.count(Registration.id))) == total
    assert registration(database, position_of(pretix_server, seed["cancelled_order"])["secret"]).status == "cancelled"
    assert registration(database, position_of(pretix_server, seed["pending_order"])["secret"]).status == "unpaid"
    with database.reader() as session:
        assert search(session, connected.event_id, "simunek"), "names are searchable right after the pull"

    changed = position_of(pretix_server, "00010")
    pretix_server.api("PATCH", f"events/conf/orderpositions/{changed['id']}/",
                      json={"attendee_name_parts": {"given_name": "Xaver", "family_name": "Quandt-Żółw"}})
    second = _puller(database, tokens, connected.event_id).pull()
    assert (second.full, second.positions) == (False, 1)
    guest = registration(database, changed["secret"])
    assert (guest.given_name, guest.family_name) == ("Xaver", "Quandt-Żółw")
    with database.reader() as session:
        [hit] = search(session, connected.event_id, "zolw")
        assert hit.registration_id == guest.id
        assert not search(session, connected.event_id, changed["attendee_name_parts"]["family_name"] + " xaver")
    assert _count(database, select(func.count(Registration.id))) == total
    tokens_per_guest = _count(database, select(func.count()).select_from(SearchToken)
                              .where(SearchToken.registration_id == guest.id))
    assert 0 < tokens_per_guest < 40

    third = _puller(database, tokens, connected.event_id).pull()
    assert (third.full, third.positions) == (False, 0)


class FailingPages(httpx.HTTPTransport):
    """Drops the connection for chosen order pages, like a train entering a tunnel."""

    def __init__(self, pages: set[str]):
        super().__init__()
        self.pages = pages
        self.requested: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        page = request.url.params.get("page", "")
        if request.url.path.endswith("/orders/"):
            self.requested.append(page)
            if page in self.pages:
                raise httpx.ConnectError("connection dropped", request=request)
        return super().handle_request(request)


def test_interrupted_first_pull_resumes_where_it_stopped(pretix_server, database, tokens, connected):
    total = server_positions(pretix_server)
    broken = FailingPages({"5"})
    puller = _puller(database, tokens, connected.event_id, concurrency=1, batch_pages=2,
                     client_options={"transport": broken, "retries": 0})
    with pytest.raises(PretixUnavailable, match="unreachable"):
        puller.pull()
    assert _count(database, select(func.count(Registration.id))) == 200  # pages 1-4 written, 5-6 not
    with database.reader() as session:
        state = session.scalar(select(SyncState).where(SyncState.resource == "orders"))
        assert state.cursor == "" and state.data["done"] == [1, 2, 3, 4]

    resumed = FailingPages(set())
    result = _puller(database, tokens, connected.event_id, client_options={"transport": resumed}).pull()
    assert result.full and result.positions == total - 200
    assert sorted(resumed.requested, key=int) == ["1"] + [str(page) for page in range(5, math.ceil(total / 50) + 1)]
    assert _count(database, select(func.count(Registration.id))) == total
    assert _count(database, select(func.count(func.distinct(Registration.code)))) == total


def test_a_failed_page_stops_the_pull_without_fetching_the_rest_of_the_event(pretix_server, database, tokens,
                                                                            connected):
    pages = math.ceil(server_positions(pretix_server) / 50)
    assert pages >= 6
    broken = FailingPages({"2"})
    puller = _puller(database, tokens, connected.event_id, concurrency=1, batch_pages=1,
                     client_options={"transport": broken, "retries": 0})
    with pytest.raises(PretixUnavailable):
        puller.pull()
    # Read-ahead is a batch plus the fetches in flight: pages queued behind the failure are dropped, not
    # downloaded (and held in memory) before the error reaches the user.
    assert set(broken.requested) <= {"1", "2", "3"}


class SlowWriter(Puller):
    """A writer slower than the network: records how far the downloads ran ahead of each write."""

    def __init__(self, *args, transport: FailingPages, **kwargs):
        super().__init__(*args, **kwargs)
        self.transport = transport
        self.ahead: list[int] = []
        self.written = 0

    def _write(self, orders, done_pages=(), data=None):
        done_pages = list(done_pages)
        self.written += len(done_pages)
        time.sleep(0.3)
        self.ahead.append(len(self.transport.requested) - self.written)
        return super()._write(orders, done_pages, data)


def test_downloads_run_ahead_of_a_slow_writer_by_at_most_a_batch_and_the_fetches_in_flight(
        pretix_server, database, tokens, connected):
    with database.reader() as session:
        connection = load_connection(session, connected.event_id)
    transport = FailingPages(set())
    puller = SlowWriter(connection.client(tokens, transport=transport), database, connection, concurrency=2,
                        batch_pages=1, transport=transport)
    assert puller.pull().positions == server_positions(pretix_server)
    assert len(puller.ahead) >= 6
    assert max(puller.ahead) <= 2 + 1  # concurrency + batch_pages: never the rest of the event

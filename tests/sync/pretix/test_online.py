"""Online mode against a real pretix: online-first redeem, automatic fallback and recovery, no double count."""
from __future__ import annotations

import httpx
import pytest

from checkin.core.decision import Outcome
from checkin.sync.pretix.connection import load_connection
from checkin.sync.pretix.offline import pretix_desk
from checkin.sync.pretix.online import OnlineTiming, PretixOnline
from checkin.sync.pretix.sync import sync_event
from tests.sync.conftest import pulled_copy, server_check_ins

pytestmark = pytest.mark.slow


class Network(httpx.HTTPTransport):
    """The real server behind a switch: up, down, or 'the server got it but the answer was lost'."""

    def __init__(self):
        super().__init__()
        self.mode = "up"
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.mode == "down":
            raise httpx.ConnectTimeout("timed out", request=request)
        response = super().handle_request(request)
        if self.mode == "answer-lost":
            response.close()
            raise httpx.ReadTimeout("timed out", request=request)
        return response


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _online_desk(database, tokens, event_id, name, network=None, clock=None, states=None):
    with database.reader() as session:
        connection = load_connection(session, event_id)
    client = connection.client(tokens, transport=network, retries=0) if network else connection.client(tokens)
    listener = (lambda online, text: states.append((online, text))) if states is not None else None
    online = PretixOnline(database, client, connection, monotonic=clock or Clock(), on_state=listener,
                          timing=OnlineTiming(slow=5.0))
    return pretix_desk(database, f"00000000-0000-4000-8000-{abs(hash(name)) % 10**12:012d}", name, online=online)


def test_two_online_desks_never_admit_the_same_guest_twice(pretix_server, tokens, tmp_path, paid_guests):
    db_a, connected = pulled_copy(pretix_server, tmp_path, "online-a", tokens)
    db_b, _ = pulled_copy(pretix_server, tmp_path, "online-b", tokens)
    desk_a = _online_desk(db_a, tokens, connected.event_id, "Online A")
    desk_b = _online_desk(db_b, tokens, connected.event_id, "Online B")
    [guest] = paid_guests.take()
    first = desk_a.scan(connected.event_id, connected.list_id, guest["secret"])
    second = desk_b.scan(connected.event_id, connected.list_id, guest["secret"])
    assert first.decision.outcome is Outcome.OK and first.decision.extra == {"online": True}
    assert second.decision.outcome is Outcome.ALREADY_CHECKED_IN  # B's local data alone would have said OK
    assert sync_event(db_a, tokens, connected.event_id).uploaded == 0  # already on the server
    assert sync_event(db_b, tokens, connected.event_id).uploaded == 0
    rows = [row for row in server_check_ins(pretix_server, successful="true") if row["position"] == guest["id"]]
    assert len(rows) == 1


def test_falls_back_offline_by_itself_and_returns_without_counting_twice(pretix_server, database, tokens, connected,
                                                                       paid_guests):
    assert not sync_event(database, tokens, connected.event_id).error
    network, clock, states = Network(), Clock(), []
    desk = _online_desk(database, tokens, connected.event_id, "Flaky", network, clock, states)
    lost, down, back = paid_guests.take(3)

    network.mode = "answer-lost"  # pretix records the check-in, the desk never hears back
    answer = desk.scan(connected.event_id, connected.list_id, lost["secret"])
    assert answer.decision.outcome is Outcome.OK and "online" not in answer.decision.extra
    assert states == [(False, states[0][1])] and "did not answer in time" in states[0][1]

    network.mode, before = "down", network.requests
    assert desk.scan(connected.event_id, connected.list_id, down["secret"]).decision.outcome is Outcome.OK
    assert network.requests == before, "while offline, scans do not wait for the network"

    network.mode, clock.now = "up", clock.now + 31
    assert desk.scan(connected.event_id, connected.list_id, back["secret"]).decision.extra == {"online": True}
    assert states[-1] == (True, "")

    summary = sync_event(database, tokens, connected.event_id)
    assert (summary.uploaded, summary.pending_upload) == (2, 0)
    ids = {lost["id"], down["id"], back["id"]}
    rows = [row["position"] for row in server_check_ins(pretix_server, successful="true") if row["position"] in ids]
    assert sorted(rows) == sorted(ids), "each guest exactly once on the server"

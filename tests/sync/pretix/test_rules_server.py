"""Check-in rules offline against the real pretix: the offline answer equals pretix's own online redeem,
and a scan the rules refused reaches the server as a failed check-in with reason "rules"."""
from __future__ import annotations

import uuid

import httpx
import pytest
from sqlalchemy import select

from checkin.core.decision import Outcome
from checkin.store.database import open_database
from checkin.store.models import CheckInList
from checkin.sync.pretix.connection import authorization, load_connection
from checkin.sync.pretix.desk import desk_service_for
from checkin.sync.pretix.mapping import SERVER_REASON
from checkin.sync.pretix.offline import pretix_desk
from checkin.sync.pretix.setup import connect
from checkin.sync.pretix.sync import sync_event
from tests.sync.conftest import create_order, server_check_ins

pytestmark = pytest.mark.slow


def _product(item_id: int) -> dict:
    return {"inList": [{"var": "product"}, {"objectList": [{"lookup": ["product", str(item_id), "Workshop"]}]}]}


def _rules(workshop: int) -> dict:
    """Workshop tickets any time; others once a day, from a day before the event's admission."""
    return {"or": [_product(workshop), {"and": [
        {"<": [{"var": "entries_today"}, 1]},
        {"isAfter": [{"var": "now"}, {"buildTime": ["date_admission"]}, 1500]},
    ]}]}


@pytest.fixture
def server_list(pretix_server):
    """Makes lists with rules on the shared server, removed afterwards (other tests count the event's lists)."""
    made = []

    def make(name: str, rules: dict) -> int:
        body = {"name": f"Rules: {name} {uuid.uuid4().hex[:6]}", "all_products": True,
                "allow_multiple_entries": True, "rules": rules}
        made.append(pretix_server.api("POST", "events/conf/checkinlists/", json=body).json()["id"])
        return made[-1]

    yield make
    for list_id in made:
        pretix_server.api("DELETE", f"events/conf/checkinlists/{list_id}/")


def _redeem(server, secret: str, list_id: int, nonce: str | None = None, auth: dict | None = None
            ) -> tuple[Outcome, str]:
    """pretix's own online answer (force=false), as our outcome and pretix's explanation."""
    body = {"secret": secret, "lists": [list_id], "force": False, "type": "entry", "questions_supported": False,
            "nonce": nonce or str(uuid.uuid4())}
    data = _post(server, body, auth).json()
    outcome = Outcome.OK if data["status"] == "ok" else Outcome(SERVER_REASON.get(data.get("reason"), "invalid_code"))
    return outcome, data.get("reason_explanation") or ""


def _post(server, body: dict, auth: dict | None):  # noqa: ANN001, ANN202 - a refusal is HTTP 400
    return httpx.post(f"{server.url}/api/v1/organizers/{server.organizer}/checkinrpc/redeem/", json=body,
                      headers=auth or server.auth, timeout=60)


def _failed_rules(server, list_id: int, position_id: int) -> list[str]:
    """The explanations of the failed check-ins with reason "rules" of one guest on one list."""
    rows = server_check_ins(server, list=list_id, successful="false")
    return [row["error_explanation"] or "" for row in rows
            if row["position"] == position_id and row["error_reason"] == "rules"]


def test_offline_rules_answer_as_pretix_and_refusals_upload_with_reason_rules(
        pretix_server, database, tokens, paid_guests, connected, server_list):
    daily = server_list("daily", _rules(pretix_server.seed["events"]["conf"]["items"]["workshop"]))
    opens = server_list("opens", {"isAfter": [{"var": "now"}, {"buildTime": ["date_from"]}]})
    workshop = create_order(pretix_server, item="workshop", given="Wanda", family="Werkstatt")
    first, elsewhere = paid_guests.take(2)
    _redeem(pretix_server, elsewhere["secret"], daily)  # another device admits this guest before our pull
    assert not sync_event(database, tokens, connected.event_id).error
    with database.reader() as session:
        local = dict(session.execute(select(CheckInList.external_id, CheckInList.id)).all())
        assert session.scalar(select(CheckInList.rules).where(CheckInList.id == local[str(daily)]))
    desk = pretix_desk(database, "00000000-0000-4000-8000-0000000000c1", "Desk Rules Server")

    def both(secret: str, list_id: int) -> tuple[Outcome, Outcome, str, str]:
        """Offline first; then pretix with the same nonce, so an admitted scan is not uploaded twice."""
        scan = desk.scan(connected.event_id, local[str(list_id)], secret)
        same_nonce = scan.nonce if scan.decision.accepted else None
        online, explanation = _redeem(pretix_server, secret, list_id, same_nonce)
        return scan.decision.outcome, online, scan.decision.message, explanation

    allowed, refused = Outcome.OK, Outcome.ENTRY_NOT_PERMITTED
    assert both(first["secret"], daily)[:2] == (allowed, allowed)
    offline, online, message, explanation = both(first["secret"], daily)
    assert (offline, online) == (refused, refused)
    assert "number of entries today" in message and "number of entries today" in explanation
    assert both(elsewhere["secret"], daily)[:2] == (refused, refused)  # the entry seen on the server counts
    for _ in range(2):
        assert both(workshop["secret"], daily)[:2] == (allowed, allowed)
    offline, online, message, explanation = both(first["secret"], opens)
    assert (offline, online) == (refused, refused)
    assert "only allowed after" in message and "Only allowed after" in explanation

    before = _failed_rules(pretix_server, daily, first["id"])
    summary = sync_event(database, tokens, connected.event_id)
    assert (summary.error, summary.pending_upload) == ("", 0)
    uploaded = _failed_rules(pretix_server, daily, first["id"])
    assert len(uploaded) == len(before) + 1
    assert "maximum number of entries today reached (1 so far)" in uploaded  # our words travel with the refusal
    assert len(_failed_rules(pretix_server, opens, first["id"])) == 2  # pretix's own refusal and our upload
    entries = server_check_ins(pretix_server, list=daily, successful="true")
    assert sorted(row["position"] for row in entries) == sorted([first["id"], elsewhere["id"], workshop["id"],
                                                                 workshop["id"]])

    online_desk = desk_service_for(connected.event_id, database, "00000000-0000-4000-8000-0000000000c2",
                                   "Desk Rules Online", tokens=tokens)
    answer = online_desk.scan(connected.event_id, local[str(daily)], first["secret"]).decision
    assert (answer.outcome, answer.extra.get("online")) == (refused, True)
    assert "number of entries today" in answer.message


def test_gate_rules_follow_the_gate_pretix_placed_this_device_at(
        pretix_server, handshakes, tokens, tmp_path, paid_guests, server_list):
    handshake, device_id = handshakes.take()
    gate = pretix_server.gate_device(device_id, "Hall A")
    only_here = server_list("gate", {"inList": [{"var": "gate"}, {"objectList": [{"lookup": ["gate", str(gate), "A"]}]}]})
    elsewhere = server_list("other gate", {"==": [{"var": "gate"}, gate + 1000]})
    database = open_database(f"sqlite:///{tmp_path / 'gate.sqlite3'}")
    result = connect(database, tokens, url=pretix_server.url, organizer="ckd", event_slug="conf", handshake=handshake)
    assert not sync_event(database, tokens, result.event_id).error
    with database.reader() as session:
        local = dict(session.execute(select(CheckInList.external_id, CheckInList.id)).all())
        connection = load_connection(session, result.event_id)
    device_auth = {"Authorization": authorization("device", tokens.load(connection.account))}
    desk = pretix_desk(database, "00000000-0000-4000-8000-0000000000c3", "Desk Hall A")
    [guest] = paid_guests.take(1)

    here = desk.scan(result.event_id, local[str(only_here)], guest["secret"])
    assert here.decision.outcome is Outcome.OK
    assert _redeem(pretix_server, guest["secret"], only_here, here.nonce, device_auth)[0] is Outcome.OK
    there = desk.scan(result.event_id, local[str(elsewhere)], guest["secret"]).decision
    assert (there.outcome, there.message) == (Outcome.ENTRY_NOT_PERMITTED,
                                              "Entry not permitted: wrong entrance for this ticket.")
    assert _redeem(pretix_server, guest["secret"], elsewhere, auth=device_auth)[0] is Outcome.ENTRY_NOT_PERMITTED

"""Check-in rules offline against the real pretix: the offline answer equals pretix's own online redeem,
and a scan the rules refused reaches the server as a failed check-in with reason "rules"."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from checkin.core.decision import Outcome
from checkin.store.models import CheckInList
from checkin.sync.pretix.desk import desk_service_for
from checkin.sync.pretix.mapping import SERVER_REASON
from checkin.sync.pretix.offline import PretixDeskService
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


def _server_list(server, name: str, rules: dict) -> int:
    body = {"name": name, "all_products": True, "allow_multiple_entries": True, "rules": rules}
    return server.api("POST", "events/conf/checkinlists/", json=body).json()["id"]


@pytest.fixture
def rule_lists(pretix_server):
    """Two lists with rules on the shared server, removed afterwards (other tests count the event's lists)."""
    seed = pretix_server.seed["events"]["conf"]
    daily = _server_list(pretix_server, f"Rules: daily {uuid.uuid4().hex[:6]}", _rules(seed["items"]["workshop"]))
    opens = _server_list(pretix_server, f"Rules: opens {uuid.uuid4().hex[:6]}",
                         {"isAfter": [{"var": "now"}, {"buildTime": ["date_from"]}]})
    yield daily, opens
    for list_id in (daily, opens):
        pretix_server.api("DELETE", f"events/conf/checkinlists/{list_id}/")


def _redeem(server, secret: str, list_id: int, nonce: str | None = None) -> tuple[Outcome, str]:
    """pretix's own online answer (force=false), as our outcome and pretix's explanation."""
    body = {"secret": secret, "lists": [list_id], "force": False, "type": "entry", "questions_supported": False,
            "nonce": nonce or str(uuid.uuid4())}
    data = _post(server, body).json()
    outcome = Outcome.OK if data["status"] == "ok" else Outcome(SERVER_REASON.get(data.get("reason"), "invalid_code"))
    return outcome, data.get("reason_explanation") or ""


def _post(server, body: dict):  # noqa: ANN001, ANN202 - a refusal is HTTP 400, which server.api would raise
    import httpx

    return httpx.post(f"{server.url}/api/v1/organizers/{server.organizer}/checkinrpc/redeem/", json=body,
                      headers=server.auth, timeout=60)


def _failed_rules(server, list_id: int, position_id: int) -> list[str]:
    """The explanations of the failed check-ins with reason "rules" of one guest on one list."""
    rows = server_check_ins(server, list=list_id, successful="false")
    return [row["error_explanation"] or "" for row in rows
            if row["position"] == position_id and row["error_reason"] == "rules"]


def test_offline_rules_answer_as_pretix_and_refusals_upload_with_reason_rules(
        pretix_server, database, tokens, paid_guests, connected, rule_lists):
    daily, opens = rule_lists
    workshop = create_order(pretix_server, item="workshop", given="Wanda", family="Werkstatt")
    first, elsewhere = paid_guests.take(2)
    _redeem(pretix_server, elsewhere["secret"], daily)  # another device admits this guest before our pull
    assert not sync_event(database, tokens, connected.event_id).error
    with database.reader() as session:
        local = dict(session.execute(select(CheckInList.external_id, CheckInList.id)).all())
        assert session.scalar(select(CheckInList.rules).where(CheckInList.id == local[str(daily)]))
    desk = PretixDeskService(database, "00000000-0000-4000-8000-0000000000c1", "Desk Rules Server")

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

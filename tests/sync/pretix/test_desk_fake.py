"""The desk's pretix logic against a fake pretix (fast): online first, the fallback and its nonce,
exactly-once upload, retries, signed tickets, revoked secrets and custom rules.

The same behaviour against the real server is in test_online.py, test_push.py, test_offline.py
and test_rules_server.py (marked slow); these run in the fast suite."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from checkin.core.decision import Direction, Outcome
from checkin.store.database import Database
from checkin.store.desk import DeskService, guest_by_code
from checkin.store.desk_collaborators import Resolution
from checkin.store.models import CheckIn, CheckInList, Event, Registration, RevokedSecret
from checkin.sync.demo import create_demo_event
from checkin.sync.pretix.client import PretixUnavailable
from checkin.sync.pretix.connection import Connection, save_connection, sync_state
from checkin.sync.pretix.desk import desk_service_for
from checkin.sync.pretix.offline import pretix_desk
from checkin.sync.pretix.online import OnlineTiming, PretixOnline
from checkin.sync.pretix.push import Pusher
from tests.conftest import FixedClock
from tests.fakes import FAKE_PRETIX_URL, FakePretix, TicketSigner

DESK_ID = "00000000-0000-4000-8000-0000000000f1"


@dataclass
class PretixEvent:
    event_id: int
    list_id: int
    codes: list[str]
    connection: Connection


@pytest.fixture
def event(database: Database) -> PretixEvent:
    """The demo event dressed as one pulled from pretix: list and tickets carry pretix ids."""
    with database.session() as session:
        demo = create_demo_event(session, 12, seed=3)
        session.execute(update(Event).where(Event.id == demo.event_id).values(source="pretix", slug="conf"))
        for number, list_id in enumerate(demo.list_ids, start=1):
            session.execute(update(CheckInList).where(CheckInList.id == list_id).values(external_id=str(number)))
        codes = list(session.scalars(select(Registration.code).where(
            Registration.event_id == demo.event_id, Registration.status == "valid").order_by(Registration.id)))
        connection = Connection(FAKE_PRETIX_URL, "org", "conf", "token", list_id=1)
        save_connection(session, demo.event_id, connection)
    return PretixEvent(demo.event_id, demo.list_ids[0], codes, connection)


@pytest.fixture
def server(event: PretixEvent) -> FakePretix:
    pretix = FakePretix()
    for code in event.codes:
        pretix.add(code, name=f"Guest {code[:4]}")
    return pretix


@pytest.fixture
def states() -> list[tuple[bool, str]]:
    return []


@pytest.fixture
def online_desk(database: Database, event: PretixEvent, server: FakePretix, clock: FixedClock,
                states: list[tuple[bool, str]]) -> DeskService:
    online = PretixOnline(database, server.client(retries=0), event.connection, monotonic=server.monotonic,
                          on_state=lambda online, reason: states.append((online, reason)))
    return pretix_desk(database, DESK_ID, "Desk Fake", clock, online=online)


def push(database: Database, event: PretixEvent, server: FakePretix, **client_options: object) -> Pusher:
    pusher = Pusher(server.client(**client_options), database, event.connection, event.event_id, lanes=1)
    pusher.push()
    return pusher


def rows(database: Database, code: str) -> list[tuple[str, str, str]]:
    with database.reader() as session:
        return [tuple(row) for row in session.execute(select(CheckIn.nonce, CheckIn.outcome, CheckIn.upload_state)
                                                      .where(CheckIn.raw_code == code).order_by(CheckIn.id))]


def test_an_online_scan_is_the_servers_answer_recorded_once_as_uploaded(database, event, server, online_desk):
    code = event.codes[0]
    first = online_desk.scan(event.event_id, event.list_id, code)
    again = online_desk.scan(event.event_id, event.list_id, code)
    assert first.decision.outcome is Outcome.OK and first.decision.extra == {"online": True}
    assert again.decision.outcome is Outcome.ALREADY_CHECKED_IN and again.decision.extra == {"online": True}
    assert rows(database, code) == [(first.nonce, "ok", "uploaded"), (again.nonce, "already_checked_in", "uploaded")]
    assert [c.nonce for c in server.accepted(code)] == [first.nonce]
    with database.reader() as session:
        assert None not in session.scalars(select(CheckIn.uploaded_at).where(CheckIn.raw_code == code)).all()
    assert push(database, event, server).result.uploaded == 0, "nothing left for the outbox"


def test_a_lost_answer_falls_back_offline_with_the_nonce_the_server_saw(database, event, server, online_desk,
                                                                        states):
    code = event.codes[1]
    server.faults.append("lost")  # pretix records the check-in, the desk never hears back
    answer = online_desk.scan(event.event_id, event.list_id, code)
    assert answer.decision.outcome is Outcome.OK and "online" not in answer.decision.extra
    assert states == [(False, states[0][1])] and "did not answer in time" in states[0][1]
    assert rows(database, code) == [(answer.nonce, "ok", "pending")], "one row, written once, with that nonce"
    assert [c.nonce for c in server.accepted(code)] == [answer.nonce]
    assert push(database, event, server).result.uploaded == 1
    assert len(server.accepted(code)) == 1, "the upload is recognised by its nonce: never counted twice"
    assert rows(database, code) == [(answer.nonce, "ok", "uploaded")]


def test_offline_scans_do_not_wait_for_the_network_and_the_desk_comes_back(database, event, server, online_desk,
                                                                          states):
    server.faults.append("refused")
    assert online_desk.scan(event.event_id, event.list_id, event.codes[2]).decision.accepted
    before = len(server.requests)
    down = online_desk.scan(event.event_id, event.list_id, event.codes[3])
    assert down.decision.accepted and len(server.requests) == before, "offline: no request until retry_after"
    server.monotonic.now += OnlineTiming().retry_after + 1
    back = online_desk.scan(event.event_id, event.list_id, event.codes[4])
    assert back.decision.extra == {"online": True} and states[-1] == (True, "")
    assert [online for online, _ in states] == [False, True]
    assert push(database, event, server).result.uploaded == 2
    assert all(len(server.accepted(code)) == 1 for code in event.codes[2:5])


def test_a_timeout_keeps_the_nonce_and_the_upload_counts_it_once(database, event, server, online_desk):
    code = event.codes[5]
    server.faults.append("timeout")  # the server never got it
    answer = online_desk.scan(event.event_id, event.list_id, code)
    assert answer.decision.accepted and server.accepted(code) == []
    push(database, event, server)
    assert [c.nonce for c in server.accepted(code)] == [answer.nonce] and server.accepted(code)[0].forced


def test_a_slow_answer_counts_but_switches_the_desk_offline(database, event, server, online_desk, states):
    server.faults.append("slow")
    slow = online_desk.scan(event.event_id, event.list_id, event.codes[6])
    assert slow.decision.extra == {"online": True}, "the answer came: it is the server's decision"
    assert states and states[0][0] is False and "slowly" in states[0][1]
    before = len(server.requests)
    assert online_desk.scan(event.event_id, event.list_id, event.codes[7]).decision.accepted
    assert len(server.requests) == before


@pytest.mark.parametrize("fault", ["5xx", "damaged"])
def test_a_broken_answer_online_decides_offline(database, event, server, online_desk, states, fault):
    server.faults.append(fault)
    answer = online_desk.scan(event.event_id, event.list_id, event.codes[8])
    assert answer.decision.accepted and "online" not in answer.decision.extra
    assert states and states[0][0] is False
    assert rows(database, event.codes[8]) == [(answer.nonce, "ok", "pending")]


def test_the_server_refuses_a_ticket_the_local_data_would_admit(database, event, server, online_desk):
    code = event.codes[9]
    server.positions[code].status = "c"  # cancelled after the last pull
    answer = online_desk.scan(event.event_id, event.list_id, code)
    assert (answer.decision.outcome, answer.decision.message) == (Outcome.CANCELLED, "This ticket is cancelled.")
    assert rows(database, code) == [(answer.nonce, "cancelled", "uploaded")]


def test_upload_retries_with_growing_backoff_then_succeeds(database, event, server, desk_offline):
    code = event.codes[0]
    scan = desk_offline.scan(event.event_id, event.list_id, code)
    server.faults.extend(["5xx", "timeout", "lost"])
    assert push(database, event, server, retries=4, backoff=0.5).result.uploaded == 1
    assert [c.nonce for c in server.accepted(code)] == [scan.nonce]
    first, second, third = server.sleeps
    assert 0.5 <= first <= 0.75 and 1.0 <= second <= 1.5 and 2.0 <= third <= 3.0


def test_an_upload_that_gives_up_keeps_the_rows_pending_for_the_next_sync(database, event, server, desk_offline):
    code = event.codes[1]
    scan = desk_offline.scan(event.event_id, event.list_id, code)
    server.faults.extend(["5xx"] * 3)
    with pytest.raises(PretixUnavailable, match="HTTP 503"):
        push(database, event, server, retries=2)
    assert rows(database, code) == [(scan.nonce, "ok", "pending")]
    assert push(database, event, server).result.uploaded == 1 and len(server.accepted(code)) == 1


def test_refusals_and_undos_upload_once(database, event, server, desk_offline):
    code = event.codes[2]
    admitted = desk_offline.scan(event.event_id, event.list_id, code)
    desk_offline.scan(event.event_id, event.list_id, code)  # already checked in: a failed check-in
    assert push(database, event, server).result.uploaded == 2
    desk_offline.undo(admitted.check_in_id)
    server.faults.append("lost")
    push(database, event, server)
    assert server.accepted(code) == [] and [c.nonce for c in server.check_ins] == [admitted.nonce]
    assert [body["error_reason"] for body in server.failed] == ["already_redeemed"]
    assert push(database, event, server).result.uploaded == 0


@pytest.fixture
def desk_offline(database: Database, clock: FixedClock) -> DeskService:
    return pretix_desk(database, DESK_ID, "Desk Offline", clock)


def test_signed_tickets_bought_after_the_pull_get_in_offline_and_forgeries_do_not(database, event, desk_offline):
    signer, stranger = TicketSigner(), TicketSigner()
    with database.session() as session:
        sync_state(session, event.event_id, "event").data = {"valid_keys": signer.valid_keys}
    fresh = desk_offline.scan(event.event_id, event.list_id, signer.ticket("newbuyer01", item=7))
    forged = desk_offline.scan(event.event_id, event.list_id, stranger.ticket("newbuyer02", item=7))
    assert fresh.decision.outcome is Outcome.OK and fresh.registration_id is not None
    assert forged.decision.outcome is Outcome.INVALID_CODE and "Forged" in forged.decision.message


def test_a_revoked_secret_is_refused_offline(database, event, desk_offline):
    with database.session() as session:
        session.add(RevokedSecret(event_id=event.event_id, secret="oldsecret123"))
    answer = desk_offline.scan(event.event_id, event.list_id, "oldsecret123")
    assert answer.decision.outcome is Outcome.REVOKED


def test_a_custom_rule_refuses_what_pretix_would_refuse_offline(database, event, desk_offline):
    with database.session() as session:
        session.execute(update(CheckInList).where(CheckInList.id == event.list_id).values(
            rules={"<": [{"var": "entries_number"}, 0]}))
    answer = desk_offline.scan(event.event_id, event.list_id, event.codes[3])
    assert answer.decision.outcome is Outcome.ENTRY_NOT_PERMITTED
    assert rows(database, event.codes[3])[0][1] == "entry_not_permitted"


def test_the_source_is_chosen_by_the_event(database, event, demo):
    pretix = desk_service_for(event.event_id, database, DESK_ID, "Desk Choice")
    plain = desk_service_for(demo.event_id, database, DESK_ID, "Desk Choice")
    assert pretix.online is None, "no tokens: the CLI stays offline"
    assert len(pretix.unknown_code_resolvers) == 1 and len(pretix.decision_reviewers) == 1
    assert plain.unknown_code_resolvers == () and plain.decision_reviewers == ()
    assert plain.online is None


def test_further_resolvers_are_asked_after_pretix_and_their_facts_reach_the_answer(database, event, clock):
    asked: list[str] = []

    def layout_resolver(session: Session, event_id: int, code: str, direction: Direction) -> Resolution | None:
        asked.append(code)
        if code != "zßmistyped":
            return None
        loaded = guest_by_code(session, event_id, event.codes[4])
        return Resolution(guest=loaded, extra={"keyboard_layout": "de"})

    desk = desk_service_for(event.event_id, database, DESK_ID, "Desk Layout", clock,
                            unknown_code_resolvers=[layout_resolver])
    with database.session() as session:
        session.add(RevokedSecret(event_id=event.event_id, secret="revoked0001"))
    assert desk.scan(event.event_id, event.list_id, "revoked0001").decision.outcome is Outcome.REVOKED
    found = desk.scan(event.event_id, event.list_id, "zßmistyped")
    assert found.decision.accepted and found.decision.extra["keyboard_layout"] == "de"
    assert asked == ["zßmistyped"], "pretix's own answer (revoked) wins before any further resolver"


def test_online_the_server_is_asked_about_the_code_a_mixed_up_scanner_meant(database, event, server, clock):
    from checkin.scanning.keyboard_layouts import readings
    from checkin.scanning.layout_recovery import SCANNER_LAYOUT, LayoutRecovery

    meant = next(code for code in event.codes if "y" in code or "z" in code)
    typed = meant.translate(str.maketrans("yzYZ", "zyZY"))  # a US scanner on a German computer
    assert meant in readings(typed, "us", "de")
    online = PretixOnline(database, server.client(retries=0), event.connection, monotonic=server.monotonic)
    desk = pretix_desk(database, DESK_ID, "Desk Layout", clock, online=online,
                       unknown_code_resolvers=[LayoutRecovery()])
    result = desk.scan(event.event_id, event.list_id, typed)
    assert result.decision.outcome is Outcome.OK and result.decision.extra["online"] is True
    assert result.decision.extra[SCANNER_LAYOUT] == "us" and result.code == meant
    assert [c.nonce for c in server.accepted(meant)] == [result.nonce], "the server admitted the guest meant"
    assert rows(database, meant) == [(result.nonce, "ok", "uploaded")]

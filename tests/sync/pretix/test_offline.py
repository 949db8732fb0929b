"""Offline answers with pretix's semantics, checked against what the real server then says."""
from __future__ import annotations

import pytest

from checkin.core.decision import Direction, Outcome
from checkin.sync.pretix.offline import pretix_desk
from checkin.sync.pretix.sync import sync_event
from tests.sync.conftest import create_order, position_of, registration

pytestmark = pytest.mark.slow


@pytest.fixture
def pulled(pretix_server, database, tokens, connected):
    summary = sync_event(database, tokens, connected.event_id)
    assert not summary.error, summary.error
    return connected


@pytest.fixture
def desk(database):
    return pretix_desk(database, "00000000-0000-4000-8000-0000000000aa", "Desk Offline")


def _list(database, name):
    from sqlalchemy import select

    from checkin.store.models import CheckInList

    with database.reader() as session:
        return session.scalar(select(CheckInList.id).where(CheckInList.name == name))


def test_signed_ticket_bought_after_the_pull_is_admitted_and_forgeries_are_refused(
        pretix_server, database, tokens, pulled, desk):
    late = create_order(pretix_server)
    assert registration(database, late["secret"]) is None
    answer = desk.scan(pulled.event_id, pulled.list_id, late["secret"])
    assert answer.decision.outcome is Outcome.OK
    assert desk.scan(pulled.event_id, pulled.list_id, late["secret"]).decision.outcome is Outcome.ALREADY_CHECKED_IN

    altered = late["secret"][:10] + ("A" if late["secret"][10] != "A" else "B") + late["secret"][11:]
    assert desk.scan(pulled.event_id, pulled.list_id, altered).decision.outcome is Outcome.INVALID_CODE
    workshop_only = _list(database, "Workshop room")
    late_regular = create_order(pretix_server, given="Ole", family="Zu-Spät")
    refusal = desk.scan(pulled.event_id, workshop_only, late_regular["secret"]).decision
    assert refusal.outcome is Outcome.NOT_VALID_FOR_LIST

    summary = sync_event(database, tokens, pulled.event_id)
    assert (summary.uploaded, summary.pending_upload, summary.error) == (4, 0, "")
    guest = registration(database, late["secret"])
    assert (guest.given_name, guest.family_name, guest.external_id) == ("Neele", "Spät", str(late["id"]))
    checkins = pretix_server.api("GET", "events/conf/checkins/", params={"successful": "true"}).json()["results"]
    assert [row["position"] for row in checkins].count(late["id"]) == 1


def test_pretix_rules_offline_revoked_unpaid_products_and_other_desks(pretix_server, database, tokens, pulled, desk):
    seed = pretix_server.seed["events"]["conf"]
    main, workshop = pulled.list_id, _list(database, "Workshop room")
    unpaid = position_of(pretix_server, seed["pending_order"])
    assert desk.scan(pulled.event_id, main, unpaid["secret"]).decision.outcome is Outcome.UNPAID

    regular, workshop_ticket = position_of(pretix_server, "00131"), position_of(pretix_server, "00130")
    assert desk.scan(pulled.event_id, workshop, regular["secret"]).decision.outcome is Outcome.NOT_VALID_FOR_LIST
    for _ in range(2):  # the workshop room allows multiple entries
        assert desk.scan(pulled.event_id, workshop, workshop_ticket["secret"]).decision.accepted
    assert desk.scan(pulled.event_id, main, regular["secret"]).decision.accepted
    assert desk.scan(pulled.event_id, main, regular["secret"], Direction.EXIT).decision.accepted
    assert desk.scan(pulled.event_id, main, regular["secret"]).decision.accepted  # entry after exit

    reissued = position_of(pretix_server, "00132")
    pretix_server.api("POST", f"events/conf/orderpositions/{reissued['id']}/regenerate_secrets/")
    elsewhere = position_of(pretix_server, "00133")
    pretix_server.api("POST", "checkinrpc/redeem/",
                      json={"secret": elsewhere["secret"], "lists": [seed["lists"]["main"]]})
    sync_event(database, tokens, pulled.event_id)
    assert desk.scan(pulled.event_id, main, reissued["secret"]).decision.outcome is Outcome.REVOKED
    again = desk.scan(pulled.event_id, main, elsewhere["secret"]).decision
    assert again.outcome is Outcome.ALREADY_CHECKED_IN and again.previous.desk == "pretix (other device)"

"""Sync through a proxy that resets connections mid-answer, answers 500/503 and stalls: nothing lost or doubled."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from checkin.core.decision import Outcome
from checkin.store.models import Registration
from checkin.sync.pretix.offline import pretix_desk
from checkin.sync.pretix.setup import connect
from checkin.sync.pretix.sync import sync_event
from tests.support.faulty_proxy import FaultyProxy
from tests.sync.conftest import server_check_ins

pytestmark = pytest.mark.slow
FAST_GIVE_UP = {"timeout": 1.5, "backoff": 0.05, "retries": 3}


def _sync_until_done(database, tokens, event_id, rounds: int = 12):
    errors = []
    for _ in range(rounds):
        summary = sync_event(database, tokens, event_id, client_options=FAST_GIVE_UP)
        if not summary.error and summary.pending_upload == 0:
            return errors
        errors.append(summary.error)
    raise AssertionError(f"sync never completed: {errors}")


def test_faulty_network_loses_and_duplicates_nothing(pretix_server, database, tokens, paid_guests):
    proxy = FaultyProxy.every(pretix_server.port, 3, ["reset", "503", "500", "stall"], stall_seconds=10)
    try:
        for _ in range(5):  # connecting is one request at a time; the faults hit it too
            try:
                connected = connect(database, tokens, url=proxy.url, organizer="ckd", event_slug="conf",
                                    token=pretix_server.token, client_options=FAST_GIVE_UP)
                break
            except Exception:  # noqa: BLE001 - retried by hand, as a person would
                continue
        _sync_until_done(database, tokens, connected.event_id)
        expected = pretix_server.api("GET", "events/conf/orders/", params={"page_size": 1}).json()["count"]
        with database.reader() as session:
            assert session.scalar(select(func.count(Registration.id))) == expected
            assert session.scalar(select(func.count(func.distinct(Registration.external_id)))) == expected

        desk = pretix_desk(database, "00000000-0000-4000-8000-0000000000cc", "Desk Faulty")
        guests = paid_guests.take(20)
        for guest in guests:
            assert desk.scan(connected.event_id, connected.list_id, guest["secret"]).decision.accepted
        assert desk.scan(connected.event_id, connected.list_id, "FAULTY-UNKNOWN").decision.outcome is Outcome.UNKNOWN
        unknown_before = _unknown_scans(pretix_server)
        _sync_until_done(database, tokens, connected.event_id)
    finally:
        proxy.close()
    assert proxy.faults.get("reset") and proxy.faults.get("stall") and proxy.faults.get("500")
    ids = {guest["id"] for guest in guests}
    accepted = [row["position"] for row in server_check_ins(pretix_server, successful="true") if row["position"] in ids]
    assert sorted(accepted) == sorted(ids), "every guest exactly once"
    assert _unknown_scans(pretix_server) == unknown_before + 1, "the refused scan exactly once"


def _unknown_scans(server) -> int:
    return sum(row["position"] is None for row in server_check_ins(server, successful="false", error_reason="invalid"))

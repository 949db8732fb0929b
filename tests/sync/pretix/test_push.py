"""Uploading offline check-ins to a real pretix: exactly once, refused scans, undo, two desks, revoked device."""
from __future__ import annotations

import json

import httpx
import pytest
from sqlalchemy import select

from checkin.core.decision import Direction, Outcome
from checkin.store.models import CheckIn, Registration
from checkin.sync.pretix.sync import sync_event
from tests.sync.conftest import (desk_for, position_of, pulled_copy, registration, run_cli, server_check_ins,
                                 server_positions)

pytestmark = pytest.mark.slow


def _states(database) -> dict[str, str]:
    """This desk's own check-ins (not those of other devices copied in by the pull)."""
    with database.reader() as session:
        return dict(session.execute(select(CheckIn.nonce, CheckIn.upload_state)
                                    .where(CheckIn.source != "server")).all())


def test_offline_desks_upload_everything_exactly_once(pretix_server, tokens, tmp_path):
    seed = pretix_server.seed["events"]["conf"]
    main = seed["lists"]["main"]
    db_a, connected = pulled_copy(pretix_server, tmp_path, "desk-a", tokens)
    db_b, _ = pulled_copy(pretix_server, tmp_path, "desk-b", tokens)
    desk_a, desk_b = desk_for(db_a, "Desk A"), desk_for(db_b, "Desk B")
    local_main = connected.list_id
    guest, twice, undone = (position_of(pretix_server, code) for code in ("00101", "00102", "00103"))
    cancelled = position_of(pretix_server, seed["cancelled_order"])

    assert desk_a.scan(connected.event_id, local_main, guest["secret"]).decision.accepted
    assert desk_a.scan(connected.event_id, local_main, guest["secret"], Direction.EXIT).decision.accepted
    assert desk_a.scan(connected.event_id, local_main, twice["secret"]).decision.accepted
    assert desk_b.scan(connected.event_id, local_main, twice["secret"]).decision.accepted  # offline: B cannot know
    assert desk_a.scan(connected.event_id, local_main, undone["secret"]).decision.accepted
    desk_a.undo_last(local_main)
    refused = desk_a.scan(connected.event_id, local_main, cancelled["secret"]).decision
    assert refused.outcome is Outcome.CANCELLED
    assert desk_a.scan(connected.event_id, local_main, "NO-SUCH-TICKET").decision.outcome is Outcome.UNKNOWN
    walk_in = desk_a.walk_in(connected.event_id, local_main, given_name="Ada", family_name="Walk-In")
    assert walk_in.decision.accepted

    result = run_cli("--db", db_a.url, "sync", "--json", env={"CHECKIN_CONFIG_DIR": str(tmp_path / "config")})
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["uploaded"], summary["pending_upload"]) == (5, 0)  # 2 entries + 1 exit redeemed, 2 refused scans
    states = _states(db_a)
    assert sorted(states.values()) == ["local", "not_sent", "not_sent", "uploaded", "uploaded", "uploaded",
                                       "uploaded", "uploaded"]
    again = run_cli("--db", db_a.url, "sync", "--json", env={"CHECKIN_CONFIG_DIR": str(tmp_path / "config")})
    assert json.loads(again.stdout)["uploaded"] == 0

    assert sync_event(db_b, tokens, connected.event_id).uploaded == 1
    accepted = server_check_ins(pretix_server, list=main, successful="true")
    by_position = {}
    for row in accepted:
        by_position.setdefault(row["position"], []).append(row["type"])
    assert sorted(by_position[guest["id"]]) == ["entry", "exit"]
    assert by_position[twice["id"]] == ["entry", "entry"]  # the double admission is on record, not lost
    assert undone["id"] not in by_position
    failed = server_check_ins(pretix_server, list=main, successful="false")
    assert {row["error_reason"] for row in failed} >= {"canceled", "invalid"}
    assert [row["position"] for row in failed if row["error_reason"] == "canceled"] == [cancelled["id"]]


class LosesAnswers(httpx.HTTPTransport):
    """The server gets every upload, but the first answer to each is lost on the way back."""

    def __init__(self):
        super().__init__()
        self.lost: set[str] = set()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.method == "POST" and request.content not in self.lost:
            self.lost.add(request.content)
            response.close()
            raise httpx.ReadError("connection reset by peer", request=request)
        return response


def test_a_retry_after_a_lost_answer_never_counts_twice(pretix_server, database, tokens, connected):
    sync_event(database, tokens, connected.event_id)
    desk = desk_for(database, "Desk R")
    codes = [position_of(pretix_server, code)["secret"] for code in ("00111", "00112", "00113")]
    for code in codes:
        assert desk.scan(connected.event_id, connected.list_id, code).decision.accepted
    summary = sync_event(database, tokens, connected.event_id,
                         client_options={"transport": LosesAnswers(), "backoff": 0.01})
    assert (summary.uploaded, summary.pending_upload, summary.error) == (3, 0, "")
    ids = {registration(database, code).external_id for code in codes}
    rows = [row for row in server_check_ins(pretix_server, successful="true") if str(row["position"]) in ids]
    assert len(rows) == 3


def test_revoked_device_gets_a_clear_message_and_keeps_local_data(pretix_server, handshakes, tmp_path):
    db_url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    handshake, device_id = handshakes.take()
    connected = run_cli("--db", db_url, "pretix", "connect", "--url", pretix_server.url, "--handshake", handshake,
                        "--organizer", "ckd", "--event", "conf")
    assert connected.returncode == 0, connected.stderr
    assert run_cli("--db", db_url, "sync").returncode == 0
    code = position_of(pretix_server, "00120")["secret"]
    assert run_cli("--db", db_url, "scan", code).returncode == 0
    pretix_server.revoke_device(device_id)

    result = run_cli("--db", db_url, "sync", "--json")
    assert result.returncode == 1
    assert "refused the access token" in result.stderr and "revoked" in result.stderr
    assert "Local data is kept" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["pending_upload"] == 1
    from checkin.store.database import open_database

    database = open_database(db_url)
    with database.reader() as session:
        assert len(session.scalars(select(Registration)).all()) == server_positions(pretix_server)
    database.dispose()

    forgotten = run_cli("--db", db_url, "pretix", "disconnect")  # the person decides: unlink, keep the data
    assert forgotten.returncode == 0 and "1 check-ins were never uploaded" in forgotten.stdout
    assert json.loads((tmp_path / "config" / "pretix-tokens.json").read_text()) == {}
    assert run_cli("--db", db_url, "stats").returncode == 0
    assert "No event is connected" in run_cli("--db", db_url, "sync").stderr


def test_undo_after_upload_annuls_the_check_in_on_the_server(pretix_server, database, tokens, connected, paid_guests):
    assert not sync_event(database, tokens, connected.event_id).error
    desk = desk_for(database, "Desk Undo")
    [guest] = paid_guests.take()
    assert desk.scan(connected.event_id, connected.list_id, guest["secret"]).decision.accepted
    assert sync_event(database, tokens, connected.event_id).uploaded == 1
    assert [row["position"] for row in server_check_ins(pretix_server, successful="true")].count(guest["id"]) == 1

    desk.undo_last(connected.list_id)
    assert sync_event(database, tokens, connected.event_id).uploaded == 1
    assert guest["id"] not in [row["position"] for row in server_check_ins(pretix_server, successful="true")]
    annulled = server_check_ins(pretix_server, successful="false", error_reason="annulled")
    assert [row["position"] for row in annulled].count(guest["id"]) == 1

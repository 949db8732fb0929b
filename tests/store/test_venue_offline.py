"""A desk on a venue PostgreSQL whose link is cut: it decides on its own copy, records with nonce and
time, merges once the link is back (exactly once), and reports guests admitted at two desks.

The link is a relay the test cuts (tests/store/venue_link.py), in front of the shared server;
tests/store/test_venue_outage.py stops and restarts a real cluster of its own."""
from __future__ import annotations

import json
import os
import stat
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from checkin.cli import main
from checkin.core.decision import Outcome
from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.offline_merge import merge_offline
from checkin.store.double_admissions import double_admissions
from checkin.store.log_transaction import ConnectionLost
from checkin.store.models import CheckIn, Registration, SearchToken, utcnow
from checkin.store.registrations import reindex
from checkin.store.search import search
from checkin.store.venue_copy import VenueCopy, copy_path
from checkin.store.venue_desk import VenueDesk, merge_queue
from checkin.sync.demo import create_demo_event
from tests.store.venue_link import VenueLink

pytestmark = pytest.mark.postgres

DESK_A = ("00000000-0000-4000-8000-00000000000a", "Entrance A")
DESK_B = ("00000000-0000-4000-8000-00000000000b", "Entrance B")


@pytest.fixture
def venue(postgres_server):
    """(link, venue URL through the link, demo summary, three valid guest codes)."""
    url = postgres_server.create_database()
    database = open_database(url)
    with database.session() as session:
        demo = create_demo_event(session, 30, seed=3)
    with database.reader() as session:
        codes = session.scalars(select(Registration.code).where(
            Registration.event_id == demo.event_id, Registration.status == "valid").order_by(Registration.id)
            .limit(3)).all()
    database.dispose()
    link = VenueLink(url)
    yield link, link.url(), demo, codes
    link.cut()
    for desk in OPEN_DESKS:
        desk.venue.database.dispose()
        desk.copy.close()
    OPEN_DESKS.clear()


OPEN_DESKS: list[VenueDesk] = []


def desk_on(url: str, desk: tuple[str, str], event_id: int, folder=None) -> VenueDesk:
    """A desk on the venue; ``folder``: its own data folder (another computer), else this user's."""
    database = open_database(url, connect_timeout_s=1)
    copy = VenueCopy.open(url, folder)
    service = VenueDesk(DeskService(database, *desk), lambda: DeskService(copy.local, *desk), copy, event_id,
                        retry_s=0)
    OPEN_DESKS.append(service)
    service.maintain()  # the first copy
    return service


def server_rows(url: str, **where) -> list:
    database = open_database(url)
    try:
        with database.reader() as session:
            query = select(CheckIn).filter_by(**where).order_by(CheckIn.id)
            return list(session.scalars(query))
    finally:
        database.dispose()


def test_a_cut_link_is_decided_on_the_copy_and_merged_once_when_it_returns(venue):
    link, url, demo, (first, second, _third) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    list_id = demo.list_ids[0]
    assert desk.scan(demo.event_id, list_id, first).decision.accepted
    desk.maintain()  # the copy follows the server (the window does this on a timer)
    link.cut()
    again = desk.scan(demo.event_id, list_id, first)
    assert again.offline and again.decision.outcome is Outcome.ALREADY_CHECKED_IN, "the copy knew the first scan"
    offline = desk.scan(demo.event_id, list_id, second)
    assert offline.offline and offline.decision.accepted and desk.offline
    assert desk.state.queued == 2
    link.mend()
    back = desk.scan(demo.event_id, list_id, second)
    assert not back.offline and back.decision.outcome is Outcome.ALREADY_CHECKED_IN, "merged before deciding"
    assert not desk.offline and desk.state.queued == 0
    [merged] = server_rows(url, nonce=offline.nonce)
    assert merged.merged_at is not None and merged.desk_id == DESK_A[0]
    assert abs(merged.happened_at - back.decision.previous.happened_at) < timedelta(seconds=1), "its original time"
    assert len(server_rows(url, nonce=again.nonce)) == 1
    assert desk.copy.queue_length() == 0


def test_a_merge_repeated_after_a_crash_counts_each_check_in_once(venue):
    link, url, demo, (first, *_rest) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    link.cut()
    desk.scan(demo.event_id, demo.list_ids[0], first)
    link.mend()
    rows = desk.copy.queued()
    database = open_database(url)
    first_merge = merge_offline(database, rows, {DESK_A[0]: DESK_A[1]})
    again = merge_offline(database, rows, {DESK_A[0]: DESK_A[1]})  # the desk died before forgetting its queue
    assert (first_merge.merged, again.merged, again.already_there) == (1, 0, 1)
    assert merge_queue(desk.copy, database).merged == 0  # and merging at the next start adds nothing either
    assert len(server_rows(url, nonce=rows[0]["nonce"])) == 1
    database.dispose()


def test_two_desks_offline_admitting_the_same_guest_are_both_kept_and_reported(venue, tmp_path, capsys):
    link, url, demo, (first, *_rest) = venue
    desk_a, desk_b = (desk_on(url, DESK_A, demo.event_id, tmp_path / "a"),
                      desk_on(url, DESK_B, demo.event_id, tmp_path / "b"))
    list_id = demo.list_ids[0]
    link.cut()
    assert desk_a.scan(demo.event_id, list_id, first).decision.accepted
    assert desk_b.scan(demo.event_id, list_id, first).decision.accepted, "neither desk can know of the other"
    link.mend()
    assert desk_a.maintain().merged.double_admissions == ()
    report = desk_b.maintain().merged
    assert report.merged == 1
    [double] = report.double_admissions
    assert {a.desk for a in double.admissions} == {DESK_A[1], DESK_B[1]}
    assert all(a.merged_at for a in double.admissions)
    database = open_database(url)
    with database.reader() as session:
        assert double_admissions(session, demo.event_id) == [double], "listed for the reconciliation"
        assert session.scalar(select(func.count()).where(CheckIn.outcome == "ok")) == 2, "both kept"
    database.dispose()
    assert main(["--db", url, "conflicts", "--json", "--out", str(tmp_path / "conflicts.csv")]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["code"] == first and [a["offline"] for a in listed["admissions"]] == [True, True]
    assert len((tmp_path / "conflicts.csv").read_text(encoding="utf-8-sig").splitlines()) == 3
    assert main(["--db", url, "conflicts"]) == 0
    assert "admitted 2 times" in capsys.readouterr().out


def test_a_desk_killed_offline_merges_its_queue_at_the_next_command(venue, capsys):
    link, url, demo, (first, *_rest) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    link.cut()
    nonce = desk.scan(demo.event_id, demo.list_ids[0], first).nonce
    desk.copy.local.dispose()  # the desk is gone; its queue is on disk
    link.mend()
    assert main(["--db", url, "stats", "--json"]) == 0
    assert "merged 1 check-ins" in capsys.readouterr().err
    assert len(server_rows(url, nonce=nonce)) == 1


def test_the_command_line_answers_offline_and_the_next_command_merges(venue, capsys):
    link, url, demo, (first, second, _third) = venue
    assert main(["--db", url, "scan", first, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["offline"] is False
    link.cut()
    assert main(["--db", url, "scan", second, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["offline"] is True and answer["outcome"] == "ok" and answer["nonce"]
    assert main(["--db", url, "scan", first, "--json"]) == 3, "the copy knows the first scan"
    assert json.loads(capsys.readouterr().out)["outcome"] == "already_checked_in"
    link.mend()
    assert main(["--db", url, "scan", second, "--json"]) == 3
    assert json.loads(capsys.readouterr().out)["offline"] is False
    assert len(server_rows(url, nonce=answer["nonce"])) == 1


def test_without_a_copy_a_desk_that_cannot_reach_the_server_says_so(venue, capsys):
    link, url, demo, (first, *_rest) = venue
    link.cut()
    assert main(["--db", url, "scan", first, "--json"]) == 1
    assert "holds no copy of the venue database" in capsys.readouterr().err


def test_walk_ins_and_undo_need_the_venue_database(venue):
    link, url, demo, (first, *_rest) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    link.cut()
    desk.scan(demo.event_id, demo.list_ids[0], first)
    with pytest.raises(ConnectionLost):
        desk.undo_last(demo.list_ids[0])


def test_the_copy_is_private_and_follows_undo_and_changes_on_the_server(venue):
    link, url, demo, (first, *_rest) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    path = copy_path(url)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    result = desk.scan(demo.event_id, demo.list_ids[0], first)
    desk.undo(result.check_in_id)
    database = open_database(url)
    with database.session() as session:
        session.get(Registration, result.registration_id).company = "Renamed GmbH"
    database.dispose()
    desk.maintain()
    with desk.copy.local.reader() as session:
        copied = session.get(CheckIn, result.check_in_id)
        assert copied.reverted_by_id is not None, "the undo reached the copy"
        assert session.get(Registration, result.registration_id).company == "Renamed GmbH"
    link.cut()
    assert desk.scan(demo.event_id, demo.list_ids[0], first).decision.accepted, "undone: admitted again"


def test_a_server_that_stops_answering_is_given_up_on_after_the_venue_timeout():
    from checkin.store.database import server_timeouts

    limits = server_timeouts("postgresql+psycopg://desk@venue/checkin", 3.0)
    assert limits["connect_timeout"] == 3 and limits["tcp_user_timeout"] == 3000 and limits["keepalives"] == 1
    assert server_timeouts("postgresql+psycopg://desk@venue/checkin", 0.5)["connect_timeout"] == 2, "libpq's least"
    assert server_timeouts("sqlite:///desk.sqlite3", 3.0) == {}


def test_a_queue_the_server_refuses_does_not_stop_the_desk(venue, caplog):
    link, url, demo, (first, second, _third) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    link.cut()
    gone = desk.scan(demo.event_id, demo.list_ids[0], first)
    link.mend()
    database = open_database(url)
    with database.session() as session:  # the organiser deleted the guest meanwhile
        session.delete(session.get(Registration, gone.registration_id))
    database.dispose()
    answer = desk.scan(demo.event_id, demo.list_ids[0], second)
    assert answer.decision.accepted and not answer.offline, "decided on the server all the same"
    assert desk.copy.queue_length() == 1, "the refused row stays on the copy, not lost"
    assert "could not be merged" in caplog.text


class LosesTheAnswer:
    """The venue desk service, whose commit lands but whose answer is lost on the way back."""

    def __init__(self, service: DeskService):
        self.service, self.database = service, service.database
        self.desk_id, self.desk_name, self.payload_rules = service.desk_id, service.desk_name, service.payload_rules

    def scan(self, *args, **kwargs):
        landed = self.service.scan(*args, **kwargs)
        raise ConnectionLost("lost while saving", maybe_recorded=True, nonce=landed.nonce)


def test_a_scan_whose_commit_answer_was_lost_counts_once(venue):
    link, url, demo, (first, *_rest) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    desk.venue = LosesTheAnswer(desk.venue)
    answer = desk.scan(demo.event_id, demo.list_ids[0], first)
    assert answer.offline and answer.decision.accepted, "decided on the copy, under the same nonce"
    desk.venue = desk.venue.service
    report = desk.maintain().merged
    assert (report.merged, report.already_there) == (0, 1)
    assert len(server_rows(url, nonce=answer.nonce)) == 1
    assert len(server_rows(url, outcome="ok")) == 1


@pytest.mark.parametrize("message", ["FATAL:  the database system is shutting down",
                                     "FATAL:  the database system is starting up",
                                     "connection to server at \"10.0.0.9\" failed: No route to host"])
def test_a_server_stopping_or_starting_is_a_lost_connection(message):
    from sqlalchemy.exc import OperationalError

    from checkin.store.database import ErrorKind, error_kind

    assert error_kind(OperationalError("SELECT 1", {}, Exception(message))) is ErrorKind.CONNECTION_LOST


def test_a_desk_that_cannot_start_says_what_it_keeps(venue):
    from checkin.app import _kept_offline
    from checkin.store.database import StoreOpenError

    link, url, demo, (first, *_rest) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    link.cut()
    desk.scan(demo.event_id, demo.list_ids[0], first)
    with pytest.raises(StoreOpenError) as refused:
        open_database(url)
    assert "did not answer, kept on this computer: 1." in _kept_offline(url, refused.value)


def test_the_copy_finds_guests_by_name_and_follows_a_new_name(venue):
    """Search on the copy (a guest without a code gets in by name while the server is away)."""
    link, url, demo, (first, *_rest) = venue
    desk = desk_on(url, DESK_A, demo.event_id)
    with desk.copy.local.reader() as session:
        guest = session.scalars(select(Registration).where(Registration.code == first)).one()
        assert guest.id in [hit.registration_id for hit in search(session, demo.event_id, guest.family_name)]
    database = open_database(url)
    with database.session() as session:
        session.get(Registration, guest.id).family_name = "Zwölfling"
        reindex(session, [session.get(Registration, guest.id)])
        session.get(Registration, guest.id).updated_at = utcnow()
    desk.maintain()
    with desk.copy.local.reader() as session:
        assert [hit.registration_id for hit in search(session, demo.event_id, "zwölf")] == [guest.id]
    tokens = select(SearchToken.kind, SearchToken.token).where(SearchToken.registration_id == guest.id)
    with desk.copy.local.reader() as copied, database.reader() as server:
        assert sorted(copied.execute(tokens).all()) == sorted(server.execute(tokens).all()), "no stale token"
    database.dispose()

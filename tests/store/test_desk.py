from datetime import timedelta

import pytest
from sqlalchemy import func, select

from checkin.core.decision import Direction, Outcome
from checkin.core.payload import MAX_CODE_LENGTH
from checkin.store.desk import DeskService
from checkin.store.models import CheckIn, CheckInList, Registration, TicketType
from checkin.sync.demo import create_demo_event


def _code(database, event_id, **where):
    with database.reader() as session:
        statement = select(Registration.code).where(Registration.event_id == event_id)
        for column, value in where.items():
            statement = statement.where(getattr(Registration, column) == value)
        return session.scalar(statement.order_by(Registration.id).limit(1))


def _type_code(database, event_id, ticket_type):
    with database.reader() as session:
        return session.scalar(
            select(Registration.code).join(TicketType)
            .where(Registration.event_id == event_id, TicketType.name == ticket_type, Registration.status == "valid")
            .limit(1)
        )


def test_every_scan_is_logged_with_nonce_desk_and_time(database, demo, desk, clock):
    code = _code(database, demo.event_id, status="valid")
    result = desk.scan(demo.event_id, demo.list_ids[0], code)
    desk.scan(demo.event_id, demo.list_ids[0], "no-such-code")
    with database.reader() as session:
        rows = session.scalars(select(CheckIn).order_by(CheckIn.id)).all()
    assert [row.outcome for row in rows] == ["ok", "unknown"]
    assert rows[0].nonce == result.nonce and len(rows[0].nonce) == 36
    assert rows[0].happened_at == clock.now and rows[0].happened_at.tzinfo is not None
    assert rows[0].desk_id == desk.desk_id and rows[0].upload_state == "pending"
    assert rows[1].registration_id is None and rows[1].raw_code == "no-such-code"


def test_duplicate_scan_names_the_first_desk(database, demo, desk, clock):
    code = _code(database, demo.event_id, status="valid")
    desk.scan(demo.event_id, demo.list_ids[0], code)
    clock.now += timedelta(minutes=3)
    other_desk = DeskService(database, "00000000-0000-4000-8000-000000000002", "Desk B", clock=clock)
    again = other_desk.scan(demo.event_id, demo.list_ids[0], code)
    assert again.decision.outcome is Outcome.ALREADY_CHECKED_IN
    assert again.decision.previous.desk == "Desk A"
    assert again.decision.previous.happened_at == clock.now - timedelta(minutes=3)


@pytest.mark.parametrize(("status", "outcome"), [("cancelled", Outcome.CANCELLED), ("unpaid", Outcome.UNPAID)])
def test_status_refusals(database, demo, desk, status, outcome):
    code = _code(database, demo.event_id, status=status)
    assert desk.scan(demo.event_id, demo.list_ids[0], code).decision.outcome is outcome


def test_press_is_not_valid_on_day_two(database, demo, desk):
    code = _type_code(database, demo.event_id, "Press")
    day_two = demo.list_ids[1]
    assert desk.scan(demo.event_id, day_two, code).decision.outcome is Outcome.NOT_VALID_FOR_LIST
    assert desk.scan(demo.event_id, demo.list_ids[0], code).decision.outcome is Outcome.OK


def test_list_times_are_respected(database, demo, desk, clock):
    with database.session() as session:
        session.get(CheckInList, demo.list_ids[0]).opens_at = clock.now + timedelta(hours=1)
    code = _code(database, demo.event_id, status="valid")
    assert desk.scan(demo.event_id, demo.list_ids[0], code).decision.outcome is Outcome.NOT_YET_VALID


def test_code_of_another_event_is_named(database, demo, desk):
    with database.session() as session:
        other = create_demo_event(session, 5, slug="other", seed=1)
    code = _code(database, other.event_id)
    decision = desk.scan(demo.event_id, demo.list_ids[0], code).decision
    assert decision.outcome is Outcome.OTHER_EVENT
    assert "another event" in decision.message


@pytest.mark.parametrize("payload", ["", "   ", "\r\n", "x" * 10_000, b"\x00\xff\xfe binary", "a\x00b",
                                     "' OR 1=1; DROP TABLE check_in; --", "%", "_"])
def test_bad_payloads_are_refused_never_raised(database, demo, desk, payload):
    decision = desk.scan(demo.event_id, demo.list_ids[0], payload).decision
    assert not decision.accepted
    assert decision.outcome in (Outcome.INVALID_CODE, Outcome.UNKNOWN)
    assert decision.message
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 200


def test_entry_then_exit_then_entry(database, demo, desk, clock):
    code = _code(database, demo.event_id, status="valid")
    list_id = demo.list_ids[0]
    assert desk.scan(demo.event_id, list_id, code).decision.accepted
    clock.now += timedelta(minutes=1)
    assert desk.scan(demo.event_id, list_id, code, Direction.EXIT).decision.accepted
    clock.now += timedelta(minutes=1)
    assert desk.scan(demo.event_id, list_id, code).decision.outcome is Outcome.OK
    with database.reader() as session:
        directions = session.scalars(select(CheckIn.direction).order_by(CheckIn.id)).all()
    assert directions == ["entry", "exit", "entry"]


def test_undo_is_a_new_row_and_lets_the_guest_in_again(database, demo, desk, clock):
    code = _code(database, demo.event_id, status="valid")
    list_id = demo.list_ids[0]
    first = desk.scan(demo.event_id, list_id, code)
    clock.now += timedelta(seconds=20)
    undone = desk.undo_last(list_id)
    assert undone.undone_check_in_id == first.check_in_id
    with database.reader() as session:
        original = session.get(CheckIn, first.check_in_id)
        undo_row = session.get(CheckIn, original.reverted_by_id)
        assert original.outcome == "ok"
        assert undo_row.outcome == "undo" and undo_row.source == "undo"
        assert undo_row.happened_at == clock.now
    assert desk.scan(demo.event_id, list_id, code).decision.outcome is Outcome.OK


def test_undo_takes_this_desks_last_accepted_check_in_only(database, demo, desk, clock):
    list_id = demo.list_ids[0]
    code = _code(database, demo.event_id, status="valid")
    mine = desk.scan(demo.event_id, list_id, code)
    clock.now += timedelta(seconds=1)
    desk.scan(demo.event_id, list_id, "unknown-code")
    other = DeskService(database, "00000000-0000-4000-8000-000000000002", "Desk B", clock=clock)
    other.scan(demo.event_id, list_id, _code(database, demo.event_id, status="valid", attention=False,
                                               external_id="demo-3"))
    assert desk.undo_last(list_id).undone_check_in_id == mine.check_in_id
    assert desk.undo_last(list_id) is None
    assert desk.undo(mine.check_in_id) is None


def test_walk_in_is_registered_and_checked_in(database, demo, desk):
    result = desk.walk_in(demo.event_id, demo.list_ids[0], given_name="Zoë", family_name="Öztürk", company="ACME")
    assert result.decision.outcome is Outcome.OK
    with database.reader() as session:
        registration = session.get(Registration, result.registration_id)
        row = session.get(CheckIn, result.check_in_id)
    assert registration.walk_in and registration.source == "walk_in"
    assert row.source == "walk_in"
    with pytest.raises(ValueError):
        desk.walk_in(demo.event_id, demo.list_ids[0], given_name=" ", family_name="")


def test_check_in_found_by_search(database, demo, desk):
    with database.reader() as session:
        registration_id = session.scalar(select(Registration.id).where(Registration.status == "valid").limit(1))
    result = desk.check_in_registration(registration_id, demo.list_ids[0])
    assert result.decision.accepted
    with database.reader() as session:
        assert session.get(CheckIn, result.check_in_id).source == "search"


def test_unknown_code_resolvers_are_asked_in_order_inside_the_scan(database, demo, clock):
    from checkin.store.desk import guest_by_code
    from checkin.store.desk_collaborators import Resolution

    real = _code(database, demo.event_id, status="valid")
    asked = []

    def knows_nothing(session, event_id, code, direction):
        asked.append(("nothing", code))
        return None

    def alias(session, event_id, code, direction):
        asked.append(("alias", code))
        if code == "ALIAS-1":
            return Resolution(guest=guest_by_code(session, event_id, real), extra={"keyboard_layout": "de"})
        return None

    desk = DeskService(database, "00000000-0000-4000-8000-000000000003", "Desk C", clock=clock,
                       unknown_code_resolvers=[knows_nothing, alias])
    found = desk.scan(demo.event_id, demo.list_ids[0], "ALIAS-1")
    assert found.decision.outcome is Outcome.OK and found.registration_id is not None
    assert found.decision.extra == {"keyboard_layout": "de"}
    assert asked == [("nothing", "ALIAS-1"), ("alias", "ALIAS-1")]
    # A code that is known is never shown to the resolvers; one nobody knows is refused as before.
    assert desk.scan(demo.event_id, demo.list_ids[0], real).decision.outcome is Outcome.ALREADY_CHECKED_IN
    assert desk.scan(demo.event_id, demo.list_ids[0], "NOBODY").decision.outcome is Outcome.UNKNOWN
    assert asked[2:] == [("nothing", "NOBODY"), ("alias", "NOBODY")]


def test_a_scan_of_only_invisible_characters_is_no_scan(database, demo, desk):
    result = desk.scan(demo.event_id, demo.list_ids[0], "\u200b\ufeff\u200e ")
    assert result.check_in_id is None and result.decision.outcome is Outcome.INVALID_CODE
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(CheckIn)) == 0


def test_a_huge_paste_is_cut_before_it_is_cleaned(database, demo, desk):
    result = desk.scan(demo.event_id, demo.list_ids[0], "\x01" + "A" * 400_000)
    with database.reader() as session:
        row = session.get(CheckIn, result.check_in_id)
    assert row.outcome == "invalid_code" and len(row.raw_code) == MAX_CODE_LENGTH

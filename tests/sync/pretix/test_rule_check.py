"""A list's rules at the desk: the scan's answer, its place among pretix's checks, undo, and errors."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from checkin.core.decision import Direction, Outcome
from checkin.store.models import CheckIn, CheckInList, Registration, TicketType
from checkin.sync.pretix.offline import pretix_desk

ONCE_A_DAY = {"<": [{"var": "entries_today"}, 1]}


@pytest.fixture
def rules_desk(database, clock):
    return pretix_desk(database, "00000000-0000-4000-8000-0000000000b1", "Desk Rules", clock=clock)


def with_rules(database, list_id: int, rules: dict, **fields) -> None:
    with database.session() as session:
        session.execute(update(CheckInList).where(CheckInList.id == list_id).values(rules=rules, **fields))


def guest_code(database, event_id: int, ticket_type: str = "Participant") -> str:
    with database.reader() as session:
        return session.scalar(select(Registration.code).join(TicketType).where(
            Registration.event_id == event_id, TicketType.name == ticket_type, Registration.status == "valid")
            .order_by(Registration.id).limit(1))


def test_once_a_day_refuses_the_second_entry_and_admits_again_the_next_day(database, demo, clock, rules_desk):
    day_one = demo.list_ids[0]
    with_rules(database, day_one, ONCE_A_DAY, allow_multiple_entries=True)
    code = guest_code(database, demo.event_id)
    assert rules_desk.scan(demo.event_id, day_one, code).decision.accepted
    clock.now += timedelta(hours=2)
    second = rules_desk.scan(demo.event_id, day_one, code)
    assert second.decision.outcome is Outcome.ENTRY_NOT_PERMITTED
    assert second.decision.message == "Entry not permitted: maximum number of entries today reached (1 so far)."
    assert second.decision.extra["rules_reason"] == "maximum number of entries today reached (1 so far)"
    assert rules_desk.scan(demo.event_id, day_one, code, Direction.EXIT).decision.accepted  # rules govern entries
    clock.now += timedelta(days=1)
    assert rules_desk.scan(demo.event_id, day_one, code).decision.accepted
    with database.reader() as session:
        rows = session.execute(select(CheckIn.outcome, CheckIn.explanation).where(CheckIn.raw_code == code)
                               .order_by(CheckIn.id)).all()
    assert [tuple(row) for row in rows] == [
        ("ok", None), ("entry_not_permitted", "maximum number of entries today reached (1 so far)"),
        ("ok", None), ("ok", None)]


@pytest.mark.postgres
def test_once_a_day_on_postgresql(pg_database, clock):
    from checkin.sync.demo import create_demo_event

    with pg_database.session() as session:
        demo = create_demo_event(session, 20, seed=3)
    desk = pretix_desk(pg_database, "00000000-0000-4000-8000-0000000000b2", "Desk PG", clock=clock)
    with_rules(pg_database, demo.list_ids[0], ONCE_A_DAY, allow_multiple_entries=True)
    code = guest_code(pg_database, demo.event_id)
    assert desk.scan(demo.event_id, demo.list_ids[0], code).decision.accepted
    refused = desk.scan(demo.event_id, demo.list_ids[0], code).decision
    assert refused.outcome is Outcome.ENTRY_NOT_PERMITTED


def test_the_rules_come_before_already_checked_in_as_in_pretix(database, demo, clock, rules_desk):
    day_one = demo.list_ids[0]
    with_rules(database, day_one, ONCE_A_DAY, allow_multiple_entries=False)
    code = guest_code(database, demo.event_id)
    assert rules_desk.scan(demo.event_id, day_one, code).decision.accepted
    assert rules_desk.scan(demo.event_id, day_one, code).decision.outcome is Outcome.ENTRY_NOT_PERMITTED


def test_other_refusals_keep_their_own_reason(database, demo, rules_desk):
    day_two = demo.list_ids[1]  # Participants, Speakers and Staff only
    with_rules(database, day_two, {"==": [{"var": "entries_number"}, 99]})
    code = guest_code(database, demo.event_id, "Press")
    assert rules_desk.scan(demo.event_id, day_two, code).decision.outcome is Outcome.NOT_VALID_FOR_LIST


def test_an_undone_entry_no_longer_counts(database, demo, rules_desk):
    day_one = demo.list_ids[0]
    with_rules(database, day_one, ONCE_A_DAY, allow_multiple_entries=True)
    code = guest_code(database, demo.event_id)
    assert rules_desk.scan(demo.event_id, day_one, code).decision.accepted
    assert rules_desk.undo_last(day_one) is not None
    assert rules_desk.scan(demo.event_id, day_one, code).decision.accepted


def test_a_rule_the_desk_does_not_know_refuses_with_a_clear_reason(database, demo, rules_desk):
    day_one = demo.list_ids[0]
    with_rules(database, day_one, {"and": [{"==": [{"var": "seat_row"}, 3]}]})
    answer = rules_desk.scan(demo.event_id, day_one, guest_code(database, demo.event_id)).decision
    assert answer.outcome is Outcome.ENTRY_NOT_PERMITTED
    assert "unknown variable 'seat_row'" in answer.message and "Ask the organisers" in answer.message


def test_product_rules_use_pretix_product_ids(database, demo, rules_desk):
    day_one = demo.list_ids[0]
    with database.session() as session:
        for number, ticket_type in enumerate(session.scalars(select(TicketType).order_by(TicketType.id)), 100):
            ticket_type.external_id = str(number)
        speaker = session.scalar(select(TicketType.external_id).where(TicketType.name == "Speaker"))
    with_rules(database, day_one, {"inList": [{"var": "product"}, {"objectList": [
        {"lookup": ["product", speaker, "Speaker"]}]}]})
    assert rules_desk.scan(demo.event_id, day_one, guest_code(database, demo.event_id, "Speaker")).decision.accepted
    refused = rules_desk.scan(demo.event_id, day_one, guest_code(database, demo.event_id)).decision
    assert (refused.outcome, refused.message) == (Outcome.ENTRY_NOT_PERMITTED,
                                                  "Entry not permitted: this ticket type is not allowed here.")

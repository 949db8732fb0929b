"""Store queries the desk window relies on: its setup, a guest's details, arrivals per
quarter hour and the count of queued uploads."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from checkin.core.decision import Direction
from checkin.store import guests, stats
from checkin.store.desk_setup import load_setup
from checkin.store.models import CheckIn, Registration


def first_valid(database, demo) -> Registration:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(Registration).where(Registration.event_id == demo.event_id,
                                                         Registration.status == "valid").order_by(Registration.id))


def test_setup_names_the_event_its_lists_and_ticket_types(database, demo):
    with database.reader() as session:
        setup = load_setup(session)
        assert setup.event_slug == demo.slug and setup.timezone == "Europe/Berlin"
        assert [name for _id, name in setup.lists] == ["Day 1", "Day 2"] and setup.list_name == "Day 1"
        assert {name for _id, name in setup.ticket_types} == {"Participant", "Speaker", "Press", "Staff"}
        assert load_setup(session, "no-such-event", 999_999).event_slug == demo.slug  # falls back to the newest
        day_two = load_setup(session, demo.slug, demo.list_ids[1])
    assert day_two.list_name == "Day 2"
    assert setup.with_list(demo.list_ids[1]).list_id == demo.list_ids[1]
    with pytest.raises(LookupError):
        setup.with_list(999_999)


def test_an_empty_database_has_no_setup(database):
    with database.reader() as session:
        assert load_setup(session) is None


def test_guest_details_show_the_log_and_what_can_be_undone(database, demo, desk, clock):
    guest = first_valid(database, demo)
    list_id = demo.list_ids[0]
    desk.scan(demo.event_id, list_id, guest.code)
    clock.now += timedelta(minutes=5)
    desk.scan(demo.event_id, list_id, guest.code)  # a duplicate: logged, not undoable
    with database.reader() as session:
        details = guests.guest_details(session, guest.id, list_id)
    assert [line.outcome for line in details.log] == ["ok", "already_checked_in"]
    assert details.checked_in_at == clock.now - timedelta(minutes=5)
    assert details.last_undoable.check_in_id == details.log[0].check_in_id
    desk.undo(details.last_undoable.check_in_id)
    with database.reader() as session:
        details = guests.guest_details(session, guest.id, list_id)
    assert details.last_undoable is None and details.checked_in_at is None and details.log[0].undone


def test_notes_are_saved_and_unknown_guests_are_a_clear_error(database, demo):
    guest = first_valid(database, demo)
    with database.session() as session:
        guests.set_notes(session, guest.id, "Paid cash at the desk")
    with database.reader() as session:
        assert guests.guest_details(session, guest.id, demo.list_ids[0]).notes == "Paid cash at the desk"
        with pytest.raises(LookupError):
            guests.guest_details(session, 999_999, demo.list_ids[0])


def test_arrivals_are_counted_per_quarter_hour_without_exits_refusals_or_undone(database, demo, desk, clock):
    with database.reader() as session:
        codes = list(session.scalars(select(Registration.code).where(Registration.status == "valid").limit(5)))
    list_id = demo.list_ids[0]
    clock.now = clock.now.replace(hour=9, minute=1)
    desk.scan(demo.event_id, list_id, codes[0])
    desk.scan(demo.event_id, list_id, codes[0])  # duplicate
    clock.now = clock.now.replace(minute=14)
    desk.scan(demo.event_id, list_id, codes[1])
    clock.now = clock.now.replace(minute=47)
    desk.scan(demo.event_id, list_id, codes[2])
    desk.scan(demo.event_id, list_id, codes[1], Direction.EXIT)
    undone = desk.scan(demo.event_id, list_id, codes[3])
    desk.undo(undone.check_in_id)
    with database.reader() as session:
        series = stats.arrivals_per_quarter_hour(session, list_id)
    assert [(slot.strftime("%H:%M"), n) for slot, n in series] == [("09:00", 2), ("09:15", 0), ("09:30", 0), ("09:45", 1)]


def test_pending_uploads_count_only_server_events(database, demo, desk):
    guest = first_valid(database, demo)
    desk.scan(demo.event_id, demo.list_ids[0], guest.code)
    with database.reader() as session:
        assert session.scalar(select(CheckIn.upload_state)) == "pending"
        assert stats.pending_uploads(session) == 0  # the demo event has no server to upload to

"""The desk's event and list, remembered per database and per desk (SQLite and PostgreSQL)."""
from __future__ import annotations

import pytest
from sqlalchemy import delete

from checkin.store.database import open_database
from checkin.store.desk_choice import remember, remembered
from checkin.store.models import CheckInList, Event
from checkin.sync.demo import create_demo_event

DESK_A, DESK_B = "00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b"


@pytest.fixture(params=["sqlite", "postgres"])
def two_events(request, tmp_path):  # noqa: ANN001, ANN201
    url = (f"sqlite:///{tmp_path / 'choice.sqlite3'}" if request.param == "sqlite"
           else request.getfixturevalue("postgres_server").create_database())
    database = open_database(url)
    with database.session() as session:
        first = create_demo_event(session, 20, seed=1, slug="spring")
        second = create_demo_event(session, 20, seed=2, slug="autumn")
    yield database, first, second
    database.dispose()


def test_each_desk_keeps_its_own_choice_and_changes_it(two_events):
    database, spring, autumn = two_events
    with database.session() as session:
        remember(session, DESK_A, spring.event_id, spring.list_ids[1])
        remember(session, DESK_B, autumn.event_id, None)
    with database.session() as session:
        assert remembered(session, DESK_A) == ("spring", spring.list_ids[1])
        assert remembered(session, DESK_B) == ("autumn", 0)
        remember(session, DESK_A, autumn.event_id, autumn.list_ids[0])
    with database.reader() as session:
        assert remembered(session, DESK_A) == ("autumn", autumn.list_ids[0])
        assert remembered(session, "another desk") is None


def test_a_list_of_another_event_is_not_kept(two_events):
    database, spring, autumn = two_events
    with database.session() as session:
        remember(session, DESK_A, spring.event_id, autumn.list_ids[0])
    with database.reader() as session:
        assert remembered(session, DESK_A) == ("spring", 0)


def test_the_choice_never_outlives_its_event_or_list(two_events):
    database, spring, autumn = two_events
    with database.session() as session:
        remember(session, DESK_A, spring.event_id, spring.list_ids[1])
        remember(session, DESK_B, autumn.event_id, autumn.list_ids[0])
    with database.session() as session:
        session.execute(delete(CheckInList).where(CheckInList.id == spring.list_ids[1]))
        session.execute(delete(Event).where(Event.id == autumn.event_id))
    with database.reader() as session:
        assert remembered(session, DESK_A) == ("spring", 0), "the list is forgotten, the event kept"
        assert remembered(session, DESK_B) is None, "the event is gone: no slug this database lacks"

from datetime import timedelta

from sqlalchemy import select

from checkin.core.decision import Direction
from checkin.store.desk import DeskService
from checkin.store.models import Registration
from checkin.store.stats import event_stats


def test_counts_follow_the_log(database, demo, desk, clock):
    list_id = demo.list_ids[0]
    with database.reader() as session:
        codes = session.scalars(select(Registration.code).where(Registration.status == "valid").limit(3)).all()
    for code in codes:
        desk.scan(demo.event_id, list_id, code)
    desk.scan(demo.event_id, list_id, codes[0])  # duplicate: not counted twice
    desk.scan(demo.event_id, list_id, codes[1], Direction.EXIT)  # left, but has arrived
    desk.undo_last(list_id)  # undoes the exit
    other = DeskService(database, "00000000-0000-4000-8000-000000000002", "Desk B", clock=clock)
    other.walk_in(demo.event_id, list_id, given_name="Walk", family_name="In")
    desk.scan(demo.event_id, list_id, "nope")
    with database.reader() as session:
        stats = event_stats(session, demo.event_id, list_id)
        cancelled = session.query(Registration).filter_by(status="cancelled").count()
    assert stats.registered == 201 - cancelled
    assert stats.checked_in == 4
    assert stats.walk_ins == 1
    assert stats.refused_scans == 2  # the duplicate and the unknown code
    assert {row["name"]: row["check_ins"] for row in stats.desks} == {"Desk A": 3, "Desk B": 1}
    assert sum(row["checked_in"] for row in stats.ticket_types) == 4
    assert stats.as_json()["registered"] == stats.registered

from checkin.core.decision import Outcome
from checkin.store.models import Registration
from sqlalchemy import select


def test_demo_guest_checks_in_once(database, demo, desk):
    with database.reader() as session:
        code = session.scalar(select(Registration.code).where(Registration.status == "valid").limit(1))
    first = desk.scan(demo.event_id, demo.list_ids[0], code)
    second = desk.scan(demo.event_id, demo.list_ids[0], code)
    assert first.decision.outcome is Outcome.OK
    assert second.decision.outcome is Outcome.ALREADY_CHECKED_IN
    assert second.decision.previous.desk == "Desk A"
